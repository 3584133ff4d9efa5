"""Build the shipped background sentence pairs the word aligner reads beside an article.

usage: python bench/build_background.py [--shared ../shared]

Every sentence pair of the unlabelled NTREX-128 practice articles (../shared/corpus/ntrex/articles,
CC BY-SA 4.0; the dev articles of ntrex-dev are left out, so that they measure articles the aligner
has never seen), split and paired by trainer's own reader, one file per translation language:
trainer/extract/data/background_<lang>.tsv (Chinese sentence, tab, translated sentence; sorted, so
a rebuild diffs cleanly).  trainer.extract.background picks from them the pairs an input needs.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.extract import background  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    files = sorted((Path(args.shared) / "corpus/ntrex/articles").glob("*.txt"))
    by_lang: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for doc in load_documents(files):
        for zh, tr, _words in doc.pairs:
            if "\t" not in zh + tr and "\n" not in zh + tr:
                by_lang[doc.article.lang].add((zh, tr))
    for lang, pairs in sorted(by_lang.items()):
        path = background.path(lang)
        path.write_text("".join(f"{zh}\t{tr}\n" for zh, tr in sorted(pairs)), encoding="utf-8")
        print(f"{lang}: {len(pairs)} sentence pairs -> {path}")


if __name__ == "__main__":
    main()
