"""Domain types shared by the extractor, the store, the exporters and the UI.

They are plain frozen dataclasses with ``to_dict``/``from_dict`` so that rows go
straight into sqlite-utils and JSON, and so that no layer has to know how another
one stores them. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal, Mapping

from trainer.scheduler import CardState

Lang = Literal["fr", "en", "vi"]
#: Translation languages a learner can study in, in display order.
LANGS: tuple[Lang, ...] = ("fr", "en", "vi")
LANG_NAMES: Mapping[str, str] = {"fr": "French", "en": "English", "vi": "Vietnamese"}

Direction = Literal["recognition", "recall"]
#: Recognition: hanzi -> meaning. Recall: meaning -> hanzi/pinyin.
DIRECTIONS: tuple[Direction, ...] = ("recognition", "recall")


#: A mined rendering's confidence is the phrase choice's calibrated probability that
#: it is right (bench/fit_rank.py); below this bar it is shown as unsure and wants a
#: check.  Chosen from the dev sets' reliability tables: rows at >= 0.9 are 0.93
#: right held out (leave one article out) and 0.98 right in the shipped model.
UNSURE_BELOW = 0.9
#: Below this a rendering stays out of decks (dev rows at >= 0.7: 0.91 right, held out; below: about half)
#: (``trainer extract --json`` still lists it).
STUDY_FROM = 0.7


@dataclass(frozen=True)
class Translation:
    """The rendering of a term in one language, with how sure we are of it.

    ``method`` says where it came from: ``aligned`` (found in the article's
    translation), ``word-aligned`` (the word aligner's phrase, chosen over the rules'
    rendering or for a term only the aligner translates), ``dictionary`` (fallback gloss, the article did not show it) or
    ``edited`` (a learner fixed it by hand; re-extraction never overwrites that).
    """

    text: str
    alternatives: tuple[str, ...] = ()
    confidence: float = 0.0
    method: str = "aligned"
    evidence: tuple[str, ...] = ()

    @property
    def unsure(self) -> bool:
        """Whether the learner should be told to check it against the example:
        a dictionary gloss, or a rendering the extractor has little evidence for."""
        return self.method == "dictionary" or (self.method in ("aligned", "word-aligned") and self.confidence < UNSURE_BELOW)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "alternatives": list(self.alternatives),
            "confidence": self.confidence,
            "method": self.method,
            "evidence": list(self.evidence),
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Translation:
        return Translation(
            text=str(data["text"]),
            alternatives=tuple(data.get("alternatives", ())),
            confidence=float(data.get("confidence", 0.0)),
            method=str(data.get("method", "aligned")),
            evidence=tuple(data.get("evidence", ())),
        )


@dataclass(frozen=True)
class Example:
    """A Chinese sentence containing the term, with its aligned translations by language."""

    zh: str
    translations: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"zh": self.zh, "translations": dict(self.translations)}

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Example:
        return Example(zh=str(data["zh"]), translations=dict(data.get("translations", {})))


@dataclass(frozen=True)
class NoteDraft:
    """A study note as the extractor produces it, before it has a deck or an id.

    ``pinyin`` has tone marks, one syllable per space-separated token
    (``zhù cūn gōng zuò duì``); ``pinyin_numbers`` is the same with tone digits
    (``zhu4 cun1 gong1 zuo4 dui4``) for typing. ``rank`` orders notes by termhood
    (0 = most important) and gives new cards their study order.
    """

    term: str
    pinyin: str
    pinyin_numbers: str
    translations: Mapping[str, Translation] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    sources: tuple[str, ...] = ()
    rank: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "pinyin": self.pinyin,
            "pinyin_numbers": self.pinyin_numbers,
            "translations": {k: v.to_dict() for k, v in sorted(self.translations.items())},
            "examples": [e.to_dict() for e in self.examples],
            "sources": list(self.sources),
            "rank": self.rank,
        }

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> NoteDraft:
        return NoteDraft(
            term=str(data["term"]),
            pinyin=str(data.get("pinyin", "")),
            pinyin_numbers=str(data.get("pinyin_numbers", "")),
            translations={
                k: Translation.from_dict(v) for k, v in dict(data.get("translations", {})).items()
            },
            examples=tuple(Example.from_dict(e) for e in data.get("examples", ())),
            sources=tuple(data.get("sources", ())),
            rank=int(data.get("rank", 0)),
        )


@dataclass(frozen=True)
class Note(NoteDraft):
    """A stored note: a draft placed in a deck, with its database id."""

    id: int = 0
    deck: str = ""

    def translation(self, lang: str) -> Translation | None:
        """The translation to show a learner of ``lang``, or None when there is none."""
        return self.translations.get(lang)


@dataclass(frozen=True)
class Learner:
    """Someone studying. Limits and the day boundary are per learner, as in Anki."""

    id: int
    name: str
    lang: str = "fr"
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_start_hour: int = 4
    #: Study notes whose translation still needs a check (False: they wait until checked).
    study_unchecked: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Deck:
    """A named collection of notes (one or more articles)."""

    id: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class Card:
    """One learner's card for one note in one direction, with its SM-2 state.

    ``last_review`` is None for a card never studied ("new"); ``position`` is the
    order in which new cards are introduced.
    """

    id: int
    note_id: int
    learner_id: int
    deck_id: int
    direction: str
    state: CardState
    lapses: int = 0
    suspended: bool = False
    last_review: datetime | None = None
    position: int = 0
    created: datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.last_review is None


@dataclass(frozen=True)
class ReviewRecord:
    """One row of the review log, with the card state before and after it."""

    id: int
    card_id: int
    learner_id: int
    reviewed: datetime
    quality: int
    duration_ms: int
    kind: int
    before: CardState
    after: CardState


#: What a learner can decide about a mined translation (see :class:`Correction`).
DECISIONS = ("accept", "pick", "edit", "reject")


@dataclass(frozen=True)
class Correction:
    """One learner decision on a term's translation: ``accept`` (the mined text is
    right), ``pick`` (an alternative), ``edit`` (typed), ``reject`` (not a term to
    study in this deck).  ``new`` is the confirmed translation ("" for reject)."""

    term: str
    lang: str
    decision: str
    old: str = ""
    new: str = ""
    deck: str = ""
    learner: str = ""
    decided_ms: int = 0
    source: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {self.decision!r}")
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {self.lang!r}")
        if not self.term.strip():
            raise ValueError("the term is empty")
        if self.decision != "reject" and not self.new.strip():
            raise ValueError("a confirmed translation cannot be empty")

    @property
    def confirmed(self) -> bool:
        return self.decision != "reject"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Correction:
        if not isinstance(data, Mapping):
            raise TypeError("a JSON object is expected")
        return Correction(
            term=str(data["term"]), lang=str(data["lang"]), decision=str(data["decision"]),
            old=str(data.get("old", "")), new=str(data.get("new", "")), deck=str(data.get("deck", "")),
            learner=str(data.get("learner", "")), decided_ms=int(data.get("decided_ms", 0)),
            source=str(data.get("source", "")),
        )
