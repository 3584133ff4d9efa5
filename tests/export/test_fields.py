"""Pure helpers: escaping, coloured pinyin, highlighting, tags, names, progress throttling."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.export.fields import deck_component, escape, file_stem, highlight, one_line, tag, tone_css, tone_spans
from trainer.tones import TONE_COLORS


def test_escape_neutralises_markup_and_keeps_quotes_readable() -> None:
    assert escape('<img src=x onerror="a()">') == '&lt;img src=x onerror="a()"&gt;'
    assert escape("a & b d'exemple") == "a &amp; b d'exemple"
    assert escape("&lt;") == "&amp;lt;"


def test_tone_spans_one_span_per_syllable() -> None:
    assert tone_spans("zhù cūn gōng zuò duì") == (
        '<span class="tone4">zhù</span> <span class="tone1">cūn</span> <span class="tone1">gōng</span> '
        '<span class="tone4">zuò</span> <span class="tone4">duì</span>'
    )
    assert tone_spans("de") == '<span class="tone5">de</span>'
    assert tone_spans("hǎo <b>") == '<span class="tone3">hǎo</span> <span class="tone5">&lt;b&gt;</span>'
    assert tone_spans("") == ""


def test_highlight_wraps_every_occurrence_and_escapes_the_rest() -> None:
    assert highlight("扶贫是扶贫", "扶贫") == '<b class="term">扶贫</b>是<b class="term">扶贫</b>'
    assert highlight("<i>扶贫</i>", "扶贫") == '&lt;i&gt;<b class="term">扶贫</b>&lt;/i&gt;'
    assert highlight("没有", "扶贫") == "没有"
    # A term that looks like part of an entity must not break the escaping.
    assert highlight("a & amp", "amp") == 'a &amp; <b class="term">amp</b>'


@given(st.text(), st.text(min_size=1))
def test_highlight_never_lets_markup_through(sentence: str, term: str) -> None:
    html = highlight(sentence, term)
    stripped = html.replace('<b class="term">', "").replace("</b>", "")
    assert "<" not in stripped and ">" not in stripped


def test_tags_have_no_spaces_and_keep_cjk() -> None:
    assert tag("deck", "Poverty alleviation (china.org.cn)") == "deck::Poverty_alleviation_china.org.cn"
    assert tag("article", "001 扶贫 文章") == "article::001_扶贫_文章"
    assert tag("deck", "  ") == "deck::_"
    assert " " not in tag("x", "a\tb\nc") and '"' not in tag("x", 'a"b')


def test_deck_component_and_file_stem() -> None:
    assert deck_component("A::B") == "A:B"
    assert deck_component("  a\n b  ") == "a b"
    assert file_stem("Poverty alleviation (china.org.cn)") == "Poverty-alleviation-china.org.cn"
    assert file_stem("../../etc/passwd") == "etc-passwd"
    assert file_stem("...") == "deck" and len(file_stem("x" * 500)) == 80
    assert file_stem("扶贫/文章") == "扶贫-文章"


def test_one_line() -> None:
    assert one_line(" a\r\n b\tc ") == "a b c"


def test_tone_css_has_day_and_night_colours() -> None:
    css = tone_css()
    for tone, color in TONE_COLORS.items():
        assert f".tone{tone} {{ color: {color}; }}" in css
        assert f".nightMode .tone{tone}, .night_mode .tone{tone}" in css


def test_ticker_calls_at_most_about_a_hundred_times() -> None:
    from trainer.export.progress import Ticker

    for total in (1, 7, 100, 149, 1001, 123_457):
        calls: list[tuple[int, int]] = []
        ticker = Ticker(lambda d, t: calls.append((d, t)), total)
        for _ in range(total):
            ticker.tick()
        assert calls[0] == (0, total) and calls[-1] == (total, total)
        assert len(calls) <= 102, (total, len(calls))
