"""Extraction throughput against bare spaCy, both on ``--processes`` cores.

    .venv/bin/python bench/bench_extract.py                  # 1,000 real-length articles
    .venv/bin/python bench/bench_extract.py --count 300 --rounds 3
    .venv/bin/python bench/bench_extract.py --input examples --processes 1

The yardstick (issue 14): ``nlp.pipe(texts, n_process=N)`` with the model
warwire loads, over the same cleaned texts; against it, warwire's extraction
with N worker processes (:mod:`warwire.pool`, what ``warwire extract -j N``
runs), from cleaned documents to its output records encoded as JSON lines.
Reading and cleaning are left out of both (the bare parse has none).

The corpus is ``--input`` (default: the real articles) cleaned once and cycled
to ``--count`` documents; each copy after the first ends with "Edition n." so
ids and texts differ. Both sides fork from this process after one untimed
warm-up each, and they alternate for ``--rounds`` rounds on the same machine
state. Printed per round: wall seconds and CPU seconds of the whole process
set (this process and its reaped workers), their ratios (bare / extract:
above 1 means extract is faster), then the medians; and the peak memory of the
process set while each side ran (sum of proportional set sizes, PSS, which
counts pages shared after fork once, and of RSS). Not a test; nothing fails on timing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import threading
import time
from dataclasses import replace
from pathlib import Path

from warwire.config import Settings
from warwire.export import analysis_records
from warwire.pipeline import batched, default_pipeline, documents
from warwire.pool import analyse_in_processes
from warwire.types import Analysis, Document

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "articles.jsonl"


def corpus(inputs: list[str], count: int, settings: Settings) -> list[Document]:
    base = [d for d in documents(inputs, settings) if isinstance(d, Document)]
    out = []
    for n in range(count):
        d = base[n % len(base)]
        lap = n // len(base)
        out.append(
            d
            if lap == 0
            else replace(d, doc_id=f"{d.doc_id}-{lap}", text=f"{d.text}\n\nEdition {lap}.")
        )
    return out


class Memory:
    """Peak memory of this process and its descendants, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.pss = self.rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Memory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            pss = rss = 0
            for pid in _tree(os.getpid()):
                try:
                    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().split("\n")
                except OSError:
                    continue
                fields = {ln.split(":")[0]: ln.split()[1] for ln in rollup[1:] if ":" in ln}
                pss += int(fields.get("Pss", 0))
                rss += int(fields.get("Rss", 0))
            self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [root], [root]
    while todo:
        pid = todo.pop()
        kids = [p for p, pp in parents.items() if pp == pid]
        found += kids
        todo += kids
    return found


Timing = tuple[float, float, int]  # wall seconds, CPU seconds of the process set, peak PSS KiB


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(run: object) -> Timing:
    assert callable(run)
    with Memory() as memory:
        wall, cpu = time.perf_counter(), _cpu()
        run()
        deadline = time.monotonic() + 30
        while multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.05)  # reap the workers so their CPU time is counted
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    return wall, cpu, memory.pss


def extract_run(docs: list[Document], settings: Settings) -> None:
    chunks = batched(docs, settings.batch_size)
    for _, analyses in analyse_in_processes(chunks, settings, default_pipeline):
        for analysis in analyses:
            for record in analysis_records(analysis):
                json.dumps(record, ensure_ascii=False)


def extract_one(docs: list[Document], settings: Settings) -> None:
    pipeline = default_pipeline(settings)
    for chunk in batched(docs, settings.batch_size):
        for analysis in pipeline.run([Analysis(document=d) for d in chunk]):
            for record in analysis_records(analysis):
                json.dumps(record, ensure_ascii=False)


def bare_run(texts: list[str], n_process: int, batch_size: int) -> None:
    from warwire.nlp import stock_model

    nlp = _stock.get("nlp") or _stock.setdefault("nlp", stock_model())
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass


_stock: dict[str, object] = {}  # spaCy as it loads, untouched by warwire: loaded once


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", action="append", help="documents to read (repeatable)")
    parser.add_argument("--count", type=int, default=1000, help="documents, cycling the input")
    parser.add_argument("--processes", type=int, default=2, help="cores for both sides")
    parser.add_argument("--rounds", type=int, default=2, help="extract and bare, alternating")
    parser.add_argument("--bare-batch", type=int, default=32, help="nlp.pipe batch_size")
    args = parser.parse_args()
    n = args.processes
    settings = Settings(n_process=n)
    docs = corpus(args.input or [str(REAL)], args.count, settings)
    texts = [d.text for d in docs]
    warm = docs[: 4 * n]

    def ours(some: list[Document]) -> None:
        (extract_run if n > 1 else extract_one)(some, settings)

    # load spaCy, the gazetteer and the lexicons here, once: workers fork with them
    # loaded, as the bare parse's workers fork with the model
    timed(lambda: extract_one(warm, settings))
    timed(lambda: ours(warm))
    timed(lambda: bare_run([d.text for d in warm], n, args.bare_batch))
    chars = sum(map(len, texts))
    print(f"documents {len(docs)} ({chars / len(docs):.0f} chars each), {n} process(es), "
          f"load average {os.getloadavg()[0]:.1f} at start")  # fmt: skip
    rows = []
    for r in range(args.rounds):
        mine = timed(lambda: ours(docs))
        bare = timed(lambda: bare_run(texts, n, args.bare_batch))
        rows.append((mine, bare))
        print(
            f"round {r + 1}: extract {mine[0]:6.1f} s wall {mine[1]:6.1f} s CPU"
            f" | bare {bare[0]:6.1f} s wall {bare[1]:6.1f} s CPU"
            f" | ratio wall {bare[0] / mine[0]:.2f} CPU {bare[1] / mine[1]:.2f}"
            f" | load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    wall = statistics.median(b[0] / m[0] for m, b in rows)
    cpu = statistics.median(b[1] / m[1] for m, b in rows)
    best = min(m[0] for m, _ in rows), min(b[0] for _, b in rows)
    print(
        f"extract {len(docs) / best[0]:.1f} docs/s,"
        f" bare spaCy {len(docs) / best[1]:.1f} docs/s (best rounds)"
    )
    print(
        f"throughput ratio (bare time / extract time): wall median {wall:.2f}, CPU median {cpu:.2f}"
    )
    pss = max(m[2] for m, _ in rows) / 1024, max(b[2] for _, b in rows) / 1024
    print(f"peak memory of the process set (PSS): extract {pss[0]:.0f} MB, bare {pss[1]:.0f} MB")


if __name__ == "__main__":
    main()
