"""Regenerate ``decks/bundled.jsonl`` from the articles in ``decks/articles``.

Run ``python -m trainer.extract.bundle``.  The file is what a first run loads
(without the extractor), so it is generated, sorted deterministically, and a
test checks it is up to date with the extractor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from trainer.extract.drafts import to_drafts
from trainer.extract.pipeline import extract_documents
from trainer.extract.sources import load_documents

DECKS = Path(__file__).resolve().parents[2] / "decks"


def article_paths(decks: Path = DECKS) -> list[Path]:
    return sorted((decks / "articles").glob("*.txt"))


def render(decks: Path = DECKS) -> str:
    """The bundled deck as JSON Lines text, one NoteDraft per line, by rank."""
    drafts = to_drafts(extract_documents(load_documents(article_paths(decks))))
    lines = [json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True) for d in drafts]
    return "\n".join(lines) + "\n"


def main() -> int:
    target = DECKS / "bundled.jsonl"
    text = render()
    tmp = target.with_suffix(".jsonl.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    print(f"wrote {target} ({text.count(chr(10))} notes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
