"""Ingest throughput of the store: syndication + merge + SQL, without spaCy.

Generates corpora of short synthetic documents (each with a couple of events
and a claim), plants near-duplicate reposts (another site's header/footer and
a light edit) and independent second reports of the same events, then times
``Store.add_many`` (``--batch`` documents a call; 1: ``Store.add``) per corpus
size. Prints documents per second, how much of the planted syndication was
found, and how time grows between sizes (close to the size ratio means linear).

    .venv/bin/python bench/bench_ingest.py                  # 10k and 100k, temp SQLite
    .venv/bin/python bench/bench_ingest.py --sizes 2000 20000 --db postgresql://...{n}
    .venv/bin/python bench/bench_ingest.py --postgres       # a throwaway local server
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import os
import pwd
import random
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

from warwire.clean import syndication
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
)  # fmt: skip

WORDS = [
    "army",
    "militia",
    "town",
    "road",
    "convoy",
    "village",
    "shelling",
    "drone",
    "border",
    "market",
    "bridge",
    "river",
    "hill",
    "district",
    "checkpoint",
    "airport",
    "port",
    "hospital",
    "school",
    "mosque",
    "church",
    "farm",
    "valley",
    "desert",
    "north",
    "south",
    "east",
    "west",
    "morning",
    "night",
    "commander",
    "spokesman",
    "ministry",
    "council",
    "police",
    "fighters",
    "residents",
    "witnesses",
    "sources",
    "clashes",
    "attack",
    "offensive",
    "retreat",
    "ceasefire",
    "talks",
    "supplies",
    "fuel",
    "water",
    "bread",
    "power",
    "trucks",
    "tanks",
    "artillery",
    "rockets",
    "mortar",
    "casualties",
]
TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
)
ACTORS = tuple(Actor(f"Armed Group {i}", inter=1 + i % 8) for i in range(40))
START = date(2020, 1, 1)


@dataclass(frozen=True, slots=True)
class Planted:
    analyses: list[Analysis]
    reposts: int


def _places(rng: random.Random) -> list[Place]:
    out = []
    for i in range(400):
        country = ("Libya", "LY") if i % 3 == 0 else ("Syria", "SY") if i % 3 == 1 else (
            "Ukraine", "UA")  # fmt: skip
        out.append(Place(f"Town {i}", rng.uniform(10, 50), rng.uniform(10, 40), country[0],
                         country[1], f"Province {i % 25}", geo_precision=1))  # fmt: skip
    return out


def _doc(text: str, n: int, publisher: str, day: date) -> Document:
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:32]
    source = Source(publisher=publisher, url=f"https://site{n % 97}.example/{n}")
    return Document(doc_id, f"bench:{n}", text, published=day, source=source)


def _event(doc: Document, k: int, rng: random.Random, places: list[Place]) -> Event:
    kind = rng.choice(TYPES)
    day = START + timedelta(days=rng.randrange(730))
    span = Span(doc.doc_id, 0, min(40, len(doc.text)))
    a1, a2 = rng.sample(ACTORS, 2)
    fatalities = rng.choice((0, 0, 1, 2, 5, 12))
    claim = Claim(doc.source.publisher or "?", Hedge.NONE, Polarity.ASSERTED, span,
                  fatalities=fatalities or None)  # fmt: skip
    notes = " ".join(rng.choices(WORDS, k=8))
    return Event(f"e{k}", (doc.doc_id,), kind[0], kind[1], "Political violence", a1, a2,
                 place=rng.choice(places), when=When(day, day, 1), fatalities=fatalities,
                 claims=(claim,), notes=notes, confidence=0.5)  # fmt: skip


def _with_doc(event: Event, doc: Document) -> Event:
    span = Span(doc.doc_id, 0, min(40, len(doc.text)))
    return replace(event, doc_ids=(doc.doc_id,),
                   claims=tuple(replace(c, evidence=span, claimant=doc.source.publisher or "?")
                                for c in event.claims))  # fmt: skip


def corpus(n: int, seed: int = 1) -> Iterator[tuple[Analysis, bool]]:
    """``n`` analyses; the flag marks a planted repost of an earlier document."""
    rng = random.Random(seed)
    places = _places(rng)
    recent: list[Analysis] = []
    for i in range(n):
        roll = rng.random()
        if recent and roll < 0.10:  # a repost: another site's header/footer, light edit
            base = rng.choice(recent)
            words = base.document.text.split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            text = f"SITE {i} NEWS | home | world\n{' '.join(words)}\nShare this. (c) site {i}"
            doc = _doc(text, i, f"Mirror {i % 50}", base.document.published or START)
            yield Analysis(doc, events=tuple(_with_doc(e, doc) for e in base.events)), True
            continue
        text = " ".join(rng.choices(WORDS, k=rng.randint(60, 120))) + f" ref {i}."
        doc = _doc(text, i, f"Outlet {i % 300}", START + timedelta(days=rng.randrange(730)))
        events = [_event(doc, k, rng, places) for k in range(rng.randint(1, 3))]
        if recent and roll < 0.25:  # an independent second report of an earlier event
            events[0] = _with_doc(rng.choice(rng.choice(recent).events), doc)
        analysis = Analysis(doc, events=tuple(events))
        recent = [*recent[-199:], analysis]
        yield analysis, False


def run(
    n: int, url: str, batch: int, server_cpu: Callable[[], float] = lambda: 0.0
) -> dict[str, float]:
    """Ingest ``n`` documents; ``cpu`` counts this process and ``server_cpu`` (a local
    PostgreSQL's processes), since on a loaded machine only CPU time compares runs."""
    store = open_store(url)
    syndication.fingerprint("warm up")  # the MinHash library's import is not ingest work
    planted = found = 0
    elapsed = cpu = 0.0
    server0 = server_cpu()
    items = corpus(n)
    while chunk := list(islice(items, batch)):
        t0, c0 = time.perf_counter(), time.process_time()
        results = store.add_many([a for a, _ in chunk]) if batch > 1 else [
            store.add(chunk[0][0])]  # fmt: skip
        elapsed += time.perf_counter() - t0
        cpu += time.process_time() - c0
        for (_, is_repost), result in zip(chunk, results, strict=True):
            planted += is_repost
            found += is_repost and result.syndicated_from is not None
    stats = store.stats()
    store.close()
    server = server_cpu() - server0
    return {"n": n, "seconds": elapsed, "docs_per_s": n / elapsed, "cpu": cpu + server,
            "server_cpu": server,
            "events": stats["events"], "reposts": planted, "reposts_found": found}  # fmt: skip


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def postgres_server(fsync: bool) -> Iterator[tuple[str, Callable[[], float]]]:
    """A throwaway cluster on a private unix socket, as the integration tests start
    one (``tests/integration/conftest.py``); yields a URL template with ``{n}`` and
    a clock of the CPU seconds its processes used."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: p.split("/")[4])
    if not found:
        raise SystemExit("PostgreSQL server binaries not found (scripts/setup.sh installs them)")
    bindir = Path(found[-1]).parent
    root = tempfile.mkdtemp(prefix="warwire-bench-pg-")
    if os.geteuid() == 0:  # initdb refuses root
        entry = pwd.getpwnam("postgres")
        os.chown(root, entry.pw_uid, entry.pw_gid)
    os.chmod(root, 0o755)
    data = f"{root}/data"
    subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", data, "-U", "postgres",
                                 "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]),
                   check=True, capture_output=True)  # fmt: skip
    options = f"-k {root} -c listen_addresses='' -c shared_buffers=256MB"
    options += "" if fsync else " -F -c fsync=off"
    subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", data, "-o", options, "-l",
                                 f"{root}/server.log", "-w", "start"]),
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql://postgres@/bench{{n}}?host={root}", lambda: _cluster_cpu(data)
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w",
                                     "stop"]), capture_output=True)  # fmt: skip
        subprocess.run(["rm", "-rf", root], check=False)


def _cluster_cpu(data: str) -> float:
    """CPU seconds of a local cluster: the postmaster, its exited children (reaped into
    its own counters) and the live ones."""
    postmaster = int(Path(f"{data}/postmaster.pid").read_text().split()[0])
    ticks = 0
    for stat in glob.glob("/proc/[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            pid = int(stat.split("/")[2])
            if pid == postmaster:
                ticks += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
            elif int(fields[1]) == postmaster:
                ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _create_database(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = str(parsed.query["host"])
    with psycopg.connect(host=host, user=parsed.username, dbname="postgres",
                         autocommit=True) as conn:  # fmt: skip
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}"')
        conn.execute(f'CREATE DATABASE "{parsed.database}"')


def main(argv: list[str] | None = None) -> list[dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--batch",
        type=int,
        default=256,
        help="documents per transaction (add_many); 1: add per document",
    )
    parser.add_argument("--db", help="a database URL template with {n}; default a temp SQLite")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="start a throwaway PostgreSQL server (fsync off, as the tests do)",
    )
    parser.add_argument("--pg-fsync", action="store_true", help="--postgres with fsync on")
    args = parser.parse_args(argv)
    rows = []
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="warwire-bench-"))
        template, server_cpu = args.db, lambda: 0.0
        if args.postgres or args.pg_fsync:
            template, server_cpu = stack.enter_context(postgres_server(fsync=args.pg_fsync))
        for n in args.sizes:
            url = template.format(n=n) if template else f"sqlite:///{Path(tmp) / f'bench{n}.db'}"
            if args.postgres or args.pg_fsync:
                _create_database(url)
            row = run(n, url, args.batch, server_cpu)
            rows.append(row)
            print(f"{n:>7} docs  {row['seconds']:8.1f} s  {row['docs_per_s']:7.0f} docs/s  "
                  f"(CPU {row['cpu']:.1f} s: {n / row['cpu']:.0f} docs/s; "
                  f"server {row['server_cpu']:.1f} s)  "
                  f"{row['events']:>7} events  reposts found {row['reposts_found']}/"
                  f"{row['reposts']}")  # fmt: skip
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"time ratio {b['n']:.0f}/{a['n']:.0f}: {b['seconds'] / a['seconds']:.1f}, "
              f"CPU {b['cpu'] / a['cpu']:.1f} (size ratio {b['n'] / a['n']:.1f}; equal means "
              "linear)")  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
