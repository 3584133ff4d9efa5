"""Dump, per gold row, the rule-based row and the aligner's rendering with correctness (for fitting)."""
from __future__ import annotations
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from trainer.extract import realign  # noqa
from trainer.extract.pipeline import extract_documents  # noqa
from trainer.extract.sources import load_documents  # noqa
shared = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(shared / "gold"))
import score_terms  # type: ignore
from proto_align import gold_rows
alone = "alone" in sys.argv
sets = {"seed": (sorted((shared/"articles").glob("*.txt")), shared/"gold/dev_terms.tsv"),
        "ntrex": (sorted((shared/"corpus/ntrex-dev/articles").glob("*.txt")), shared/"corpus/ntrex-dev/gold.tsv")}
for name, (files, gold) in sets.items():
    docs = load_documents(files)
    groups = [[d] for d in docs] if alone else [docs]
    rows, al = [], {}
    for g in groups:
        rows += extract_documents(g, 1000)
        al.update(realign.align_documents(g))
    by = {(r.term, r.lang, r.source[:3]): r for r in rows}
    names = {d.article.name[:3]: d.article.name for d in docs}
    o = a = both = n = 0
    for zh, lang, art, variants in gold_rows(gold):
        n += 1
        r = by.get((zh, lang, art))
        rd = realign.renderings(zh, al.get(names[art], []), lang)
        old_ok = bool(r) and score_terms.right(r.translation, variants, lang)
        al_ok = bool(rd.best) and score_terms.right(rd.best, variants, lang)
        o += old_ok; a += al_ok; both += old_ok or al_ok
        print(json.dumps({"set": name, "zh": zh, "lang": lang, "art": art, "old": r.translation if r else None,
               "conf": r.confidence if r else None, "method": r.method if r else None, "old_ok": old_ok,
               "al": rd.best, "share": rd.share, "occ": rd.occurrences, "cov": rd.coverage, "al_ok": al_ok,
               "nvotes": len(rd.votes)}, ensure_ascii=False), file=sys.stderr)
    print(f"{name}: old {o/n:.2f} aligner {a/n:.2f} oracle {both/n:.2f}")
