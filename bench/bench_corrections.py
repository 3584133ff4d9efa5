"""What confirmed corrections bring: accuracy of an article's extraction before and after
a learner has checked the other articles' rows.

usage: python bench/bench_corrections.py [--shared ../shared]

For each dev set, each article is extracted alone.  A learner then checks every
*other* article of the set: for each of its rows whose term is in that article's
gold list, they accept the row when it is right, or type the first gold variant
when it is wrong (what a careful learner's check of the gold terms gives; rows
without gold are left alone).  The held-out article is extracted again with those
corrections (trainer.extract.corrections.apply_corrections), and both runs are
scored on its gold rows with ../shared/gold/score_terms.py.  Prints, per set,
accuracy before and after, and how many rows took a confirmed translation.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from proto_align import gold_rows  # noqa: E402
from trainer.extract.corrections import apply_corrections  # noqa: E402
from trainer.extract.pipeline import extract_documents  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402
from trainer.models import Correction  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    shared = Path(ap.parse_args().shared)
    sys.path.insert(0, str(shared / "gold"))
    import score_terms  # type: ignore

    sets = [("seed", sorted((shared / "articles").glob("*.txt")), shared / "gold/dev_terms.tsv"),
            ("ntrex", sorted((shared / "corpus/ntrex-dev/articles").glob("*.txt")), shared / "corpus/ntrex-dev/gold.tsv")]
    print("| set | gold rows | right before | right after | rows confirmed from other articles |\n|---|---|---|---|---|")
    for label, files, gold_path in sets:
        gold = list(gold_rows(gold_path))
        rows = {f.name[:3]: extract_documents(load_documents([f])) for f in files}
        before = after = taken = 0
        for held in rows:
            decisions = []
            for art, art_rows in rows.items():
                if art == held:
                    continue
                wanted = {(zh, lang): variants for zh, lang, a, variants in gold if a == art}
                for r in art_rows:
                    variants = wanted.get((r.term, r.lang))
                    if variants:
                        ok = score_terms.right(r.translation, variants, r.lang)
                        decisions.append(Correction(term=r.term, lang=r.lang, decision="accept" if ok else "edit",
                                                    old=r.translation, new=r.translation if ok else variants[0]))
            fixed = apply_corrections(rows[held], decisions)
            taken += sum(r.method == "confirmed" for r in fixed)
            for zh, lang, a, variants in gold:
                if a != held:
                    continue
                for out, key in ((rows[held], "before"), (fixed, "after")):
                    row = next((r for r in out if r.term == zh and r.lang == lang), None)
                    right = bool(row) and score_terms.right(row.translation, variants, lang)
                    if key == "before":
                        before += right
                    else:
                        after += right
        n = len(gold)
        print(f"| {label} | {n} | {before / n:.2f} | {after / n:.2f} | {taken} |")


if __name__ == "__main__":
    main()
