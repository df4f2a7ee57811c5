"""Situation report timing: a country-week with 1,000 events, rendered to PDF.

    .venv/bin/python bench/bench_report.py                  # 1,000 events that week
    .venv/bin/python bench/bench_report.py --events 2000 --weekly 100
    .venv/bin/python bench/bench_report.py --db sqlite:////tmp/report-bench.db  # keep the file

Fills a SQLite database through ``Store.add`` with hand-built analyses (no
spaCy: this measures the report, not extraction): ``--events`` events in
2024-W23 in one country and ``--weekly`` events in each of the 52 weeks
before, every event with one or two claims (a tenth of them disagreeing on the
toll). Then times reading and computing the report, drawing its maps and
chart, the HTML, and the PDF (Chromium), and prints each step and the total
against the 10 s target. Not a test; it never fails on timing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from warwire.report import build_report, make_spec, render
from warwire.report.formatting import render_html
from warwire.store import open_store
from warwire.types import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Hedge,
    Place,
    Polarity,
    Source,
    Span,
    When,
)

WEEK = "2024-W23"
MONDAY = date(2024, 6, 3)
TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
)
ACTORS = tuple(Actor(f"Armed Group {i}", inter=1 + i % 8) for i in range(60))
HEDGES = (Hedge.ACCORDING_TO, Hedge.REPORTEDLY, Hedge.CLAIMED, Hedge.NONE)


def analysis(i: int, day: date, rng: random.Random) -> Analysis:
    """One short document reporting one event somewhere in the country."""
    toll = rng.choice((0, 0, 1, 2, 3, 5, 8, 13))
    kind, sub = rng.choice(TYPES)
    a1, a2 = rng.sample(ACTORS, 2)
    region = rng.randrange(12)
    text = (f"Report {i}: {a1.name} and {a2.name} were in a {sub.lower()} near Town {i} in "
            f"State {region} on {day}, leaving {toll} dead, officials said. Another side "
            f"said {toll + rng.randint(1, 9)} died.")  # fmt: skip
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:24]
    doc = Document(doc_id, f"bench:{i}", text, published=day + timedelta(days=1),
                   source=Source(publisher=f"Outlet {i % 40}"))  # fmt: skip
    first = text.index(", leaving")
    claims = [Claim("officials", rng.choice(HEDGES), Polarity.ASSERTED,
                    Span(doc_id, 0, first), fatalities=toll or None)]  # fmt: skip
    if i % 10 == 0:
        other = text.index("Another side")
        claims.append(Claim(a2.name, Hedge.CLAIMED, Polarity.ASSERTED,
                            Span(doc_id, other, len(text)), fatalities=toll + 4))  # fmt: skip
    place = Place(f"Town {i}", rng.uniform(9.5, 19.5), rng.uniform(23, 35), "Sudan", "SD",
                  f"State {region}", geo_precision=1)  # fmt: skip
    event = Event(f"ev-bench-{i}", (doc_id,), kind, sub, "Political violence", a1, a2,
                  place=place, when=When(day, day, 1), fatalities=toll, claims=tuple(claims),
                  civilian_targeting=kind == "Violence against civilians")  # fmt: skip
    return Analysis(doc, events=(event,))


def _descendant_cpu(seen: dict[int, float]) -> None:
    """Record the CPU seconds of every live process below this one (Chromium's tree)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[tuple[int, float]]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / tick
        children.setdefault(int(fields[1]), []).append((int(name), cpu))
    stack = [os.getpid()]
    while stack:
        for pid, cpu in children.get(stack.pop(), []):
            seen[pid] = max(seen.get(pid, 0.0), cpu)
            stack.append(pid)


def timed_pdf(report: object) -> tuple[bytes, float, float]:
    """The PDF, its wall seconds, and the CPU seconds of Chromium's processes (sampled)."""
    done: list[bytes] = []
    worker = threading.Thread(target=lambda: done.append(render(report, "pdf")))  # type: ignore[arg-type]
    seen: dict[int, float] = {}
    t = time.perf_counter()
    worker.start()
    while worker.is_alive():
        _descendant_cpu(seen)
        worker.join(0.05)
    return done[0], time.perf_counter() - t, sum(seen.values())


def fill(url: str, events: int, weekly: int, seed: int = 3) -> int:
    rng = random.Random(seed)
    days = [MONDAY + timedelta(days=rng.randrange(7)) for _ in range(events)]
    days += [MONDAY - timedelta(days=rng.randrange(1, 52 * 7)) for _ in range(52 * weekly)]
    with open_store(url) as store:
        for i, day in enumerate(days):
            store.add(analysis(i, day, rng))
        return len(days)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="events in the report's week")
    parser.add_argument("--weekly", type=int, default=40, help="events in each earlier week")
    parser.add_argument("--db", help="SQLite/PostgreSQL URL to fill (default: a temp file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="warwire-report-bench-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'report.db'}"
        t0 = time.perf_counter()
        fill(url, args.events, args.weekly)
        print(f"filled {args.events} + 52 x {args.weekly} events in "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
        times: dict[str, float] = {}
        with open_store(url) as store:
            t = time.perf_counter()
            report = build_report(store, make_spec("Sudan", week=WEEK), draw=False)
            times["read + figures"] = time.perf_counter() - t
            cpu = time.process_time()
            t = time.perf_counter()
            report = build_report(store, make_spec("Sudan", week=WEEK))
            times["read + figures + drawings"] = time.perf_counter() - t
        t = time.perf_counter()
        html = render_html(report)
        times["html"] = time.perf_counter() - t
        python_cpu = time.process_time() - cpu
        pdf, times["pdf (html + chromium)"], chromium_cpu = timed_pdf(report)
    total = times["read + figures + drawings"] + times["pdf (html + chromium)"]
    for step, seconds in times.items():
        print(f"{step:>28}: {seconds:6.2f} s")
    print(f"{len(report.events)} events in {WEEK}: html {len(html) / 1e6:.1f} MB, "
          f"pdf {len(pdf) / 1e6:.1f} MB")  # fmt: skip
    print(f"{'store to PDF':>28}: {total:6.2f} s (target < 10 s: {total / 10:.2f} of it)")
    print(f"{'python CPU (report + html)':>28}: {python_cpu:6.2f} s")
    print(f"{'chromium CPU':>28}: {chromium_cpu:6.2f} s (sampled; load-independent)")
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (wall times stretch with it)")
    return {**times, "total": total}


if __name__ == "__main__":
    main()
