"""Extraction quality on invented names: `ocgraph extract` on synthetic articles, scored by score.py."""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_corpus, words

REPO = Path(__file__).resolve().parent.parent
# the shared scorer lives beside the clone, as on the development machine and in CI
SCORER = REPO.parent / "shared" / "eval" / "score.py"
OCGRAPH = Path(sys.executable).parent / "ocgraph"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"error: the scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)

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
        ents, rels = score.load_pred([str(pred)])
        counts, ent, _, _ = score.score(score.load_gold(golds), ents, rels)

    print(
        f"extraction on {args.docs} synthetic articles (seed {args.seed}, invented names, {total:,} words): "
        f"{seconds:.1f} s with model loading, {total / seconds:,.0f} words/s"
    )
    print()
    print("| predicate | precision | recall | F1 | tp | fp | fn |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pred_name in sorted(counts):
        tp, fp, fn = counts[pred_name]
        p, r, f = score.prf(tp, fp, fn)
        print(f"| {pred_name} | {p:.2f} | {r:.2f} | {f:.2f} | {tp} | {fp} | {fn} |")
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    p, r, f = score.prf(tp, fp, fn)
    print(f"| **all** | {p:.3f} | {r:.3f} | {f:.3f} | {tp} | {fp} | {fn} |")
    print()
    print(
        f"entities of gold relations found: {ent['found'] / max(ent['gold'], 1):.2f}, "
        f"typed right: {ent['typed'] / max(ent['gold'], 1):.2f}"
    )


if __name__ == "__main__":
    main()
