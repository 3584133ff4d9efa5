"""Old rows against the word aligner: which translation to keep, learned on both dev sets.

usage: python bench/fit_choice.py [--shared ../shared] [--write]

For every gold term that the ranked extractor (terms.py + translate.py) gives a
row, two translations compete: the row's own and the word aligner's voted
phrase (realign.renderings).  Each is scored with the gold rule.  A logistic
model predicts from choice_features whether the aligner's
phrase should replace the row's translation; its effect is measured
leave-one-article-out (accuracy of old, aligner, oracle, and the model).
``--write`` stores the weights in trainer/extract/data/choice.json.
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
from trainer.extract.pipeline import extract_documents  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402
from fit_extract import fit  # noqa: E402
from proto_align import gold_rows  # noqa: E402


def choice_features(row: object, r: realign.Renderings) -> dict[str, float]:
    """What the choice model sees of a ranked row and the aligner's phrase for its term."""
    old = row.translation  # type: ignore[attr-defined]
    lang = row.lang  # type: ignore[attr-defined]
    a, b = set(aligned_rows._norms(old, lang)), set(aligned_rows._norms(r.best or "", lang))
    return {
        "bias": 1.0,
        "old_confidence": float(row.confidence),  # type: ignore[attr-defined]
        "old_gloss": 1.0 if row.method == "dictionary" else 0.0,  # type: ignore[attr-defined]
        "new_confidence": aligned_rows.confidence(aligned_rows.features(r, row.term, False, lang)) if r.best else 0.0,  # type: ignore[attr-defined]
        "agreement": len(a & b) / len(a | b) if a | b else 0.0,
    }


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
    x, y_old, y_new, groups, names = [], [], [], [], []
    for files, gold in sets:
        docs = load_documents(files)
        rows = {(r.term, r.lang, r.source[:3]): r for r in extract_documents(docs, aligned=False)}
        aligned = realign.align_documents(docs)
        by_art = {d.article.name[:3]: d for d in docs}
        for zh, lang, art, variants in gold_rows(gold):
            row = rows.get((zh, lang, art))
            if row is None:
                continue
            r = realign.renderings(zh, aligned.get(by_art[art].article.name, []), lang)
            feats = choice_features(row, r)
            names = list(feats)
            x.append([feats[k] for k in names])
            y_old.append(score_terms.right(row.translation, variants, lang))
            y_new.append(bool(r.best) and score_terms.right(r.best, variants, lang))
            groups.append(art)
    xa, old, new, g = np.array(x), np.array(y_old, float), np.array(y_new, float), np.array(groups)
    # Target: the aligner's phrase is right where the row's is wrong (1), or the reverse (0);
    # rows where both agree teach nothing about the choice.
    useful = old != new
    held = np.zeros(len(old))
    for art in sorted(set(groups)):
        m = g == art
        train = ~m & useful
        w = fit(xa[train], new[train]) if train.any() else np.zeros(xa.shape[1])
        held[m] = 1 / (1 + np.exp(-xa[m] @ w))
    pick = np.where(held > 0.5, new, old)
    print(f"{len(old)} gold terms with a ranked row; old right {old.mean():.2f}, aligner right {new.mean():.2f}, "
          f"oracle {np.maximum(old, new).mean():.2f}, chosen (leave-one-article-out) {pick.mean():.2f}; "
          f"replaced {(held > 0.5).sum()}")
    w = fit(xa[useful], new[useful])
    print("weights:", {k: round(float(v), 3) for k, v in zip(names, w)})
    if args.write:
        out = ROOT / "trainer/extract/data/choice.json"
        out.write_text(json.dumps({"fitted_by": "bench/fit_choice.py", "rows": int(useful.sum()),
                                   "weights": {k: round(float(v), 4) for k, v in zip(names, w)}}, indent=1) + "\n")
        print("wrote", out)


if __name__ == "__main__":
    main()
