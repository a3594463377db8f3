"""Reading speed and memory of ocgraph.loaders.documents.read_document: prints MB/s and peak memory."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from ocgraph.loaders.documents import iter_paths, read_document

REPO = Path(__file__).resolve().parent.parent
SOURCES = [
    REPO / "data" / "seed-kingpin-strategy.txt",
    *sorted((REPO / "tests/fixtures/documents").iterdir()),
]


def build_corpus(folder: Path, megabytes: float) -> int:
    """Copies of the seed and the loader fixtures (txt, md, html, cp1252) up to the size asked."""
    size, k = 0, 0
    while size < megabytes * 1e6:
        for source in SOURCES:
            data = source.read_bytes()
            # one long file per format (many articles each) and many small files
            (folder / f"{k:05d}-{source.name}").write_bytes(data)
            size += len(data)
        k += 1
    big = (REPO / "data" / "seed-kingpin-strategy.txt").read_text(encoding="utf-8")
    (folder / "big.txt").write_text((big + "\n\n") * int(megabytes * 1e6 / len(big) / 2), encoding="utf-8")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the corpus of small files")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ocgraph-bench-"))
    try:
        build_corpus(folder, args.megabytes)
        paths = [p for p in iter_paths(folder) if p.name != "big.txt"]
        total = sum(p.stat().st_size for p in paths)
        wall, cpu = time.perf_counter(), time.process_time()
        sections = sum(len(read_document(p).sections) for p in paths)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{len(paths)} files, {total / 1e6:.1f} MB, {sections} articles")
        print(f"  {total / 1e6 / wall:.1f} MB/s wall, {total / 1e6 / cpu:.1f} MB/s CPU")
        big = folder / "big.txt"
        wall, cpu = time.perf_counter(), time.process_time()
        doc = read_document(big)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        mb = big.stat().st_size / 1e6
        print(f"one file of {mb:.1f} MB, {len(doc.sections)} articles")
        print(f"  {mb / wall:.1f} MB/s wall, {mb / cpu:.1f} MB/s CPU")
        del doc
        tracemalloc.start()
        read_document(big)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  peak memory while reading it: {peak / 1e6:.0f} MB ({peak / (mb * 1e6):.1f} x the file)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
