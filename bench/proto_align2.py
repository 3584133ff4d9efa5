"""Prototype: modes of running the aligner, scored on gold terms (candidates given)."""
from __future__ import annotations
import sys, time
from collections import Counter, defaultdict
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from trainer.extract import phrases, tokens, wordalign, priors  # noqa
from trainer.extract.sources import load_documents  # noqa
shared = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(shared / "gold"))
import score_terms  # type: ignore
from proto_align import gold_rows

mode = sys.argv[1] if len(sys.argv) > 1 else "all"
dict_alpha = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
bg_scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
ITERS = int(sys.argv[4]) if len(sys.argv) > 4 else None
sets = {"seed": (sorted((shared/"articles").glob("*.txt")), shared/"gold/dev_terms.tsv"),
        "ntrex": (sorted((shared/"corpus/ntrex-dev/articles").glob("*.txt")), shared/"corpus/ntrex-dev/gold.tsv")}
background = sorted((shared/"corpus/ntrex/articles").glob("*.txt"))
bg_docs = load_documents(background + sets["seed"][0])
dev_docs = load_documents(sets["ntrex"][0] + sets["seed"][0])
def pairs_of(docs):
    out = defaultdict(list)
    for d in docs:
        for zh, tr, w in d.pairs:
            out[d.article.lang].append((d.article.name[:3], tokens.chinese(zh), tokens.latin(tr), w))
    return out
bg, dev = pairs_of(bg_docs), pairs_of(dev_docs)
results = {}  # (art, lang) -> list of (pair, links)
t_all = 0
for lang in ("fr", "vi", "en"):
    if mode == "all":
        ps = bg[lang] + [p for p in dev[lang] if p[0].startswith("n")]
        pri = priors.dictionary_priors([(p[1], p[2], p[3]) for p in ps], lang, dict_alpha) if dict_alpha else {}
        t0 = time.perf_counter()
        ls = wordalign.align([p[1].forms for p in ps], [p[2].forms for p in ps], [(a, b, c) for (a, b), c in pri.items()])
        t_all += time.perf_counter() - t0
        for p, l in zip(ps, ls):
            results.setdefault((p[0], lang), []).append((p, l))
    else:  # background table as priors, each dev article alone
        ps = bg[lang]
        t0 = time.perf_counter()
        import pickle, os
        cache = f"/tmp/b/table_{lang}_{dict_alpha}.pkl"
        if os.path.exists(cache):
            table = pickle.load(open(cache, "rb"))
        else:
          pri0 = priors.dictionary_priors([(p[1], p[2], p[3]) for p in ps], lang, dict_alpha) if dict_alpha else Counter()
          ls = wordalign.align([p[1].forms for p in ps], [p[2].forms for p in ps], [(a, b, c) for (a, b), c in pri0.items()])
          table = Counter()
          for p, l in zip(ps, ls):
            for i, j in l:
                table[(p[1].forms[i], p[2].forms[j])] += 1
          pickle.dump(table, open(cache, "wb"))
        table = Counter({k: v * bg_scale for k, v in table.items()})
        print(f"{lang}: background aligned in {time.perf_counter()-t0:.1f}s, {len(table)} pairs")
        arts = sorted({p[0] for p in dev[lang]})
        for art in arts:
            aps = [p for p in dev[lang] if p[0] == art]
            pri = Counter(table)
            if dict_alpha:
                pri.update(priors.dictionary_priors([(p[1], p[2], p[3]) for p in aps], lang, dict_alpha))
            t0 = time.perf_counter()
            ls = wordalign.align([p[1].forms for p in aps], [p[2].forms for p in aps], [(a, b, c) for (a, b), c in pri.items()], iterations=ITERS)
            t_all += time.perf_counter() - t0
            for p, l in zip(aps, ls):
                results.setdefault((art, lang), []).append((p, l))
print(f"align time {t_all:.1f}s")
for name, (_f, gold) in sets.items():
    right = total = 0
    for zh, lang, art, variants in gold_rows(gold):
        total += 1
        votes = Counter()
        for p, ls in results.get((art, lang), []):
            z, t = p[1], p[2]
            text = "".join(z.forms)
            start = text.find(zh)
            while start >= 0:
                span = phrases.term_span(range(start, start + len(zh)), t, ls)
                if span and (cut := phrases.trim(t, span)):
                    votes[t.surface(*cut)] += 1
                start = text.find(zh, start + 1)
        if votes:
            best = votes.most_common(1)[0][0]
            right += score_terms.right(best, variants, lang)
    print(f"{name}: {right}/{total} = {right/total:.2f}")
