"""Phrase choice as ranking: every candidate translation of a term scored by one learned model.

usage: python bench/fit_rank.py [--shared ../shared] [--write] [--show]

For every gold term of both dev sets, the candidates are the word aligner's
voted phrases (realign.renderings) and the ranked extractor's translation and
alternatives (pipeline without the aligner stage).  Each candidate is scored
with the gold rule and described by choice.candidate_features (vote share,
association with the term over the article's sentence pairs, dictionary and
background-table support, length).  A model of "this candidate is right"
(the mean probability of an L2 logistic regression and gradient-boosted trees,
scikit-learn, settings in TREES; ``--model logistic|trees`` for either alone,
for comparison) is fitted leave-one-article-out; the top candidate of each term is the
row's translation, its probability the row's confidence.  Both ways a learner
runs the extractor are data: all files of a set together, and each file alone
(a model fitted without the article scores it in both).  Prints, per set and
way, the oracle (a right candidate exists), the chosen accuracy and the
pipeline's own on the same terms, then the reliability table.  ``--write``
stores both models fitted on all rows in trainer/extract/data/choice_model.json,
after checking that trainer.extract.choice gives the fitted probabilities.
Needs the bench extra: pip install -e '.[bench]'.
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

from trainer.extract import aligned_rows, choice, realign, tokens  # noqa: E402
from trainer.extract.pipeline import extract_documents  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402
from proto_align import gold_rows  # noqa: E402


L2 = 1.0
#: Chosen on one eflomal draw among depths 2-3, 50-200 trees, rates 0.05-0.1, then
#: checked on two other draws (bench/RESULTS_extract.md, session 33).
TREES = dict(max_depth=3, n_estimators=100, learning_rate=0.1, subsample=0.8, random_state=0)


def fit_trees(x: np.ndarray, y: np.ndarray):
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(**TREES).fit(x, y)


def predict(kind: str, x: np.ndarray, y: np.ndarray, xt: np.ndarray) -> np.ndarray:
    """Probabilities for ``xt`` from the model of that kind fitted on (x, y)."""
    logistic = (lambda: 1 / (1 + np.exp(-xt @ fit(x, y))))
    trees = (lambda: fit_trees(x, y).predict_proba(xt)[:, 1])
    if kind == "logistic":
        return logistic()
    if kind == "trees":
        return trees()
    return 0.5 * (logistic() + trees())


def trees_json(model, names: list[str]) -> dict:
    """The fitted trees as plain lists, for trainer.extract.boosted."""
    init = float(model._raw_predict_init(np.zeros((1, len(names))))[0, 0])
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append([[int(t.feature[k]) if t.children_left[k] >= 0 else -1, float(t.threshold[k]),
                       int(t.children_left[k]), int(t.children_right[k]), float(t.value[k][0][0])]
                      for k in range(t.node_count)])
    return {"features": names, "init": init, "learning_rate": float(model.learning_rate), "trees": trees}


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression, L2 on all weights but the bias, Newton's method."""
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + L2 * np.r_[0, w[1:]]
        hess = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        w -= np.linalg.solve(hess, grad)
    return w


def read_checked(path: Path) -> dict[tuple[str, str], str]:
    """(lang, term) -> the text decks/checked.tsv confirms (accepted or typed); rejects left out."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lang, term, decision, old, new = (line.split("\t") + [""] * 5)[:5]
        if decision in ("accept", "edit"):
            out[(lang, term)] = new if decision == "edit" else old
    return out


def shows(pairs, term: str, text: str) -> bool:
    """Whether the text is in one of the article's translated sentences that hold the term."""
    forms = tokens.latin(text).forms
    return bool(forms) and any(p.zh.find(term) and p.tr.find_forms(forms) for p in pairs)


