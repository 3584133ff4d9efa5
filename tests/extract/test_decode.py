"""Decoding user files: every supported encoding round-trips; bad files fail in one line."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.errors import InputError
from trainer.extract import decode
from trainer.extract.decode import decode_bytes, read_article

# Text an article may hold: hanzi, Latin letters with accents, punctuation, newlines;
# always some Chinese (a file without any is refused later anyway).
article_text = st.builds(
    lambda a, h, b: a + h + b,
    st.text(alphabet=st.sampled_from(list("扶贫驻村工作队农民干部。，“”abcdeéàçđươ .,;:«»\n0123456789")), max_size=100),
    st.sampled_from(list("扶贫驻村工作队农民干部")),
    st.text(alphabet=st.sampled_from(list("扶贫驻村农民。abcéàđươ .,;\n09")), max_size=100),
)


@given(article_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
@settings(max_examples=200, deadline=None)
def test_round_trip(text: str, encoding: str) -> None:
    if encoding == "gb18030" and any(c in text for c in "đươ"):
        text = text.replace("đ", "d").replace("ư", "u").replace("ơ", "o")
    assert decode_bytes("a.txt", text.encode(encoding)) == text


@given(article_text)
@settings(max_examples=100, deadline=None)
def test_utf16_without_bom(text: str) -> None:
    ascii_heavy = "Rural cooperatives help farmers. " + text
    assert decode_bytes("a.txt", ascii_heavy.encode("utf-16-le")) == ascii_heavy


def test_crlf_becomes_lf() -> None:
    assert decode_bytes("a.txt", "一\r\n二\r三".encode()) == "一\n二\n三"


def test_gbk_bytes() -> None:
    assert decode_bytes("a.txt", "驻村工作队".encode("gbk")) == "驻村工作队"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (codecs.BOM_UTF8, "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_bad_input_names_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=rf"^bad\.txt: .*{reason}"):
        decode_bytes("bad.txt", data)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("农民" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="^big.txt: file too large"):
        read_article(big)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def _loop(tmp: Path) -> Path:
    (tmp / "a").symlink_to(tmp / "b")
    (tmp / "b").symlink_to(tmp / "a")
    return tmp / "a"


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe")
    return tmp / "pipe"


def _under_file(tmp: Path) -> Path:
    (tmp / "a.txt").write_text("农民", encoding="utf-8")
    return tmp / "a.txt" / "x"


@pytest.mark.parametrize(("make", "reason"), [
    (_loop, "cannot read (too many levels of symbolic links)"),
    (_fifo, "not a regular file"),
    (_under_file, "cannot read (not a directory)"),
    (lambda tmp: tmp / ("n" * 300 + ".txt"), "cannot read (file name too long)"),
    (lambda _tmp: Path("/dev/zero"), "not a regular file"),
], ids=["symlink-loop", "fifo", "under-a-file", "name-too-long", "dev-zero"])
def test_what_is_not_a_readable_regular_file_is_one_input_error(
        tmp_path: Path, make: Callable[[Path], Path], reason: str) -> None:
    with pytest.raises(InputError, match=re.escape(reason)):
        read_article(make(tmp_path))  # neither blocks (fifo) nor reads forever (/dev/zero)


@settings(max_examples=300)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=60))
def test_the_fast_character_checks_follow_their_definitions(text: str) -> None:
    """The regular expressions do per character what these loops say (they run on every input file)."""
    plausible = all(any(lo <= ord(c) <= hi for lo, hi in decode._PLAUSIBLE) for c in text)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    binary = bool(text) and ("\x00" in text or controls > len(text) * 0.01)
    assert decode._plausible(text) == plausible
    assert decode._looks_binary(text) == binary


TRADITIONAL = ("農村合作社幫助農民增加收入。每個合作社都有一名技術員。合作社為農民提供種子和技術培訓。\n"
               "二零一九年，全縣新建合作社一百二十個。技術培訓讓農民掌握了新的種植方法，收入穩定增長。\n"
               "Rural cooperatives help farmers increase their income. Every cooperative has a technician.\n")


def test_big5_is_read_as_big5_not_as_gb18030_mojibake() -> None:
    assert decode_bytes("tw.txt", TRADITIONAL.encode("big5")) == TRADITIONAL


def test_the_bundled_articles_in_gb18030_are_still_read_as_gb18030() -> None:
    for path in sorted((Path(__file__).resolve().parents[2] / "decks" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert decode_bytes(path.name, text.encode("gb18030")) == text.replace("\r\n", "\n")
