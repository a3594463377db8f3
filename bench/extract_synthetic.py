"""Extraction quality on invented names: `ocgraph extract` on synthetic articles, then `ocgraph evaluate`."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_corpus, words

OCGRAPH = Path(sys.executable).parent / "ocgraph"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ocgraph-bench-") as tmp:
        folder = Path(tmp)
        texts, golds, total = [], [], 0
        for name, text, facts in make_corpus(args.docs, args.seed):
            (folder / name).write_text(text, encoding="utf-8")
            gold = folder / name.replace(".txt", ".gold.json")
            gold.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
            texts.append(str(folder / name))
            golds.append(str(gold))
            total += words(text)
        pred = folder / "pred.jsonl"
        t0 = time.perf_counter()
        subprocess.run([str(OCGRAPH), "extract", *texts, "-o", str(pred)], check=True, capture_output=True)
        seconds = time.perf_counter() - t0
        scored = subprocess.run(
            [str(OCGRAPH), "evaluate", "--pred", str(pred), *golds, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(scored.stdout)

    print(
        f"extraction on {args.docs} synthetic articles (seed {args.seed}, invented names, {total:,} words): "
        f"{seconds:.1f} s with model loading, {total / seconds:,.0f} words/s"
    )
    print()
    print("| predicate | precision | recall | F1 | tp | fp | fn |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pred_name, row in figures["by_predicate"].items():
        print(
            f"| {pred_name} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} "
            f"| {row['tp']} | {row['fp']} | {row['fn']} |"
        )
    f = figures
    print(
        f"| **all** | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} "
        f"| {f['tp']} | {f['fp']} | {f['fn']} |"
    )
    print()
    print(
        f"gold entities found: {f['entity_recall']:.2f}, "
        f"typed right among those found: {f['entity_type_accuracy']:.2f}"
    )


if __name__ == "__main__":
    main()
