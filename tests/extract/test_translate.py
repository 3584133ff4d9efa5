"""Finding the rendering of a term in aligned translations (invented articles)."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from trainer.extract.pipeline import extract_documents, prepare
from trainer.extract.spans import analyse, clean, content_ngrams, spans
from trainer.extract.translate import Lexicon, Unit, lexical_score, score_candidates
from tests.extract.samples import EN_COOP, FR_COOP, VI_COOP, article


def fixed(lang: str) -> Callable[[str], str]:
    return lambda _text: lang


def rows_for(*files: tuple[str, str, str]) -> dict[tuple[str, str, str], str]:
    docs = [prepare(name, text, fixed(lang)) for name, text, lang in files]
    return {(r.term, r.lang, r.source): r.translation for r in extract_documents(docs)}


def test_spans_respect_punctuation_and_function_words() -> None:
    s = analyse("Les coopératives rurales, des paysans (et du district).", "fr")
    texts = [t for _key, t, _l, _r in spans(s, "fr")]
    assert "coopératives rurales" in texts
    assert not any(t.startswith(("Les", "des ")) for t in texts)
    assert not any("," in t for t in texts)


def test_parenthesised_asides_do_not_split_keys() -> None:
    a = analyse("đội (tổ) công tác", "vi")
    b = analyse("đội công tác", "vi")
    assert content_ngrams(a, "vi") >= {("doi", "cong", "tac")} <= content_ngrams(b, "vi")


def test_clean_strips_edge_quotes() -> None:
    assert clean("« dernier kilomètre » ") == "dernier kilomètre"


def test_words_explained_by_other_chinese_words_are_penalised() -> None:
    lex = Lexicon(parts=(frozenset({"meet"}),), expected_words=2)
    own, _ = lexical_score(("plenary", "meet"), ["plena", "meet"], lex, frozenset({"secon"}))
    foreign, _ = lexical_score(("second", "meet"), ["secon", "meet"], lex, frozenset({"secon"}))
    assert own > foreign


def test_consistent_rendering_beats_incidental_words() -> None:
    units = [Unit(zh, analyse(tr, "en"), frozenset(content_ngrams(analyse(tr, "en"), "en")))
             for zh, tr in [("合作社帮助农民。", "Cooperatives help farmers."),
                            ("每个合作社有技术员。", "Every cooperative has a technician."),
                            ("合作社提供种子。", "The cooperatives provide seeds.")]]
    counts: Counter[tuple[str, ...]] = Counter()
    for u in units:
        counts.update(u.grams)
    best = score_candidates("合作社", units, len(units), counts, counts, Lexicon((), 1.0), lambda w: w[:5], "en")[0]
    assert best.text.lower().startswith("cooperative")


def test_rendering_in_three_languages() -> None:
    found = rows_for(("en.txt", article(EN_COOP), "en"), ("fr.txt", article(FR_COOP, zh_first=True), "fr"),
                     ("vi.txt", article(VI_COOP), "vi"))
    assert found[("农民", "en", "en.txt")] == "farmers"
    assert found[("农民", "vi", "vi.txt")] == "nông dân"
    assert found[("合作社", "en", "en.txt")] == "Cooperatives"  # the whole title
    assert found[("技术培训", "fr", "fr.txt")] == "formation technique"


def test_same_input_same_output() -> None:
    files = (("en.txt", article(EN_COOP), "en"), ("vi.txt", article(VI_COOP), "vi"))
    assert rows_for(*files) == rows_for(*files)


def test_clean_drops_dangling_quotes() -> None:
    assert clean("Le « dernier kilomètre") == "Le dernier kilomètre"
    assert clean("đội (tổ) công tác") == "đội (tổ) công tác"


def test_confidence_drops_when_an_unrelated_runner_up_is_close() -> None:
    from trainer.extract.translate import Scored, confidence

    clear = [Scored("a b", ("a", "b"), 1.5, ()), Scored("c", ("c",), 0.5, ())]
    close = [Scored("a b", ("a", "b"), 1.5, ()), Scored("c", ("c",), 1.45, ())]
    nested = [Scored("a b", ("a", "b"), 1.5, ()), Scored("a", ("a",), 1.45, ())]
    assert confidence(close) < confidence(clear) == confidence(nested)
    assert all(0.0 <= confidence(s) <= 1.0 for s in (clear, close, nested))
