"""Fit the confidence model of aligner-translated rows on both dev sets, and report its calibration.

usage: python bench/fit_extract.py [--shared ../shared] [--write]

For every gold term of ../shared/gold/dev_terms.tsv and ntrex-dev/gold.tsv,
the word aligner's rendering in its article (all files of a set aligned
together, as ``trainer extract`` does) is scored with the gold rule; a
logistic regression (L2, Newton's method) predicts that outcome from
aligned_rows.features.  Calibration is measured leave-one-article-out: the
reliability table and the expected calibration error (ECE) below use, for
each row, a model fitted without its article.  ``--write`` stores the weights
fitted on all rows in trainer/extract/data/aligned_confidence.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from trainer.extract import aligned_rows, realign  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402
from proto_align import gold_rows  # noqa: E402  (one reader of the gold format)

L2 = 1.0


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + L2 * np.r_[0, w[1:]]
        hess = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "gold"))
    import score_terms  # type: ignore

    sets = [(sorted((shared / "articles").glob("*.txt")), shared / "gold/dev_terms.tsv"),
            (sorted((shared / "corpus/ntrex-dev/articles").glob("*.txt")), shared / "corpus/ntrex-dev/gold.tsv")]
    names: list[str] = []
    rows, labels, groups = [], [], []
    for files, gold in sets:
        docs = load_documents(files)
        aligned = realign.align_documents(docs)
        by_art = {d.article.name[:3]: d for d in docs}
        for zh, lang, art, variants in gold_rows(gold):
            doc = by_art[art]
            pairs = aligned.get(doc.article.name, [])
            r = realign.renderings(zh, pairs, lang)
            if not r.best:
                continue
            _found, name_set = aligned_rows.candidates(doc.article.zh, pairs)
            feats = aligned_rows.features(r, zh, zh in name_set, lang)
            names = list(feats)
            rows.append([feats[k] for k in names])
            labels.append(1.0 if score_terms.right(r.best, variants, lang) else 0.0)
            groups.append(art)
    x, y, g = np.array(rows), np.array(labels), np.array(groups)
    held = np.zeros(len(y))
    for art in sorted(set(groups)):
        mask = g == art
        held[mask] = 1 / (1 + np.exp(-x[mask] @ fit(x[~mask], y[~mask])))
    print(f"{len(y)} rows, {y.mean():.2f} right; leave-one-article-out log loss "
          f"{-np.mean(y * np.log(held) + (1 - y) * np.log(1 - held)):.3f} (constant: "
          f"{-np.mean(y * np.log(y.mean()) + (1 - y) * np.log(1 - y.mean())):.3f})")
    print("| predicted | rows | mean predicted | share right |\n|---|---|---|---|")
    ece = 0.0
    for lo in np.arange(0, 1, 0.2):
        m = (held >= lo) & (held < lo + 0.2)
        if m.any():
            ece += m.sum() / len(y) * abs(held[m].mean() - y[m].mean())
            print(f"| {lo:.1f}-{lo + 0.2:.1f} | {m.sum()} | {held[m].mean():.2f} | {y[m].mean():.2f} |")
    print(f"ECE {ece:.3f}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        m = held >= t
        print(f"rows at confidence >= {t}: {m.sum()}, {y[m].mean() if m.any() else float('nan'):.2f} right")
    w = fit(x, y)
    print("weights:", {k: round(float(v), 3) for k, v in zip(names, w)})
    if args.write:
        out = ROOT / "trainer/extract/data/aligned_confidence.json"
        out.write_text(json.dumps({"fitted_by": "bench/fit_extract.py", "rows": int(len(y)),
                                   "weights": {k: round(float(v), 4) for k, v in zip(names, w)}}, indent=1) + "\n")
        print("wrote", out)


if __name__ == "__main__":
    main()
