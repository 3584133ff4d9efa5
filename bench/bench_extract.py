"""Extractor throughput against bare jieba, growth with corpus size, peak memory.

usage: python bench/bench_extract.py [--copies N] [--scales 1,10] [--workers 1,auto]

The corpus repeats the bundled articles with perturbations (years shifted,
paragraphs rotated, one sentence of each copy's translation dropped) so that
copies are distinct texts, not one text grouped N times.  For each scale we time
``extract_documents`` (decode, split, segment, align, rank, translate; after a
warm-up so that one-time dictionary loading is reported apart) and ``jieba.lcut``
over the same Chinese text in the same process, and report the ratio, split
into its two stages: preparing the files (decode, split, segment, align) and
extracting their terms (rank, translate, agree across languages).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trainer.extract import realign  # noqa: E402
from trainer.extract.bundle import article_paths  # noqa: E402
from trainer.extract.decode import decode_bytes  # noqa: E402
from trainer.extract.parallel import default_workers  # noqa: E402
from trainer.extract.pipeline import extract_documents  # noqa: E402
from trainer.extract.sources import load_documents  # noqa: E402


def perturb(text: str, k: int, rng: random.Random) -> str:
    """A distinct but realistic variant of an article."""
    text = re.sub(r"20(\d\d)", lambda m: str(2000 + (int(m.group(1)) + k) % 100), text)
    lines = text.split("\n")
    latin = [i for i, line in enumerate(lines) if line.strip() and not re.search(r"[\u4e00-\u9fff]", line)]
    if len(latin) > 3:
        i = rng.choice(latin[2:])
        sentences = re.split(r"(?<=[.!?]) ", lines[i])
        if len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]
            lines[i] = " ".join(sentences)
    return "\n".join(lines)


def corpus(copies: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    base = [(p.name, decode_bytes(p.name, p.read_bytes())) for p in article_paths()]
    return [(f"{k:05d}_{name}", perturb(text, k, rng)) for k in range(copies) for name, text in base]


def chinese_text(files: list[tuple[str, str]]) -> str:
    return "\n".join(line for _n, t in files for line in t.split("\n") if re.search(r"[\u4e00-\u9fff]", line))


def run_extract(files: list[tuple[str, str]], workers: int | None = None) -> int:
    return run_stages(files, workers)[0]


def run_stages(files: list[tuple[str, str]], workers: int | None = None) -> tuple[int, float, float]:
    """Rows, then the seconds of the two stages: preparing the files (read,
    decode, split, segment, align) and extracting their terms, as ``trainer
    extract`` does (the files are written to a temporary directory first)."""
    with tempfile.TemporaryDirectory() as tmp:
        # The word aligner's links are kept per input (in memory and in the user
        # cache): every measurement starts without them, as a new learner's run does.
        realign._MEMO.clear()
        os.environ["TRAINER_CACHE"] = str(Path(tmp) / "cache")
        paths = [Path(tmp) / name for name, _text in files]
        for path, (_name, text) in zip(paths, files):
            path.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        docs = load_documents(paths, workers=workers)
        t1 = time.perf_counter()
        rows = len(extract_documents(docs, workers=workers))
        return rows, t1 - t0, time.perf_counter() - t1


def measure(copies: int, workers: int | None) -> dict[str, float]:
    import jieba

    files = corpus(copies)
    zh = chinese_text(files)
    t0 = time.perf_counter()
    jieba.lcut(zh)
    t_jieba = time.perf_counter() - t0
    rows, t_prepare, t_terms = run_stages(files, workers)
    t_extract = t_prepare + t_terms
    size = sum(len(t.encode()) for _n, t in files)
    return {"copies": copies, "bytes": size, "zh_chars": len(zh), "rows": rows, "workers": workers or default_workers(),
            "jieba_s": t_jieba, "extract_s": t_extract, "ratio": t_extract / t_jieba,
            "prepare_ratio": t_prepare / t_jieba, "terms_ratio": t_terms / t_jieba}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20, help="copies of the 5 articles at scale 1")
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--workers", default="1,auto",
                    help="worker processes to measure, comma-separated ('auto': one per core)")
    args = ap.parse_args(argv)
    counts = [None if w == "auto" else int(w) for w in args.workers.split(",")]
    t0 = time.perf_counter()
    run_extract(corpus(1))  # warm-up: jieba dictionary, CC-CEDICT, language model
    print(f"one-time loading (warm-up run): {time.perf_counter() - t0:.2f} s")
    for workers in counts:
        results = [measure(args.copies * int(s), workers) for s in args.scales.split(",")]
        for r in results:
            print(f"workers={r['workers']} copies={r['copies']:5d} size={r['bytes'] / 1e6:6.2f} MB "
                  f"zh_chars={r['zh_chars']:8d} rows={r['rows']:7d} "
                  f"jieba={r['jieba_s']:6.2f}s extract={r['extract_s']:6.2f}s ratio={r['ratio']:.2f} "
                  f"(prepare {r['prepare_ratio']:.2f} + terms {r['terms_ratio']:.2f})")
        if len(results) > 1:
            a, b = results[0], results[-1]
            growth = (b["extract_s"] / a["extract_s"]) / (b["bytes"] / a["bytes"])
            print(f"growth: time x{b['extract_s'] / a['extract_s']:.1f} for size x{b['bytes'] / a['bytes']:.1f} "
                  f"(1.0 = linear): {growth:.2f}")
    files = corpus(args.copies)
    tracemalloc.start()
    run_extract(files, workers=1)  # (forked workers' memory is not traced)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory at scale 1 ({sum(len(t.encode()) for _n, t in files) / 1e6:.2f} MB input): "
          f"{peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
