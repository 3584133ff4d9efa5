"""The vectorised span scorer ranks exactly as the per-span loop it replaced.

``reference_scoring`` is the old pure-Python scorer, kept as an oracle: on
random small corpora (terms repeated or met once, whole-title sentences, long
sentences where position counts, rivals sharing sentences, skipped spans)
both must return the same renderings with the same scores and evidence.
The refinements that follow (a wider span rendering more of the term,
quotations) came later and have their own tests (test_translate.py,
test_quotes.py).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extract.reference_scoring import reference_score_candidates
from trainer.extract.corpus import LangCorpus
from trainer.extract.lexicon import word_key_fn
from trainer.extract.lexical import Lexicon
from trainer.extract.translate import score_candidates
from trainer.extract.units import unit_candidates

TERMS = ("合作社", "农民", "种子", "技术员")
FILLER = "我们今天在这里讨论很多问题和一些新的想法" * 3
WORDS = ("cooperative", "cooperatives", "farmer", "farmers", "seed", "seeds", "technician", "village", "help",
         "provide", "every", "new", "plenary", "meeting", "Xi Jinping", "Jinping", "quality", "rural", "train")
PUNCT = ("", "", "", ",", ";", " (", ")")

sentence = st.tuples(
    st.lists(st.sampled_from(TERMS), min_size=1, max_size=2),
    st.integers(0, 50),  # filler characters: long sentences bring the positional prior in
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCT)), min_size=1, max_size=12),
    st.booleans(),  # a whole-title sentence: the Chinese is the term alone
)
documents = st.lists(st.lists(sentence, min_size=1, max_size=5), min_size=1, max_size=3)


def build(docs: list[list[tuple]]) -> LangCorpus:
    corpus = LangCorpus("en")
    for d, doc in enumerate(docs):
        for terms, filler, words, title in doc:
            zh = terms[0] if title and terms else "".join(terms) + FILLER[:filler] + "。"
            tr = " ".join(w + p for w, p in words).strip(" (") + "."
            corpus.add(f"d{d}", zh, tr, tuple(terms) + tuple(FILLER[:filler]))
    corpus.index_terms(TERMS)
    return corpus


def lexicon(term: str, seed: int) -> Lexicon:
    key = word_key_fn("en")
    chosen = [WORDS[(seed + 3 * k) % len(WORDS)] for k in range(len(term))]
    parts = tuple(frozenset({key(w)}) for w in chosen[:2])
    return Lexicon(parts, 0.6 * len(term) - 0.2, (frozenset({key(chosen[-1])}),), "xijinping" if seed % 2 else "")


@settings(max_examples=150, deadline=None)
@given(documents, st.integers(0, 40), st.booleans())
def test_vectorised_scores_equal_the_reference(docs: list[list[tuple]], seed: int, skipping: bool) -> None:
    corpus = build(docs)
    key = word_key_fn("en")
    counts: Counter[tuple[str, ...]] = Counter()
    for unit in corpus.units:
        counts.update(unit.grams)
    compared = 0
    for term in TERMS:
        covered: Counter[tuple[str, ...]] = Counter()
        for unit in corpus.units_of(term):
            covered.update(unit.grams)
        lex = lexicon(term, seed)
        skip = (lambda k: len(k) == 2) if skipping else None
        for d in range(len(docs)):
            units = corpus.units_of(term, f"d{d}")
            if not units:
                continue
            names = sorted({t for i in corpus.by_term_doc[(term, f"d{d}")] for t in corpus.terms_in[i]} - {term})
            old_rivals = [(corpus.count(t), Counter(g for u in corpus.units_of(t) for g in u.grams)) for t in names]
            expected = reference_score_candidates(
                term, units, corpus.count(term), covered, counts, lex, key, "en", old_rivals,
                candidates_of=lambda u: unit_candidates(u, "en", key, corpus.adjacency), skip=skip)
            found = score_candidates(term, units, corpus.count(term), corpus.span_counts(term), corpus.table, lex,
                                     "en", corpus.rivals(term, f"d{d}"), skip=skip, refine=False)
            assert found == expected
            compared += 1
    assert compared > 0


@settings(max_examples=100, deadline=None)
@given(documents, st.integers(0, 40))
def test_lexical_bound_is_never_below_the_lexical_score(docs: list[list[tuple]], seed: int) -> None:
    """Spans are skipped on this bound: it must hold for every span, names included."""
    from trainer.extract.lexical import lexical_score
    from trainer.extract.pools import cheap_pool

    corpus = build(docs)
    for term in TERMS:
        lex = lexicon(term, seed)
        for d in range(len(docs)):
            units = corpus.units_of(term, f"d{d}")
            if not units:
                continue
            pool = cheap_pool(term, units, corpus.count(term), corpus.span_counts(term), corpus.table, lex, None)
            for (u, i), bound in zip(pool.where, pool.lex_bound):
                if i >= 0:
                    key, _surface, wkeys, _cut, _start, _piece = corpus.table.unit_spans(units[u]).cands[i]
                    assert lexical_score(key, wkeys, lex)[0] <= bound
