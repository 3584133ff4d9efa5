"""Agreement across languages: the English and French renderings of one Chinese
text speak for each other through cognates; Vietnamese stays out of it."""

from __future__ import annotations

from trainer.extract.bundle import article_paths
from trainer.extract.lexicon import word_key_fn
from trainer.extract.documents import Row, prepare
from trainer.extract.pipeline import extract_documents
from trainer.extract.sources import load_documents
from trainer.extract.spans import analyse, norm
from trainer.extract.translate import clashes
from tests.extract.samples import EN_COOP, FR_COOP, VI_COOP, article

AGREES = "agrees with the"


def _rows(*files: tuple[str, str, str]) -> dict[tuple[str, str], Row]:
    docs = [prepare(name, article(text), lambda _t, lang=lang: lang) for name, text, lang in files]
    return {(r.source, r.term): r for r in extract_documents(docs, workers=1)}


def _keys(text: str, lang: str) -> set[str]:
    key = word_key_fn(lang)
    return {key(norm(w, lang)) for w in text.split() if w.isalpha()}


def test_french_and_english_renderings_that_share_cognates_back_each_other() -> None:
    both = _rows(("a_en.txt", EN_COOP, "en"), ("b_fr.txt", FR_COOP, "fr"))
    alone = _rows(("b_fr.txt", FR_COOP, "fr"))
    agreeing = [r for r in both.values() if any(e.startswith(AGREES) for e in r.evidence)]
    assert {r.source for r in agreeing} == {"a_en.txt", "b_fr.txt"}
    for row in agreeing:
        other_lang = "fr" if row.lang == "en" else "en"
        sibling = both[("b_fr.txt" if row.lang == "en" else "a_en.txt", row.term)]
        assert f"{AGREES} {other_lang} rendering: {sibling.translation}" in row.evidence
        assert _keys(row.translation, row.lang) & _keys(sibling.translation, sibling.lang)
    for key, row in alone.items():
        assert not any(e.startswith(AGREES) for e in row.evidence)
        if key in both and both[key].translation == row.translation:
            assert both[key].confidence >= row.confidence


def test_vietnamese_neither_gives_nor_takes_agreement() -> None:
    rows = _rows(("a_en.txt", EN_COOP, "en"), ("c_vi.txt", VI_COOP, "vi"))
    assert rows
    assert not any(e.startswith(AGREES) for r in rows.values() for e in r.evidence)


def test_a_doubtful_once_met_term_takes_the_rendering_its_english_sibling_supports() -> None:
    """000 (French) and 003 (English) translate one Chinese text: 无可替代 is met
    once in a long French sentence among other once-only words; the English
    "irreplaceable role" points at "rôle irremplaçable" through "rôle"."""
    paths = article_paths()
    # The agreement stage alone: the word aligner may find the word without it.
    with_english = extract_documents(load_documents(paths), workers=1, aligned=False)
    without = extract_documents(load_documents([p for p in paths if not p.name.startswith("003")]), workers=1,
                                aligned=False)

    def french(rows: list[Row]) -> Row:
        return next(r for r in rows if r.term == "无可替代" and r.source.startswith("000"))

    assert "irremplaçable" in french(with_english).translation
    assert any(e.startswith(f"{AGREES} en rendering") for e in french(with_english).evidence)
    assert "irremplaçable" not in french(without).translation


def test_a_term_rescored_for_agreement_keeps_clear_of_its_neighbours_renderings() -> None:
    """The one-to-one rule holds after agreement too: a once-met term scored
    again does not take (part of) the rendering of another term of its
    sentence that shares no character with it (000 深入分析 took "travail
    analyse", overlapping 工作队's "équipes de travail").  The agreement stage
    alone: the word aligner's revisions keep clear of confident rows only
    (tests/extract/test_word_aligner.py)."""
    rows = extract_documents(load_documents(article_paths()), workers=1, aligned=False)
    checked = 0
    for row in rows:
        if len(row.examples) != 1 or not any(e.startswith(AGREES) for e in row.evidence):
            continue
        sentence = row.examples[0][0]
        for other in rows:
            if (other.source == row.source and other.term != row.term and not set(other.term) & set(row.term)
                    and other.term in sentence):
                checked += 1
                assert not clashes(_words(row), _words(other)), (row.term, row.translation, other.term, other.translation)
    assert checked


def _words(row: Row) -> tuple[str, ...]:
    return tuple(w for w in analyse(row.translation, row.lang).norms if w is not None)
