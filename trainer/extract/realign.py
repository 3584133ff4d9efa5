"""Word alignment of the run's articles, and each term's aligned renderings.

Every sentence pair of the run is aligned with eflomal per language
(:mod:`trainer.extract.wordalign`), beside the background pairs that share its
rarer characters (:mod:`trainer.extract.background`), with two priors: the shipped table that
eflomal learned on the background corpus (bench/build_align_table.py) and the
dictionary in context (:mod:`trainer.extract.priors`).  A term's rendering in
one sentence is its consistent phrase (:mod:`trainer.extract.phrases`); over
the article, the renderings vote.  Evidence stays per article: other articles
only shape the aligner, they never pool votes.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Sequence

from trainer.extract import background, phrases, tokens, wordalign
from trainer.extract.cache import cached
from trainer.extract.priors import dictionary_links, dictionary_priors

TABLE_DIR = Path(__file__).with_name("data")
#: Sampling iterations per model (eflomal's own default grows as the corpus
#: shrinks, to hundreds on one article; the shipped prior makes few enough).
ITERATIONS = 40
#: eflomal runs voted per alignment (wordalign.align keeps majority links).
RUNS = 5
#: Sampling chains per eflomal run (their link counts are averaged within the
#: run).  Three keep a small input's links steady from one run of trainer to the
#: next (with one, a doubtful row of a short article could cross the study bar
#: on some draws); on a large input every link has more sentences behind it and
#: one chain gives the same accuracy (bench: 0.766 vs 0.772 on the dev sets,
#: within the draw-to-draw noise) for a third of the work.
SAMPLERS = 3
SAMPLERS_LARGE = 1
#: Sentence pairs of a language from which an input is large.
LARGE_INPUT = 1000
#: Pseudo-counts per background link.
TABLE_WEIGHT = 1.0


@dataclass(frozen=True)
class AlignedPair:
    zh: tokens.Tokens
    tr: tokens.Tokens
    runs: tuple[frozenset[wordalign.Link], ...]  # one link set per eflomal run
    hints: frozenset[wordalign.Link] = frozenset()  # links the dictionary supports

    @property
    def links(self) -> frozenset[wordalign.Link]:
        """Links most runs agree on."""
        if len(self.runs) == 1:
            return self.runs[0]
        seen = Counter(link for run in self.runs for link in run)
        return frozenset(link for link, n in seen.items() if 2 * n > len(self.runs))


@dataclass(frozen=True)
class Renderings:
    """What the aligner says a term is in one article."""

    votes: tuple[tuple[str, int], ...]  # surface text, sentences, most voted first
    occurrences: int                    # sentence pairs holding the term
    coverage: float                     # mean share of the term's characters linked
    runs: int = 1                       # aligner runs voting (votes count sentences x runs)

    @property
    def best(self) -> str | None:
        return self.votes[0][0] if self.votes else None

    @property
    def share(self) -> float:
        return self.votes[0][1] / (self.occurrences * self.runs) if self.votes and self.occurrences else 0.0


@cache
def table(lang: str) -> dict[tuple[str, str], float]:
    """(character, word) -> mean background link count ({} when none is shipped)."""
    path = TABLE_DIR / f"align_{lang}.tsv"
    out: dict[tuple[str, str], float] = {}
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    c, f, n = line.rstrip("\n").split("\t")
                    out[(c, f)] = float(n)
    return out


def align_documents(docs: Sequence[object]) -> dict[str, list[AlignedPair]]:
    """Aligned sentence pairs of each document (by file name), all of a language at once."""
    by_lang: dict[str, list[tuple[str, tokens.Tokens, tokens.Tokens, Sequence[str]]]] = defaultdict(list)
    # A canonical order: the same files in another order are the same input to eflomal.
    for doc in sorted(docs, key=lambda d: (d.article.name, d.pairs)):  # type: ignore[attr-defined]
        for zh, tr, words in doc.pairs:  # type: ignore[attr-defined]
            by_lang[doc.article.lang].append((doc.article.name, tokens.chinese(zh), tokens.latin(tr), words))  # type: ignore[attr-defined]
    out: dict[str, list[AlignedPair]] = defaultdict(list)
    for lang, pairs in by_lang.items():
        prior: Counter[tuple[str, str]] = dictionary_priors([(z, t, w) for _n, z, t, w in pairs], lang)
        for key, n in table(lang).items():
            prior[key] += TABLE_WEIGHT * n
        sources, targets = [z.forms for _n, z, _t, _w in pairs], [t.forms for _n, _z, t, _w in pairs]
        # Context for the sampler only: their links are cut off below.
        for zh, tr in background.select(lang, (z.text for _n, z, _t, _w in pairs)):
            sources.append(tokens.chinese(zh).forms)
            targets.append(tokens.latin(tr).forms)
        links = _links(lang, sources, targets, prior)[:len(pairs)]
        for (name, zh, tr, words), runs in zip(pairs, links):
            out[name].append(AlignedPair(zh, tr, runs, dictionary_links(zh, tr, words, lang)))
    return dict(out)


def _links(
    lang: str, sources: list[tuple[str, ...]], targets: list[tuple[str, ...]], prior: Counter[tuple[str, str]],
) -> list[tuple[frozenset[wordalign.Link], ...]]:
    """eflomal's links (per run), kept per input: eflomal samples, so the same articles
    would otherwise get slightly different links on every run; keyed by the
    pairs, the priors and the settings, a re-run (``extract --deck`` again, the
    same files with other ``--jobs``) gives the same rows."""
    samplers = SAMPLERS_LARGE if len(sources) >= LARGE_INPUT else SAMPLERS
    digest = hashlib.sha256(repr((lang, ITERATIONS, RUNS, samplers, TABLE_WEIGHT, sources, targets, sorted(prior.items())))
                            .encode()).hexdigest()[:24]
    if digest not in _MEMO:
        _MEMO[digest] = cached(
            f"links-{digest}", ["eflomal"],
            lambda: [[sorted(ls) for ls in runs] for runs in wordalign.align_runs(
                sources, targets, [(a, b, c) for (a, b), c in prior.items()], runs=RUNS, samplers=samplers, iterations=ITERATIONS)],
        )
    return [tuple(frozenset(tuple(link) for link in ls) for ls in runs) for runs in _MEMO[digest]]


_MEMO: dict[str, list[list[list[tuple[int, int]]]]] = {}


def renderings(term: str, pairs: Sequence[AlignedPair], lang: str = "") -> Renderings:
    """The term's consistent phrase in each sentence pair holding it, voted
    (``lang`` trims function words off the edges of each phrase)."""
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    occurrences, covered, runs = 0, 0.0, 1
    for pair in pairs:
        places = pair.zh.find(term)
        if not places:
            continue
        occurrences += 1
        runs = len(pair.runs)
        for links in pair.runs:
            found = None
            for place in places:
                span = phrases.term_span(place, pair.tr, links, pair.hints, lang)
                if span and (cut := phrases.trim(pair.tr, span, lang)):
                    found = (pair.tr.surface(*cut), span.coverage)
                    break
            if found:
                votes[found[0]] += 1
                first_seen.setdefault(found[0], len(first_seen))
                covered += found[1] / len(pair.runs)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
    return Renderings(tuple(ranked), occurrences, covered / occurrences if occurrences else 0.0, runs)
