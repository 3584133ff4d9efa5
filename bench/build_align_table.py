"""Build the shipped translation table: character -> word link counts on the background corpus.

usage: python bench/build_align_table.py [--shared ../shared] [--runs 2]

The background corpus is the unlabelled NTREX-128 practice articles
(../shared/corpus/ntrex/articles, CC BY-SA 4.0) plus the bundled seed articles;
the dev articles of ntrex-dev are left out so that they measure articles the
table has never seen.  Each language is aligned with eflomal (both directions,
grow-diag-final-and, dictionary priors) ``--runs`` times; the table keeps the
mean link count of each (character, word) pair.  Written to
trainer/extract/data/align_<lang>.tsv, sorted, so a rebuild diffs cleanly.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.extract import priors, tokens, wordalign  # noqa: E402
from trainer.extract.realign import TABLE_DIR  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    shared = Path(args.shared)
    files = sorted((shared / "corpus/ntrex/articles").glob("*.txt")) + sorted((ROOT / "decks/articles").glob("*.txt"))
    docs = load_documents(files)
    by_lang: dict[str, list] = defaultdict(list)
    for d in docs:
        for zh, tr, words in d.pairs:
            by_lang[d.article.lang].append((tokens.chinese(zh), tokens.latin(tr), words))
    for lang, pairs in sorted(by_lang.items()):
        t0 = time.perf_counter()
        prior = priors.dictionary_priors(pairs, lang)
        table: Counter[tuple[str, str]] = Counter()
        for _ in range(args.runs):
            links = wordalign.align([p[0].forms for p in pairs], [p[1].forms for p in pairs],
                                    [(a, b, c) for (a, b), c in prior.items()])
            for (zh, tr, _w), ls in zip(pairs, links):
                for i, j in ls:
                    if tokens.is_word(tr.forms[j]) and tokens.is_word(zh.forms[i]):
                        table[(zh.forms[i], tr.forms[j])] += 1
        out = TABLE_DIR / f"align_{lang}.tsv"
        with out.open("w", encoding="utf-8") as handle:
            handle.write(f"# character -> {lang} word link counts, mean of {args.runs} eflomal runs over "
                         f"{len(pairs)} sentence pairs; built by bench/build_align_table.py from NTREX-128 "
                         "(CC BY-SA 4.0) and the bundled articles\n")
            for (c, f), n in sorted(table.items()):
                handle.write(f"{c}\t{f}\t{n / args.runs:g}\n")
        print(f"{lang}: {len(pairs)} pairs, {len(table)} entries, {time.perf_counter() - t0:.0f}s -> {out}")


if __name__ == "__main__":
    main()
