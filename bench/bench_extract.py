"""Extraction throughput: docs/s for the full default pipeline, and what the
trigger scan saves over parsing every sentence. Not a test; prints numbers.

    .venv/bin/python bench/bench_extract.py [--repeat 20]
    .venv/bin/python bench/bench_extract.py --input ../shared/data/real/articles.jsonl

The corpus is our own examples/ (cleaned once) repeated with a varying suffix
so document ids differ, or real-length articles from ``--input`` (any input
warwire reads; ``--limit`` keeps the first N documents); the first batch warms
the models and is not timed. Extract and the bare parse then alternate for
``--rounds`` rounds and the best time of each counts (the first round also fills
the vocabulary and caches both share, for whichever runs first); each round's
CPU ratio and their median are printed too, for machines shared with other
jobs. Peak memory (max RSS of this process) is printed at the end.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from dataclasses import replace
from pathlib import Path

from warwire.config import Settings
from warwire.extract import EventStage
from warwire.nlp import SentenceStage
from warwire.pipeline import Pipeline, default_pipeline, documents
from warwire.resolve.places import ToponymStage
from warwire.types import Analysis, Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def corpus(repeat: int, settings: Settings) -> list[Document]:
    base = [d for d in documents([str(EXAMPLES)], settings) if isinstance(d, Document)]
    return [
        replace(d, doc_id=f"{d.doc_id}-{n}", text=d.text + f"\n\nEdition {n}.")
        for n in range(repeat)
        for d in base
    ]


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def timed(pipeline: Pipeline, docs: list[Document]) -> Timing:
    pipeline.run([Analysis(document=d) for d in docs[:2]])  # warm-up
    start = _clock()
    for i in range(0, len(docs), 32):
        pipeline.run([Analysis(document=d) for d in docs[i : i + 32]])
    return _since(start)


def bare_parse(docs: list[Document]) -> Timing:
    """spaCy alone over the same texts, with the model warwire loads: the yardstick."""
    from warwire.nlp import load_model

    nlp = load_model()
    list(nlp.pipe(d.text for d in docs[:2]))  # warm-up
    start = _clock()
    for _ in nlp.pipe((d.text for d in docs), batch_size=32):
        pass
    return _since(start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--input", help="read these documents instead of repeating examples/")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2, help="extract and bare, alternating")
    args = parser.parse_args()
    settings = Settings()
    if args.input:
        docs = [d for d in documents([args.input], settings) if isinstance(d, Document)]
        docs = docs[: args.limit]
    else:
        docs = corpus(args.repeat, settings)
    # extract and the bare parse share one spaCy model, whose vocabulary and caches
    # fill on first sight of a word: whichever ran first paid for both. Each runs
    # --rounds times, alternating, and the best round counts.
    default = default_pipeline(settings)
    runs = [(timed(default, docs), bare_parse(docs)) for _ in range(args.rounds)]
    full, full_cpu = (min(ours[k] for ours, _ in runs) for k in (0, 1))
    bare, bare_cpu = (min(theirs[k] for _, theirs in runs) for k in (0, 1))
    everything = Pipeline([SentenceStage(lambda _s: True), ToponymStage(), EventStage()])
    (parse_all, _) = timed(everything, docs)
    print(f"documents                 {len(docs)}  (best of {args.rounds} rounds)")
    print(f"default pipeline          {len(docs) / full:8.1f} docs/s  ({full:.2f} s)")
    print(f"parse every sentence      {len(docs) / parse_all:8.1f} docs/s  ({parse_all:.2f} s)")
    print(f"trigger scan time ratio   {full / parse_all:8.2f}  (scan / parse-all; lower is better)")
    print(f"bare spaCy nlp.pipe       {len(docs) / bare:8.1f} docs/s  ({bare:.2f} s)")
    print(f"throughput vs bare parse  {bare / full:8.2f}  (extract / bare spaCy; higher is better)")
    # CPU seconds of this one process: steadier than wall time on a shared machine
    cpu_ratio = bare_cpu / full_cpu
    print(f"same, by CPU time         {cpu_ratio:8.2f}  ({full_cpu:.2f} s vs {bare_cpu:.2f} s)")
    # each round's extract against the bare parse run right after it, under the same load
    by_round = [theirs[1] / ours[1] for ours, theirs in runs]
    rounds = " ".join(f"{r:.2f}" for r in by_round)
    print(f"CPU ratio per round       {rounds}  (median {statistics.median(by_round):.2f})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS)     {peak:8.0f} MB")


if __name__ == "__main__":
    main()
