"""The word aligner's stages: tokens, links -> phrase, candidates, voting, phrase choice."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract import aligned_rows, choice, chunks, phrases, realign, tokens, wordalign
from trainer.extract.documents import Row


def test_a_term_after_a_number_is_found_at_its_token_positions() -> None:
    # "29" is one token of two characters: a term after it starts one token earlier
    # than its character offset (the bug that sent 柏林 to "blue").
    zh = tokens.chinese("周六（9月29日）的柏林")
    (place,) = zh.find("柏林")
    assert [zh.forms[i] for i in place] == ["柏", "林"]


def test_a_term_cutting_a_latin_run_is_not_found() -> None:
    zh = tokens.chinese("Sainsbury's超市")
    assert zh.find("ury") == []
    assert [list(r) for r in zh.find("超市")] == [[len(zh.forms) - 2, len(zh.forms) - 1]]


@given(st.lists(st.sampled_from(["柏", "林", "9", "29", "ab", "，", " "]), max_size=12), st.sampled_from(["柏林", "林", "9"]))
def test_find_returns_exactly_the_token_runs_spelling_the_term(pieces: list[str], term: str) -> None:
    zh = tokens.chinese("".join(pieces))
    for place in zh.find(term):
        assert zh.surface(place.start, place.stop - 1) == term


def _pair(zh: str, tr: str, links: set[tuple[int, int]], runs: int = 1) -> realign.AlignedPair:
    return realign.AlignedPair(tokens.chinese(zh), tokens.latin(tr), (frozenset(links),) * runs)


def test_the_phrase_bridges_function_words_and_drops_them_at_its_edges() -> None:
    # 脱贫 -> "élimination de la pauvreté": two unlinked function words inside, "de" outside.
    tr = tokens.latin("pour l'élimination de la pauvreté de tous")
    words = list(tr.forms)
    links = {(0, words.index("pauvreté")), (1, words.index("élimination")), (1, 5)}
    span = phrases.term_span(range(0, 2), tr, links, lang="fr")
    assert span is not None
    first, last = phrases.trim(tr, span, "fr")  # type: ignore[misc]
    assert tr.surface(first, last) == "élimination de la pauvreté"


def test_a_span_of_function_words_only_renders_nothing() -> None:
    tr = tokens.latin("de la")
    span = phrases.Span(0, 1, 1, 0, 1.0)
    assert phrases.trim(tr, span, "fr") is None
    assert phrases.trim(tr, span) == (0, 1)  # without a language, only punctuation is trimmed


def test_renderings_vote_over_sentences_and_runs() -> None:
    zh, tr = tokens.chinese("柏林很大"), tokens.latin("Berlin is big")
    runs = (frozenset({(0, 0), (1, 0)}), frozenset({(0, 0), (1, 0)}), frozenset({(0, 2)}))
    pair = realign.AlignedPair(zh, tr, runs)
    r = realign.renderings("柏林", [pair, pair], "en")
    assert r.best == "Berlin" and r.occurrences == 2 and r.runs == 3
    assert r.votes == (("Berlin", 4), ("big", 2))
    assert abs(r.share - 4 / 6) < 1e-9
    assert pair.links == frozenset({(0, 0), (1, 0)})  # what most runs agree on


def test_a_name_cut_by_jieba_grows_to_its_maximal_repeat() -> None:
    sentences = ["总统埃尔多安出访德国", "反埃尔多安的抗议者", "埃尔多安于是前往科隆"]
    assert chunks.maximal("尔多", sentences) == "埃尔多安"
    assert chunks.maximal("德国", sentences) == "德国"  # met once: nothing proves a longer unit


def test_grow_diag_final_and_keeps_the_intersection_and_grows_into_the_union() -> None:
    forward = {(0, 0), (1, 1), (2, 3)}
    reverse = {(0, 0), (1, 1), (1, 2)}
    links = wordalign.grow_diag_final_and(forward, reverse)
    assert {(0, 0), (1, 1)} <= links <= forward | reverse
    assert (1, 2) in links  # a neighbour of (1, 1) whose target was unaligned
    assert (2, 3) in links  # final-and: both ends unaligned


def test_eflomal_runs_give_one_link_set_per_run_within_the_sentences() -> None:
    src = [tuple("柏林很大"), tuple("柏林"), tuple("很大")] * 3
    trg = [("berlin", "is", "big"), ("berlin",), ("is", "big")] * 3
    out = wordalign.align_runs(src, trg, runs=2, iterations=5)
    assert len(out) == len(src) and all(len(runs) == 2 for runs in out)
    for (s, t), runs in zip(zip(src, trg), out):
        assert all(0 <= i < len(s) and 0 <= j < len(t) for run in runs for i, j in run)


def _row(**kw: object) -> Row:
    base = Row("自治区", "zì zhì qū", "zi4 zhi4 qu1", "en", "autonomous region", (), 0.2, "dictionary",
               (), "a.txt", 0, ())
    return replace(base, **kw)  # type: ignore[arg-type]


# 自治区 -> "autonomous region" in two sentences; "the west" stands elsewhere.
_PAIRS = [
    _pair("自治区在西部", "the autonomous region is in the west", {(0, 1), (1, 1), (2, 2), (4, 6)}, 5),
    _pair("自治区很大", "the autonomous region is big", {(0, 1), (1, 1), (2, 2), (3, 4)}, 5),
    _pair("西部很大", "the west is big", {(0, 1), (3, 3)}, 5),
]


def test_candidates_are_the_votes_the_rows_own_and_their_neighbours() -> None:
    row = _row(method="aligned", translation="the west", confidence=0.3)
    texts = [c.text for c in choice.candidates("自治区", _PAIRS, "en", row)]
    assert texts[0] == "autonomous region" and "the west" in texts
    assert len(texts) == len(set(texts))
    assert "autonomous" in texts  # shrunk by one word at an edge: the model judges it
    derived = {c.text for c in choice.candidates("自治区", _PAIRS, "en", row) if c.features["derived"]}
    assert "autonomous" in derived and "autonomous region" not in derived


def test_association_separates_the_terms_phrase_from_a_common_one() -> None:
    r = realign.renderings("自治区", _PAIRS, "en")
    own = choice.features("自治区", "autonomous region", _PAIRS, "en", r)
    common = choice.features("自治区", "is", _PAIRS, "en", r)
    assert own["dice"] == 1.0 and common["dice"] < own["dice"]
    assert own["term_linked"] == 1.0 and own["share"] == 1.0


def test_the_fitted_model_prefers_what_the_evidence_supports() -> None:
    r = realign.renderings("自治区", _PAIRS, "en")
    base = choice.features("自治区", "autonomous region", _PAIRS, "en", r)
    p = choice.probability(choice.Candidate("x", base))
    assert 0.0 < p < 1.0
    fewer = dict(base, share=0.2, top_vote=0.0)
    unlinked = dict(base, term_linked=0.0, char_cover=0.0)
    assert choice.probability(choice.Candidate("x", fewer)) < p
    assert choice.probability(choice.Candidate("x", unlinked)) < p


def test_the_phrase_choice_keeps_or_replaces_a_ranked_rows_translation() -> None:
    row = _row(method="aligned", translation="the west", confidence=0.3)
    chosen = aligned_rows._chosen(row, choice.candidates("自治区", _PAIRS, "en", row))
    assert chosen.translation == "autonomous region" and chosen.method == "word-aligned"
    assert "the west" in chosen.alternatives and 0.0 < chosen.confidence < 1.0
    agreed = _row(method="aligned", translation="autonomous region", confidence=0.9)
    kept = aligned_rows._chosen(agreed, choice.candidates("自治区", _PAIRS, "en", agreed))
    assert kept.translation == "autonomous region" and kept.method == "aligned"
    assert kept.confidence == max(choice.probability(c) for c in choice.candidates("自治区", _PAIRS, "en", agreed)).__round__(3)
    alone = aligned_rows._chosen(_row(), [])  # no candidate at all: the gloss stays, unsure
    assert alone.translation == "autonomous region" and alone.confidence <= aligned_rows.UNSEEN


def test_dictionary_compounds_are_found_whatever_jiebas_cut() -> None:
    nouns = {"喜剧", "作家", "地方", "媒体"}
    entries = nouns | {"剧作家", "循道宗", "资深"}
    found = chunks.dictionary_compounds("资深喜剧作家和地方媒体说循道宗", entries.__contains__, nouns.__contains__)
    assert {"喜剧作家", "地方媒体", "循道宗", "剧作家"} <= found
    assert "资深喜剧" not in found  # 资深 is no noun
    assert "和地方" not in found and not any(len(w) < 3 and w not in nouns for w in found)


def test_a_piece_met_only_inside_a_longer_name_is_no_term() -> None:
    sentences = ["埃尔多安访问德国", "埃尔多安说", "科隆欢迎尔多"]
    names = {"埃尔多安"}
    assert chunks.pieces_of({"尔多安", "德国"}, names, sentences, keep=lambda w: False) == {"尔多安"}
    # Met once on its own: a unit; a dictionary word inside a name stays whatever.
    assert chunks.pieces_of({"尔多"}, names, sentences, keep=lambda w: False) == set()
    assert chunks.pieces_of({"尔多安"}, names, sentences, keep=lambda w: True) == set()


def test_a_title_case_headline_gives_no_transliteration() -> None:
    links = {(0, 0), (1, 0), (2, 1), (3, 2)}
    headline = _pair("杀人猪咬", "Killer Pig Kills", links)
    assert chunks.transliterations(headline) == set()
    prose = _pair("埃尔多安说", "Erdogan said", {(0, 0), (1, 0), (2, 0), (3, 0), (4, 1)})
    assert chunks.transliterations(prose) == {"埃尔多安"}