def collect(shared: Path, alone: bool, score_terms: object, checked: dict[tuple[str, str], str] | None = None):
    """Gold items (scored) and, with ``checked``, training-only items: the bundled
    articles' other terms labelled by the maintainers' check, where the confirmed
    text is in the article's own sentences."""
    sets = [(sorted((shared / "articles").glob("*.txt")), shared / "gold/dev_terms.tsv"),
            (sorted((shared / "corpus/ntrex-dev/articles").glob("*.txt")), shared / "corpus/ntrex-dev/gold.tsv")]
    items, extra = [], []  # (article, [(features, right, text)], current right, found)
    for files, gold in sets:
        docs = load_documents(files)
        groups = [[d] for d in docs] if alone else [docs]
        ranked, aligned, final = {}, {}, {}
        for group in groups:
            for r in extract_documents(group, aligned=False):
                ranked[(r.term, r.lang, r.source[:3])] = r
            for r in extract_documents(group):
                final.setdefault((r.term, r.lang, r.source[:3]), r)
            aligned.update(realign.align_documents(group))
        by_art = {d.article.name[:3]: d for d in docs}
        for zh, lang, art, variants in gold_rows(gold):
            doc = by_art[art]
            pairs = aligned.get(doc.article.name, [])
            row = ranked.get((zh, lang, art))
            names = aligned_rows.candidates(doc.article.zh, pairs)[1]
            cands = choice.candidates(zh, pairs, lang, row, is_name=zh in names)
            now = final.get((zh, lang, art))
            now_right = bool(now) and score_terms.right(now.translation, variants, lang)
            items.append((art, [(c.features, score_terms.right(c.text, variants, lang), c.text) for c in cands],
                          now_right, now is not None))
        if checked is None or gold != sets[0][1]:
            continue
        in_gold = {(zh, lang, art) for zh, lang, art, _v in gold_rows(gold)}
        for (lang, term), text in sorted(checked.items()):
            for art, doc in sorted(by_art.items()):
                pairs = aligned.get(doc.article.name, [])
                if doc.article.lang != lang or (term, lang, art) in in_gold or not shows(pairs, term, text):
                    continue
                names = aligned_rows.candidates(doc.article.zh, pairs)[1]
                cands = choice.candidates(term, pairs, lang, ranked.get((term, lang, art)), is_name=term in names)
                extra.append((art, [(c.features, score_terms.right(c.text, [text], lang), c.text) for c in cands],
                              False, True))
    return items, extra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--show", action="store_true", help="print the terms the ranking gets wrong")
    ap.add_argument("--checked", action="store_true",
                    help="also train on the bundled articles' terms as decks/checked.tsv labels them (never scored)")
    ap.add_argument("--model", choices=("mean", "logistic", "trees"), default="mean",
                    help="the shipped mean of both, or either alone (comparison only)")
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "gold"))
    import score_terms  # type: ignore

    checked = read_checked(ROOT / "decks/checked.tsv") if args.checked else None
    items, extra = [], []
    for mode in ("together", "alone"):
        scored, more = collect(shared, mode == "alone", score_terms, checked)
        items += [(mode, *item) for item in scored]
        extra += [(mode, *item) for item in more]
    names = list(choice.FEATURES)
    x, y, g, term_of = [], [], [], []
    for t, (_mode, art, cands, _now, _has) in enumerate(items + extra):
        for feats, ok, _text in cands:
            x.append([feats[k] for k in names])
            y.append(float(ok))
            g.append(art)
            term_of.append(t if t < len(items) else -1)
    if extra:
        print(f"training only: {len(extra)} checked terms of the bundled articles, "
              f"{sum(len(e[2]) for e in extra)} candidates, {sum(any(c[1] for c in e[2]) for e in extra)} with a right one")
    xa, ya, ga, ta = np.array(x), np.array(y), np.array(g), np.array(term_of)
    held = np.zeros(len(ya))
    for art in sorted(set(g)):
        m = ga == art
        held[m] = predict(args.model, xa[~m], ya[~m], xa[m])
    chosen_ok, chosen_p, oracle = [], [], 0
    for t in range(len(items)):
        m = np.where(ta == t)[0]
        if not len(m):
            chosen_ok.append(False)
            chosen_p.append(0.0)
            continue
        oracle += bool(ya[m].any())
        best = m[np.argmax(held[m])]
        chosen_ok.append(bool(ya[best]))
        chosen_p.append(float(held[best]))
    n = len(items)
    ok, p = np.array(chosen_ok, float), np.array(chosen_p)
    print("| set | way | gold terms | pipeline | oracle | ranked (LOAO) |\n|---|---|---|---|---|---|")
    for label in ("seed", "ntrex"):
        for mode in ("together", "alone"):
            sel = np.array([i for i, it in enumerate(items) if it[0] == mode and it[1].startswith("n") == (label == "ntrex")])
            now = np.mean([items[i][3] for i in sel])
            orc = np.mean([any(c[1] for c in items[i][2]) for i in sel])
            print(f"| {label} | {mode} | {len(sel)} | {now:.2f} | {orc:.2f} | {ok[sel].mean():.2f} |")
    print(f"all: {n} terms, oracle {oracle / n:.2f}, ranked {ok.mean():.2f}, {len(ya)} candidates")
    bins = np.clip((p * 10).astype(int), 0, 9)
    ece = 0.0
    for b in range(10):
        m = bins == b
        if m.any():
            ece += m.sum() / n * abs(p[m].mean() - ok[m].mean())
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}: {m.sum():3d} rows, predicted {p[m].mean():.2f}, right {ok[m].mean():.2f}")
    print(f"ECE {ece:.3f}")
    for bar in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        m = p >= bar
        if m.any():
            print(f"  p >= {bar}: {m.sum()} rows, {ok[m].mean():.2f} right")
    print("logistic weights:", {k: round(float(v), 3) for k, v in zip(names, fit(xa, ya))})
    if args.show:
        for t, (_mode, art, cands, now, _h) in enumerate(items):
            m = np.where(ta == t)[0]
            if len(m) and chosen_ok[t] != now:
                print(_mode, art, "pipeline right" if now else "ranking right", [(c[2], c[1], round(float(held[i]), 2)) for c, i in zip(cands, m)][:6])
    if args.write and args.model == "mean":
        w, model = fit(xa, ya), fit_trees(xa, ya)
        data = {"fitted_by": "bench/fit_rank.py", "settings": TREES, "candidates": len(ya),
                "logistic": {k: float(v) for k, v in zip(names, w)}, "trees": trees_json(model, names)}
        ours = choice.Model.from_json(data)
        gap = max(abs(ours.probability(dict(zip(names, row))) - p) for row, p in zip(xa, predict("mean", xa, ya, xa)))
        assert gap < 1e-9, f"choice.Model differs from the fitted models by {gap}"
        out = ROOT / "trainer/extract/data/choice_model.json"
        out.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        print(f"wrote {out} (largest gap to scikit-learn: {gap:.1e})")


if __name__ == "__main__":
    main()
