"""Extraction speed and memory: words/s and peak RSS over >= 200k words, in 1 and 2 processes."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# one BLAS thread per process: on a shared machine extra threads only contend (set before numpy loads)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from synthetic import make_corpus, words  # noqa: E402 - the generator lives beside this script

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-kingpin-strategy.txt"


def corpus(folder: Path, target_words: int) -> tuple[list[Path], int]:
    """Synthetic articles in the seed's style plus copies of the seed, until `target_words` words."""
    paths, total = [], 0
    seed_text = SEED.read_text(encoding="utf-8")
    docs = make_corpus(10**6, seed=7)
    i = 0
    while total < target_words:
        if i % 10 == 0:  # every tenth file is the real seed article (renamed, so its id differs)
            name, text = f"seed-copy-{i:05d}.txt", seed_text + f"\n\nCopy {i}.\n"
        else:
            name, text, _ = next(docs)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += words(text)
        i += 1
    return paths, total


def work(paths: list[Path]) -> tuple[int, float]:
    """Read and extract every file; return the relations found and the CPU seconds spent."""
    from ocgraph.loaders.documents import read_document
    from ocgraph.loaders.spacy_extractor import SpacyExtractor

    cpu = time.process_time()
    extractor = SpacyExtractor()
    found = sum(len(extractor.extract(read_document(p)).relations) for p in paths)
    return found, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=200_000, help="words to process (default 200000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, total = corpus(Path(tmp), args.words)
        print(f"corpus: {len(paths)} files, {total} words (synthetic articles + seed copies)")
        # one process: the model load is included, as a user running `ocgraph extract` pays it
        t0 = time.perf_counter()
        relations, cpu_one = work(paths)
        one = time.perf_counter() - t0
        rss_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # two processes, each with its own pipeline, half the files each
        t0 = time.perf_counter()
        with mp.get_context("spawn").Pool(2) as pool:
            halves = pool.map(work, [paths[0::2], paths[1::2]])
        relations2, cpu_two = sum(h[0] for h in halves), max(h[1] for h in halves)
        two = time.perf_counter() - t0
        rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert relations == relations2, (relations, relations2)
    print(
        f"relations found: {relations}; load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    # CPU seconds tell the extractor's own cost; wall seconds include waiting on a busy machine
    print("| processes | wall s | words/s (wall) | CPU s (slowest) | words/s (CPU) | peak RSS/process (MB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| 1 | {one:.1f} | {total / one:,.0f} | {cpu_one:.1f} | {total / cpu_one:,.0f} | {rss_one:.0f} |")
    print(
        f"| 2 | {two:.1f} | {total / two:,.0f} | {cpu_two:.1f} | {total / cpu_two:,.0f} | {rss_child:.0f} |"
    )
    print("targets: >= 5,000 words/s in one process, peak < 1,024 MB")


if __name__ == "__main__":
    main()
