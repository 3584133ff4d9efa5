"""The bundled deck: notes mined from the five articles in ``decks/``.

They ship as a generated file (``decks/bundled.jsonl``, one NoteDraft per line,
written by ``python -m trainer.extract.bundle``) so that a first run loads real
cards at once, without running the extractor or loading its dictionaries.
``decks/checked.tsv`` holds the maintainers' check of those notes, applied on load,
so the rows found right are not held back for checking.  They are applied to the
notes only, not stored as the learner's corrections: they do not feed the extractor
(it would otherwise be fed hand checks of the very articles it is scored on) and do
not appear in the learner's ``trainer corrections export``.
"""

from __future__ import annotations

import json
from importlib import resources

from trainer.models import Correction, NoteDraft
from trainer.store import ImportResult, Store

BUNDLED_DECK = "Poverty alleviation (china.org.cn)"
BUNDLED_DESCRIPTION = (
    "Key terms of five bilingual articles on China's poverty alleviation "
    "(china.org.cn, January 2021), in French, English and Vietnamese."
)
BUNDLED_FILE = "bundled.jsonl"
#: The maintainers' check of the bundled deck: lang, term, decision, old, new (see the file's header).
CHECKED_FILE = "checked.tsv"
#: When those decisions were made (UTC ms, 2026-12-07): any later decision of a learner wins.
CHECKED_MS = 1_796_601_600_000
CHECKED_BY = "trainer maintainers"


def bundled_drafts() -> list[NoteDraft]:
    """The notes of the bundled deck, or [] if the generated file is missing."""
    source = resources.files("trainer._decks").joinpath(BUNDLED_FILE)
    if not source.is_file():
        return []
    lines = source.read_text(encoding="utf-8").splitlines()
    return [NoteDraft.from_dict(json.loads(line)) for line in lines if line.strip()]


def bundled_checks(drafts: list[NoteDraft]) -> list[Correction]:
    """The maintainers' decisions that still apply: a decision on a text the deck no
    longer has (the bundle was regenerated since) is left out, so it never confirms
    a rendering nobody looked at."""
    source = resources.files("trainer._decks").joinpath(CHECKED_FILE)
    if not source.is_file():
        return []
    texts = {(lang, d.term): t.text for d in drafts for lang, t in d.translations.items()}
    checks = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, term, decision, old, new = line.split("\t")
        if texts.get((lang, term)) != old:
            continue
        checks.append(Correction(term=term, lang=lang, decision=decision, old=old,
                                 new=old if decision == "accept" else new, deck=BUNDLED_DECK,
                                 learner=CHECKED_BY, decided_ms=CHECKED_MS, source="decks/checked.tsv"))
    return checks


def load_bundled(store: Store) -> ImportResult | None:
    """Import the bundled deck into ``store``, with the maintainers' checks applied;
    None when there is nothing to load."""
    drafts = bundled_drafts()
    if not drafts:
        return None
    result = store.import_notes(BUNDLED_DECK, drafts, description=BUNDLED_DESCRIPTION)
    store.apply_checks(bundled_checks(drafts))
    return result
