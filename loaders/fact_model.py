"""The learned scorer of candidate facts: a logistic model over candidate features, stored as JSON.

The model file (`loaders/data/fact_model.json`, rebuilt by `make train`) holds the weight of each
feature, the bias, the cut-off chosen on the training corpus and the reliability table measured there.
Reading it needs nothing beyond the standard library; training (`ocgraph.loaders.training`) needs
scikit-learn.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ocgraph.errors import InputError

FORMAT = "ocgraph-fact-model/1"
DEFAULT = "data/fact_model.json"


@dataclass
class FactModel:
    """Weights by feature; `probability(features)` is the model's confidence in a candidate fact."""

    weights: dict[str, float]
    bias: float
    threshold: float  # the cut-off for a bare pair of names
    meta: dict[str, Any] = field(default_factory=dict)
    backed_threshold: float = 0.0  # the cut-off for a candidate a frame, rule, field or title backs

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0

    def cut(self, features: Iterable[str]) -> float:
        """The probability a candidate with these features needs to be kept."""
        return self.backed_threshold if self.is_backed(features) else self.threshold

    @staticmethod
    def is_backed(features: Iterable[str]) -> bool:
        return any(f.startswith(("backed|", "field|")) for f in features)

    def to_json(self) -> str:
        body = {
            "format": FORMAT,
            **self.meta,
            "threshold": self.threshold,
            "backed_threshold": self.backed_threshold,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def load(path: str | Path | None = None) -> FactModel | None:
    """The model at `path`, else at `OCGRAPH_FACT_MODEL`, else the one shipped with ocgraph; None when
    there is none."""
    path = path or os.environ.get("OCGRAPH_FACT_MODEL") or None
    try:
        if path is None:
            ref = resources.files("ocgraph.loaders").joinpath(DEFAULT)
            if not ref.is_file():
                return None
            text = ref.read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        raw = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path or DEFAULT}: cannot read the fact model: {exc}") from None
    if raw.get("format") != FORMAT:
        raise InputError(f"{path or DEFAULT}: not a fact model ({FORMAT})")
    fields = ("format", "threshold", "backed_threshold", "bias", "weights")
    meta = {k: v for k, v in raw.items() if k not in fields}
    return FactModel(
        dict(raw["weights"]),
        float(raw["bias"]),
        float(raw["threshold"]),
        meta,
        float(raw.get("backed_threshold", 0.0)),
    )
