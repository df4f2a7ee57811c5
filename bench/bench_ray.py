"""The Ray engine on this machine: docs/s with 1 and 2 actors beside the
single-process path, on the same documents in one run. Not a test; prints numbers.

    .venv/bin/python bench/bench_ray.py [--input FILE.jsonl] [--limit 200]

The input defaults to the shared real-article set (real-length news text).
Times are end to end and include starting the actors (each loads spaCy once,
~10-20 s), which is what a short job pays; on a long job that cost fades.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warwire.config import Settings
from warwire.distributed import RayOptions, extract_ray
from warwire.pipeline import extract
from warwire.types import Analysis, Rejection

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "articles.jsonl"


def timed(items: Iterator[Analysis | Rejection]) -> tuple[int, float]:
    """Documents analysed, and the seconds it took."""
    start = time.perf_counter()
    count = sum(isinstance(item, Analysis) for item in items)
    return count, time.perf_counter() - start


def main() -> None:
    import ray

    parser = argparse.ArgumentParser()
    parser.add_argument("--input", type=Path, default=REAL)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    lines = args.input.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(lines), encoding="utf-8")
        settings = Settings()
        rows = [("single process", timed(extract([str(corpus)], settings)))]
        ray.init(num_cpus=2, include_dashboard=False)
        try:
            for workers in (1, 2):
                run = extract_ray([str(corpus)], settings, RayOptions(workers=workers))
                rows.append((f"ray, {workers} actor(s)", timed(run)))
        finally:
            ray.shutdown()
    print(f"{'path':18} {'docs':>5} {'seconds':>8} {'docs/s':>7}")
    for name, (count, total) in rows:
        print(f"{name:18} {count:5d} {total:8.1f} {count / total:7.2f}")


if __name__ == "__main__":
    main()
