"""Store ingest of 2k/5k/10k synthetic documents: time, peak memory, and memory beyond the graph itself."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_corpus, words

from ocgraph.graph.model import Evidence, KnowledgeGraph

SIZES = (2_000, 5_000, 10_000)
SEED = 11


def facts_graph(doc, facts: dict) -> KnowledgeGraph:
    """What a perfect extractor would return for one document: its Document node, entities, relations."""
    kg = KnowledgeGraph()
    kg.add_entity(
        "Document",
        doc.name,
        properties={"date": doc.date, "title": doc.title, "path": str(doc.path)},
        id=doc.id,
    )
    ids = {}
    for e in facts["entities"]:
        ids[e["id"]] = kg.add_entity(e["type"], e["names"][0], e["names"][1:]).id
    for r in facts["relations"]:
        props = {k: v for k, v in r.items() if k in ("date", "amount_scope")}
        if "amount_usd" in r:
            props.update(amount=r["amount_usd"], currency="USD")
        evidence = Evidence(doc.id, r["start"], r["end"], r["evidence"], "synthetic-gold", 1)
        kg.add_relation(ids[r["subject"]], r["predicate"], ids[r["object"]], props, [evidence])
    return kg


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child_ingest(corpus: Path, home: Path, n: int, batches: int) -> dict:
    """Ingest the first `n` files of `corpus` into the store under `home`, in `batches` transactions."""
    from ocgraph.graph.store import Store
    from ocgraph.loaders.documents import read_document

    store = Store(home)
    base = _current_rss_mb()
    docs = make_corpus(n, SEED)
    per_batch = -(-n // batches)
    total_words = 0
    t0 = time.perf_counter()
    for _ in range(batches):
        with store.transaction() as kg:
            for _, (name, _text, facts) in zip(range(per_batch), docs, strict=False):
                doc = read_document(corpus / name)
                total_words += words(doc.raw)
                kg.merge(facts_graph(doc, facts))
        del kg  # as between two `ocgraph ingest` runs: the last graph is gone before the next is read
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mb": _rss_mb(), "base_mb": base, "words": total_words}


def child_hold(home: Path) -> dict:
    """Load the finished store and report the memory the graph alone takes."""
    from ocgraph.graph.store import Store

    base = _current_rss_mb()
    kg = Store(home).load()
    counts = kg.counts()
    return {
        "graph_mb": _current_rss_mb() - base,
        "peak_mb": _rss_mb(),
        "entities": sum(counts["entities"].values()),
        "relations": sum(counts["relations"].values()),
        "store_mb": (home / "graph.jsonl").stat().st_size / 2**20,
    }


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--batches", type=int, default=10, help="transactions in the incremental run")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "ingest":
            result = child_ingest(Path(rest[0]), Path(rest[1]), int(rest[2]), int(rest[3]))
        else:
            result = child_hold(Path(rest[0]))
        print(json.dumps(result))
        return

    largest = max(args.sizes)
    with tempfile.TemporaryDirectory(prefix="ocgraph-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for name, text, _ in make_corpus(largest, SEED):
            (corpus / name).write_text(text, encoding="utf-8")
        print(
            f"store ingest: synthetic corpus seed {SEED}, read with ocgraph.loaders.documents, "
            "facts from the generator (no NLP), one transaction per run unless noted"
        )
        print()
        print(
            "| documents | transactions | words | time (s) | docs/s | words/s | peak RSS (MB) "
            "| graph alone (MB) | peak - graph (MB) | (% of graph) | entities | relations | store file (MB) "
            "| load avg |"
        )
        print("|" + " ---: |" * 14)
        runs = [(n, 1) for n in sorted(args.sizes)] + [(largest, args.batches)]
        for n, batches in runs:
            home = Path(tmp) / f"home-{n}-{batches}"
            ing = _run("--child", "ingest", str(corpus), str(home), str(n), str(batches))
            held = _run("--child", "hold", str(home))
            extra = ing["peak_mb"] - held["peak_mb"]
            print(
                f"| {n:,} | {batches} | {ing['words']:,} | {ing['seconds']:.1f} | {n / ing['seconds']:,.0f} "
                f"| {ing['words'] / ing['seconds']:,.0f} | {ing['peak_mb']:.0f} | {held['peak_mb']:.0f} "
                f"| {extra:.0f} | {100 * extra / held['peak_mb']:.0f}% | {held['entities']:,} "
                f"| {held['relations']:,} | {held['store_mb']:.1f} | {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
        print()
        print(
            "peak RSS: the whole ingest process; graph alone: a fresh process that only loads the finished "
            "store (its peak RSS; reading JSON keeps a copy of each id per relation, so it can exceed the "
            "ingest). 'peak - graph' staying at or below zero as documents grow means ingest memory follows "
            "the graph, not the number of documents read. load avg: the machine's 1-minute load when the "
            "run ended (other work on the machine slows the timings)."
        )


if __name__ == "__main__":
    main()
