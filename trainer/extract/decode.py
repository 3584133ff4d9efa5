"""Bytes -> text for user-supplied article files (the I/O edge of the extractor).

Articles come from many tools: UTF-8 with or without BOM, UTF-16 from Windows
editors, GB18030/GBK from Chinese sites.  We try them in an order where a wrong
guess fails loudly (UTF-8 is strict, UTF-16 needs a BOM or a NUL pattern) and
GB18030 comes last because it accepts almost any byte string; before it, a file
that is valid Big5 is read as Big5 when charset-normalizer finds it the more
natural reading (traditional characters, never mojibake).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from trainer.errors import InputError
from trainer.extract.text import has_cjk

#: Larger files are refused: an article is a few kB; a 50 MB "article" is a mistake.
MAX_BYTES = 20 * 1024 * 1024


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows NULs in every other byte for ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > half * 0.2:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """Text with many control characters (other than whitespace) is not an article."""
    if not text:
        return False
    return "\x00" in text or len(_CONTROL.findall(text)) > len(text) * 0.01


def decode_bytes(name: str, data: bytes) -> str:
    """Decode an article's bytes, or raise InputError naming the file and the reason."""
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(name, len(data)))
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    text = _decode(data)
    if text is None or _looks_binary(text):
        raise InputError(f"{name}: not a text file (binary or unknown encoding)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


def _decode(data: bytes) -> str | None:
    """Try the encodings in order of how loudly they fail on a wrong guess."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible(text) and has_cjk(text):
        return text
    if text is None and _is_big5(data):
        return data.decode("cp950")
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return text
    # An article holds Chinese: prefer the reading that shows some (short GBK runs
    # such as 农 are also valid UTF-8, for "ũ").
    if text is None or not _plausible(text) or (has_cjk(gb) and not has_cjk(text)):
        return gb
    return text


#: Below this many bytes a Big5/GB18030 guess is a coin toss; an article is longer.
BIG5_MIN_BYTES = 200


def _is_big5(data: bytes) -> bool:
    """Big5 (Taiwan, Hong Kong) byte pairs are mostly valid GB18030 too, and read
    as such give plausible-looking nonsense hanzi.  charset-normalizer tells the
    two apart by how natural the decoded text is (we only ask it to choose)."""
    if len(data) < BIG5_MIN_BYTES:
        return False  # a few hanzi are valid in both: too little to tell
    try:
        data.decode("cp950")
    except UnicodeDecodeError:
        return False
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "cp950"]).best()
    return best is not None and best.encoding in ("cp950", "big5")


#: Scripts an article in Chinese plus French, English or Vietnamese may contain.
_PLAUSIBLE = ((0x0000, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF),
              (0x3000, 0x303F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFEFF, 0xFEFF),
              (0xFF00, 0xFFEF))


_IMPLAUSIBLE = re.compile("[^" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _PLAUSIBLE) + "]")


def _plausible(text: str) -> bool:
    """Short GBK byte runs can also be valid UTF-8 (驻 -> Hebrew פ): such text is not plausible."""
    return _IMPLAUSIBLE.search(text) is None


def read_article(path: Path) -> str:
    """Read and decode one regular file, or raise InputError naming it.

    Opened without blocking and checked with fstat before any read, so a fifo,
    a device (``/dev/zero``) or a directory is refused at once, and at most
    MAX_BYTES + 1 bytes are ever read.  Every OS error (symlink loop, a path
    under a regular file, a name too long) is one line for this file only.
    """
    name = path.name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:  # the path as given: "a.txt/x: not a directory"
        raise InputError(f"{path}: {_reason(error)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file (device, fifo or socket)")
        if info.st_size > MAX_BYTES:
            raise InputError(_too_large(name, info.st_size))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"{name}: {_reason(error)}") from None
    finally:
        os.close(fd)
    return decode_bytes(name, data)


def _reason(error: OSError) -> str:
    """The OS error in a few words ("no such file", "too many levels of symbolic links")."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({(error.strerror or str(error)).lower()})"


def _too_large(name: str, size: int) -> str:
    return f"{name}: file too large ({size / (1024 * 1024):.1f} MB, max {MAX_BYTES // (1024 * 1024)} MB)"
