"""A gradient-boosted tree model, evaluated without the library that fitted it.

bench/fit_rank.py fits scikit-learn's GradientBoostingClassifier (log loss) and
writes its trees as plain lists; this module sums them.  scikit-learn compares
features as float32 against its thresholds, so features are rounded to float32
here too: the probability is the fitted model's, to the last bit the tests check.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from typing import Mapping, Sequence

#: One node: feature index (-1 for a leaf), threshold, left child, right child, leaf value.
Node = tuple[int, float, int, int, float]


@dataclass(frozen=True)
class Trees:
    features: tuple[str, ...]
    init: float                     # log-odds before the first tree
    learning_rate: float
    trees: tuple[tuple[Node, ...], ...]

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "Trees":
        return cls(
            features=tuple(data["features"]),  # type: ignore[arg-type]
            init=float(data["init"]),  # type: ignore[arg-type]
            learning_rate=float(data["learning_rate"]),  # type: ignore[arg-type]
            trees=tuple(tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree)
                        for tree in data["trees"]),  # type: ignore[attr-defined]
        )

    def log_odds(self, values: Sequence[float]) -> float:
        x = array("f", values)  # float32, as the fitted trees saw them
        total = 0.0
        for tree in self.trees:
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2] if x[node[0]] <= node[1] else node[3]]
            total += node[4]
        return self.init + self.learning_rate * total

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.log_odds([features.get(name, 0.0) for name in self.features])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
