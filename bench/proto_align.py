"""Translation accuracy of the word aligner on gold terms (candidates given).

usage: python bench/proto_align.py [--shared ../shared]

Separates translation from term choice: every gold term is looked up in its
article's sentence pairs, its span is read off the aligner's links, and the
span is scored with the gold scorer's rule.  Gold strings stay in ../shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trainer.extract import phrases, tokens, wordalign  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402


def gold_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        yield f[0], f[1], f[2], [v.strip() for v in f[-1].split("|")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "gold"))
    import score_terms  # type: ignore

    sets = {
        "seed": (sorted((shared / "articles").glob("*.txt")), shared / "gold/dev_terms.tsv"),
        "ntrex": (sorted((shared / "corpus/ntrex-dev/articles").glob("*.txt")), shared / "corpus/ntrex-dev/gold.tsv"),
    }
    background = sorted((shared / "corpus/ntrex/articles").glob("*.txt"))
    t0 = time.perf_counter()
    docs = load_documents(background + sets["seed"][0] + sets["ntrex"][0])
    print(f"prepared {len(docs)} docs in {time.perf_counter() - t0:.1f}s")
    by_lang: dict[str, list] = defaultdict(list)
    for d in docs:
        for zh, tr, _w in d.pairs:
            by_lang[d.article.lang].append((d.article.name[:3], tokens.chinese(zh), tokens.latin(tr)))
    links: dict[str, list] = {}
    for lang, pairs in by_lang.items():
        t0 = time.perf_counter()
        links[lang] = wordalign.align([p[1].forms for p in pairs], [p[2].forms for p in pairs])
        print(f"{lang}: {len(pairs)} pairs aligned in {time.perf_counter() - t0:.1f}s")
    for name, (_files, gold) in sets.items():
        right = total = found = 0
        for zh, lang, art, variants in gold_rows(gold):
            total += 1
            votes: Counter[str] = Counter()
            for (a, z, t), ls in zip(by_lang[lang], links[lang]):
                if a != art:
                    continue
                text = "".join(z.forms)
                start = text.find(zh)
                while start >= 0:
                    span = phrases.term_span(range(start, start + len(zh)), t, ls)
                    if span:
                        cut = phrases.trim(t, span)
                        if cut:
                            votes[t.surface(*cut)] += 1
                    start = text.find(zh, start + 1)
            if votes:
                found += 1
                best = votes.most_common(1)[0][0]
                ok = score_terms.right(best, variants, lang)
                right += ok
                if not ok:
                    print(f"  WRONG {art} {lang} {zh}: {best!r} want {variants[0]!r}")
            else:
                print(f"  NONE {art} {lang} {zh}")
        print(f"{name}: {right}/{total} = {right / total:.2f} (spans for {found})")


if __name__ == "__main__":
    main()
