"""One new article: `trainer extract` from the CLI (cold) and in a warm process.

usage: python bench/bench_one_article.py [--shared ../shared] [--articles 5]

Issue 23's speed targets for a learner's own article: <= 1.5 s from the CLI,
<= 0.3 s in a process that has already extracted something.  The articles are
NTREX practice articles (../shared/corpus/ntrex/articles; the bundled ones if
that is missing) that this run has never aligned, so the word aligner runs for
each, as it does for a learner's new article.  The user cache holds the
dictionaries (built once before timing), as it does from a learner's second
run on.

Baselines, in the same run: cold, a Python process that imports jieba and cuts
the same article (jieba's own dictionary cache warm); warm, ``jieba.lcut`` on
the article's Chinese text in the same process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

JIEBA_CUT = "import sys, jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"


def cli_seconds(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--articles", type=int, default=5)
    args = ap.parse_args()
    pool = sorted((Path(args.shared) / "corpus/ntrex/articles").glob("*.txt")) or sorted((ROOT / "decks/articles").glob("*.txt"))
    # Spread over the pool (sources and languages vary along it); one for the warm-up.
    step = max(1, len(pool) // (2 * args.articles + 1))
    step += step % 3 == 0  # the pool cycles fr, vi, en: a step of 3 would take one language only
    picked = pool[::step][: 2 * args.articles + 1]
    warm_up, cold_files, warm_files = picked[0], picked[1:args.articles + 1], picked[args.articles + 1:]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TRAINER_CACHE": str(Path(tmp) / "cache"), "TRAINER_DB": str(Path(tmp) / "t.db")}
        cli_seconds(["-m", "trainer", "extract", "--json", str(warm_up)], env)  # builds the dictionaries' cache
        cold = [(f, cli_seconds(["-m", "trainer", "extract", "--json", str(f)], env),
                 cli_seconds(["-c", JIEBA_CUT, str(f)], env)) for f in cold_files]

        os.environ.update(TRAINER_CACHE=env["TRAINER_CACHE"], TRAINER_DB=env["TRAINER_DB"])
        import jieba

        from trainer.extract.pipeline import extract_documents
        from trainer.extract.sources import load_documents

        extract_documents(load_documents([warm_up]))
        warm = []
        for f in warm_files:
            t0 = time.perf_counter()
            extract_documents(load_documents([f]))
            ours = time.perf_counter() - t0
            text = f.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            jieba.lcut(text)
            warm.append((f, ours, time.perf_counter() - t0))

    print("| article | chars | CLI, cold (s) | bare jieba process (s) | ratio |\n|---|---|---|---|---|")
    for f, ours, base in cold:
        print(f"| {f.name} | {len(f.read_text(encoding='utf-8'))} | {ours:.2f} | {base:.2f} | {ours / base:.1f}x |")
    print(f"\ncold median {statistics.median(t for _f, t, _b in cold):.2f} s (target 1.5 s); "
          f"bare jieba median {statistics.median(b for _f, _t, b in cold):.2f} s\n")
    print("| article | chars | warm process (s) | jieba.lcut (s) | ratio |\n|---|---|---|---|---|")
    for f, ours, base in warm:
        print(f"| {f.name} | {len(f.read_text(encoding='utf-8'))} | {ours:.2f} | {base:.3f} | {ours / base:.0f}x |")
    print(f"\nwarm median {statistics.median(t for _f, t, _b in warm):.2f} s (target 0.3 s)")


if __name__ == "__main__":
    main()
