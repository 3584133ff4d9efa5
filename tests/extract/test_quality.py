"""Measured, not hard-coded: the dev figures of both dev sets, so a regression fails CI.

The gold lists live outside the repository (../shared, or $TRAINER_SHARED);
the floors sit a few points under bench/RESULTS_extract.md's figures, because
the word aligner samples (a fresh cache moves a figure by about +-0.03).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from trainer.extract.pipeline import extract_documents
from trainer.extract.sources import load_documents

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TRAINER_SHARED", ROOT.parent / "shared"))

#: (articles, gold list, recall floor, accuracy floor), all files of a set extracted together.
SETS = {
    "seed": ("articles", "gold/dev_terms.tsv", 0.95, 0.86),
    "ntrex-dev": ("corpus/ntrex-dev/articles", "corpus/ntrex-dev/gold.tsv", 0.92, 0.72),
}


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_terms", SHARED / "gold" / "score_terms.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


@pytest.mark.skipif(not (SHARED / "gold" / "score_terms.py").exists(), reason="shared dev sets not found")
@pytest.mark.parametrize("name", sorted(SETS))
def test_dev_figures(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles, gold, recall_floor, accuracy_floor = SETS[name]
    rows = extract_documents(load_documents(sorted((SHARED / articles).glob("*.txt"))))
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    accuracy = _scorer().main([str(SHARED / gold), str(out)])
    line = capsys.readouterr().out.strip().splitlines()[-1]
    recall = float(line.split("recall=")[1].split()[0])
    assert recall >= recall_floor, line
    assert accuracy >= accuracy_floor, line
