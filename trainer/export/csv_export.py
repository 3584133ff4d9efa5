"""Export decks as CSV for other tools (spreadsheets, other SRS apps).

UTF-8 without BOM, a header row, one physical line per note (newlines inside
texts are collapsed, so line-oriented tools work), RFC 4180 quoting by the
:mod:`csv` module. Plain text, not HTML: consumers escape for their own output;
a cell a spreadsheet would run as a formula starts with an apostrophe.
Written atomically like the Anki package.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from trainer.export.atomic import atomic_path, check_writable
from trainer.export.fields import one_line
from trainer.export.progress import Ticker
from trainer.export.selection import export_langs, pick_example, select_notes
from trainer.models import Note
from trainer.store import Store


@dataclass(frozen=True)
class CsvResult:
    """What a CSV export wrote."""

    path: Path
    notes: int
    columns: tuple[str, ...]
    decks: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(path=str(self.path), columns=list(self.columns), decks=list(self.decks))
        return data


def csv_columns(langs: Sequence[str]) -> list[str]:
    """Header: identity and pinyin, then translation/alternatives/example per language."""
    columns = ["deck", "term", "pinyin", "pinyin_numbers"]
    for lang in langs:
        columns += [f"translation_{lang}", f"alternatives_{lang}"]
    columns.append("example_zh")
    columns += [f"example_{lang}" for lang in langs]
    columns += ["sources", "rank"]
    return columns


def csv_row(note: Note, langs: Sequence[str]) -> list[str]:
    """One note as cells matching :func:`csv_columns`; lists are joined with ``"; "``."""
    row = [note.deck, note.term, note.pinyin, note.pinyin_numbers]
    for lang in langs:
        found = note.translations.get(lang)
        row += [found.text, "; ".join(found.alternatives)] if found else ["", ""]
    example = pick_example(note, langs)
    row.append(example.zh if example else "")
    row += [example.translations.get(lang, "") if example else "" for lang in langs]
    row += ["; ".join(note.sources), str(note.rank)]
    return [neutralised(one_line(cell)) for cell in row]


#: First characters a spreadsheet reads as the start of a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """The cell with a leading apostrophe when a spreadsheet would run it as a
    formula (an article or deck name "=HYPERLINK(...)"): shown as text, not executed."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def export_csv(
    store: Store,
    output: Path,
    *,
    decks: Sequence[str] | None = None,
    lang: str = "all",
    progress: Callable[[int, int], None] | None = None,
) -> CsvResult:
    """Export ``decks`` (None: all) to ``output`` as CSV; same selection rules as Anki."""
    output = Path(output)
    langs = export_langs(lang)
    notes = select_notes(store, decks, lang)
    check_writable(output)
    columns = csv_columns(langs)
    ticker = Ticker(progress, len(notes))
    with atomic_path(output) as temporary:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for note in notes:
                writer.writerow(csv_row(note, langs))
                ticker.tick()
    return CsvResult(output, len(notes), tuple(columns), tuple(sorted({n.deck for n in notes})))
