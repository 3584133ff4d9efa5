"""The shipped tree model's evaluator: sums of leaf values along float32 comparisons."""

from __future__ import annotations

import math

from hypothesis import given, strategies as st

from trainer.extract import choice
from trainer.extract.boosted import Trees

# One stump on "a" (left leaf when a <= 0.5) and a depth-2 tree on "b" then "a".
MODEL = {
    "features": ["a", "b"], "init": -0.25, "learning_rate": 0.5,
    "trees": [
        [[0, 0.5, 1, 2, 0.0], [-1, -2.0, -1, -1, -1.0], [-1, -2.0, -1, -1, 2.0]],
        [[1, 0.0, 1, 2, 0.0], [-1, -2.0, -1, -1, 0.4], [0, 0.9, 3, 4, 0.0],
         [-1, -2.0, -1, -1, -0.6], [-1, -2.0, -1, -1, 1.0]],
    ],
}


def expected(a: float, b: float) -> float:
    first = -1.0 if a <= 0.5 else 2.0
    second = 0.4 if b <= 0.0 else (-0.6 if a <= 0.9 else 1.0)
    return -0.25 + 0.5 * (first + second)


@given(st.sampled_from([0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 3.0]), st.sampled_from([-1.0, 0.0, 0.5, 2.0]))
def test_log_odds_follow_the_branches(a: float, b: float) -> None:
    trees = Trees.from_json(MODEL)
    assert trees.log_odds([a, b]) == expected(a, b)
    assert math.isclose(trees.probability({"a": a, "b": b}), 1 / (1 + math.exp(-expected(a, b))))


def test_a_missing_feature_counts_as_zero() -> None:
    trees = Trees.from_json(MODEL)
    assert trees.probability({"a": 1.0}) == trees.probability({"a": 1.0, "b": 0.0})


def test_features_are_compared_as_float32() -> None:
    # 0.5000000001 rounds to 0.5 in float32: the fitted model (scikit-learn) sends it left.
    trees = Trees.from_json(MODEL)
    assert trees.log_odds([0.5000000001, 0.0]) == expected(0.5, 0.0)


def test_the_shipped_model_covers_every_feature() -> None:
    model = choice._model()
    assert model is not None and set(model.trees.features) == set(choice.FEATURES) == set(model.weights)
    used = {node[0] for tree in model.trees.trees for node in tree if node[0] >= 0}
    assert len(used) > len(choice.FEATURES) // 2  # the trees read most of the evidence


def test_the_choice_is_the_mean_of_both_models() -> None:
    model = choice._model()
    assert model is not None
    features = {name: 0.5 for name in choice.FEATURES}
    z = sum(model.weights[k] * v for k, v in features.items())
    assert math.isclose(model.probability(features),
                        0.5 * (1 / (1 + math.exp(-z)) + model.trees.probability(features)))
