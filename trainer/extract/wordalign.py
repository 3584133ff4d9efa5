"""Sentence pairs -> word links, with eflomal (a Bayesian HMM aligner with fertility).

We run eflomal in both directions and symmetrise with grow-diag-final-and, the
usual recipe of phrase-based MT.  Lexical priors (from the shipped translation
table and from the dictionary) are pseudo-counts in eflomal's Dirichlet priors:
they steer the sampler on a short article without overriding what the article
itself says.  eflomal samples, so runs differ slightly; each call runs several
samplers and the caller links only what they agree on enough to survive
symmetrisation.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Sequence

Link = tuple[int, int]
Prior = tuple[str, str, float]

#: Independent samplers per direction (eflomal averages their counts).
SAMPLERS = 3


def align(
    sources: Sequence[Sequence[str]], targets: Sequence[Sequence[str]],
    priors: Iterable[Prior] = (), samplers: int = SAMPLERS, iterations: int | None = None,
) -> list[frozenset[Link]]:
    """Symmetrised links (source index, target index) of each sentence pair."""
    return _align_once(sources, targets, list(priors), samplers, iterations)


def align_runs(
    sources: Sequence[Sequence[str]], targets: Sequence[Sequence[str]],
    priors: Iterable[Prior] = (), runs: int = 3, samplers: int = SAMPLERS, iterations: int | None = None,
) -> list[tuple[frozenset[Link], ...]]:
    """``runs`` independent alignments of each sentence pair.

    A sampled alignment varies from run to run; the caller lets the runs vote
    (a span most runs give is the one to trust) and reads their agreement as
    evidence of confidence."""
    priors = list(priors)
    # Each run is an eflomal process: threads only wait on them, so the runs
    # share the machine's cores instead of queueing.
    with ThreadPoolExecutor(max_workers=min(runs, os.cpu_count() or 1)) as pool:
        per_run = list(pool.map(lambda _: _align_once(sources, targets, priors, samplers, iterations), range(runs)))
    return [tuple(links) for links in zip(*per_run)]


def _align_once(
    sources: Sequence[Sequence[str]], targets: Sequence[Sequence[str]],
    priors: Sequence[Prior], samplers: int, iterations: int | None,
) -> list[frozenset[Link]]:
    import eflomal

    if not sources:
        return []
    with tempfile.TemporaryDirectory(prefix="trainer-align-") as tmp:
        fwd, rev = os.path.join(tmp, "fwd"), os.path.join(tmp, "rev")
        prior_lines = [f"LEX\t{s}\t{t}\t{a:g}\n" for s, t, a in priors if a > 0]
        aligner = eflomal.Aligner(
            n_samplers=samplers, n_iterations=None if iterations is None else (iterations,) * 3,
        )
        aligner.align(
            [_line(s) for s in sources], [_line(t) for t in targets],
            links_filename_fwd=fwd, links_filename_rev=rev,
            priors_input=prior_lines if prior_lines else None, quiet=True,
        )
        forward, reverse = _read_links(fwd), _read_links(rev)
    return [grow_diag_final_and(f, r) for f, r in zip(forward, reverse)]


def _line(tokens: Sequence[str]) -> str:
    # eflomal splits on whitespace and needs one token at least.
    return " ".join(tokens) + "\n" if tokens else "∅\n"


def _read_links(path: str) -> list[set[Link]]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            links = set()
            for pair in line.split():
                i, j = pair.split("-")
                links.add((int(i), int(j)))
            out.append(links)
    return out


_NEIGHBOURS = ((-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))


def grow_diag_final_and(forward: set[Link], reverse: set[Link]) -> frozenset[Link]:
    """Koehn's grow-diag-final-and: start from the intersection, grow into the
    union through neighbours, then add union links whose both ends are unaligned."""
    union = forward | reverse
    links = set(forward & reverse)
    src_done = {i for i, _ in links}
    trg_done = {j for _, j in links}
    grown = True
    while grown:
        grown = False
        for i, j in sorted(links):
            for di, dj in _NEIGHBOURS:
                cand = (i + di, j + dj)
                if cand in union and cand not in links and (cand[0] not in src_done or cand[1] not in trg_done):
                    links.add(cand)
                    src_done.add(cand[0])
                    trg_done.add(cand[1])
                    grown = True
    for direction in (forward, reverse):
        for i, j in sorted(direction):
            if i not in src_done and j not in trg_done:
                links.add((i, j))
                src_done.add(i)
                trg_done.add(j)
    return frozenset(links)
