"""Extraction speed and memory: words/s and peak RSS over >= 200k words, beside spaCy's own throughput
with the same pipeline (tagger, parser, entities), in one process and with --jobs 2."""

from __future__ import annotations

import argparse
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

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "seed-kingpin-strategy.txt"
REAL = sorted((REPO / "tests" / "fixtures" / "real" / "dev").glob("*.txt"))


def corpus(folder: Path, target_words: int) -> tuple[list[Path], int]:
    """Real articles (the dev corpus and the seed, renamed copies) and synthetic ones in turn, until
    `target_words` words: half the words are real text."""
    paths, total = [], 0
    real = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in REAL)]
    docs = make_corpus(10**6, seed=7)
    i = 0
    while total < target_words:
        if i % 2 == 0:  # renamed, so each copy's document id differs
            name, text = f"real-copy-{i:05d}.txt", real[(i // 2) % len(real)] + f"\n\nCopy {i}.\n"
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


def spacy_alone(paths: list[Path]) -> float:
    """Seconds spaCy's own `nlp.pipe` takes over the same texts with the same pipeline (the reference)."""
    from ocgraph.loaders.spacy_extractor import load_pipeline

    nlp = load_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def in_jobs(paths: list[Path], jobs: int) -> int:
    """Relations found by `extract_all` with `jobs` worker processes (as `ocgraph extract --jobs`)."""
    from ocgraph.loaders.text import extract_all

    errors: list[str] = []
    return sum(len(g.relations) for _, g in extract_all(paths, errors, [], jobs=jobs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=200_000, help="words to process (default 200000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, total = corpus(Path(tmp), args.words)
        print(f"corpus: {len(paths)} files, {total} words (half real articles, half synthetic)")
        reference = spacy_alone(paths)
        # one process: the model load is included, as a user running `ocgraph extract` pays it
        t0 = time.perf_counter()
        relations, cpu_one = work(paths)
        one = time.perf_counter() - t0
        rss_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        relations2 = in_jobs(paths, 2)
        two = time.perf_counter() - t0
        rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert relations == relations2, (relations, relations2)
    print(
        f"relations found: {relations}; load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"spaCy alone (nlp.pipe, same pipeline): {reference:.1f} s, {total / reference:,.0f} words/s")
    print("| processes | wall s | words/s (wall) | CPU s | words/s (CPU) | peak RSS/process (MB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| 1 | {one:.1f} | {total / one:,.0f} | {cpu_one:.1f} | {total / cpu_one:,.0f} | {rss_one:.0f} |")
    print(f"| 2 (--jobs 2) | {two:.1f} | {total / two:,.0f} | - | - | {rss_child:.0f} |")
    print(f"speed-up with --jobs 2: {one / two:.2f}x; extraction costs {one / reference:.2f}x spaCy alone")
    print("targets: >= 4,000 words/s in one process, peak < 1,024 MB, --jobs 2 >= 1.7x")


if __name__ == "__main__":
    main()
