"""Load benchmark for GET /api/events: N concurrent clients on loopback.

    .venv/bin/python bench/bench_api.py                 # 10k synthetic events, fake store
    .venv/bin/python bench/bench_api.py --db sqlite:///warwire.db   # an existing database
    .venv/bin/python bench/bench_api.py --build 10000 --db sqlite:////tmp/api10k.db
        # first fill that SQLite file with 10k events (bench_ingest's generator), then serve it

The server runs in a subprocess (uvicorn, one worker) so client and server
do not share an interpreter. Two phases: "repeat" (the dashboard's typical
queries, answered from the per-version response cache after the first hit)
and "distinct" (every request a different page, so every one reaches the
store). Prints p50/p99 latency and requests per second for each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from warwire.store.base import EventQuery

ROOT = Path(__file__).resolve().parents[1]
REPEAT_QUERIES = (  # the fake store's synthetic data (2023, a dozen places)
    "limit=100",
    "limit=100&type=Battles",
    "limit=100&since=2023-03-01&until=2023-04-30",
    "limit=100&actor=Northern%20Alliance",
    "limit=50&near=10,20,500",
)
DB_QUERIES = (  # bench_ingest's corpus (2020-2021, Libya/Syria/Ukraine, "Armed Group N")
    "limit=100",
    "limit=100&type=Battles",
    "limit=100&since=2020-03-01&until=2020-04-30",
    "limit=100&country=Syria&type=Air/drone%20strike",
    "limit=100&actor=Armed%20Group%207",
    "limit=50&near=30,25,300",
    "limit=100&text=mortar",
    "limit=100&claimant=Outlet%2042",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(url: str, events: int) -> None:
    """Fill a SQLite database through ``Store.add`` until it holds ``events`` events."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_ingest import corpus

    from warwire.store import open_store

    store = open_store(url)
    try:
        t0 = time.perf_counter()
        for n, (analysis, _repost) in enumerate(corpus(events * 2), 1):
            store.add(analysis)
            if n % 200 == 0 and store.count_events(EventQuery()) >= events:
                break
        took = time.perf_counter() - t0
        print(f"built {url}: {store.stats()} in {took:.0f} s", flush=True)
    finally:
        store.close()


def varied(queries: tuple[str, ...], n: int) -> list[str]:
    """``n`` requests cycling through ``queries`` with the page offset varied too."""
    return [f"/api/events?{queries[i % len(queries)]}&offset={(i // len(queries)) % 5 * 10}"
            for i in range(n)]  # fmt: skip


def start_server(args: argparse.Namespace, port: int) -> subprocess.Popen[bytes]:
    if args.db:
        warwire = Path(sys.executable).with_name("warwire")
        cmd = [str(warwire), "serve", "--db", args.db, "--port", str(port)]
    else:
        script = ROOT / "tests" / "e2e" / "serve_fake.py"
        cmd = [sys.executable, str(script), "--port", str(port), "--events", str(args.events)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}") from None
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive HTTP/1.1 GET; returns the status. Lean: the client must not be the limit."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def run_phase(
    port: int, paths: list[str], clients: int, think: float
) -> tuple[list[float], float, int]:
    """``clients`` connections share the ``paths`` queue, each pausing ``think`` s between
    requests (0: closed loop, as fast as possible). Returns latencies, wall time, errors."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    errors = 0

    async def worker(i: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        if think:
            await asyncio.sleep(think * i / clients)  # spread the first requests out
        try:
            while True:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                status = await fetch(reader, writer, path)
                latencies.append(time.perf_counter() - t0)
                errors += status != 200
                if think:
                    await asyncio.sleep(think)
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies, time.perf_counter() - t0, errors


def report(name: str, latencies: list[float], wall: float, errors: int) -> None:
    q = statistics.quantiles(latencies, n=100)
    print(
        f"{name:9s} requests={len(latencies):6d} errors={errors} "
        f"p50={q[49] * 1000:7.1f} ms  p99={q[98] * 1000:7.1f} ms  "
        f"req/s={len(latencies) / wall:8.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events (fake store)")
    parser.add_argument("--db", help="benchmark `warwire serve --db URL` instead")
    parser.add_argument("--build", type=int, help="first fill --db (SQLite) with N events")
    parser.add_argument("--fields", help="also time a phase with this fields= projection")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=5000, help="in the repeat phase")
    parser.add_argument("--distinct", type=int, default=1000, help="in the distinct phase")
    parser.add_argument(
        "--think", type=float, default=0.0, help="seconds each client waits between requests"
    )
    args = parser.parse_args()
    if args.build:
        if not args.db:
            raise SystemExit("--build needs --db")
        build_db(args.db, args.build)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(args, port)
    try:
        with urllib.request.urlopen(f"{base}/api/stats") as r:
            print(f"server: {r.read().decode()}  clients={args.clients} think={args.think}s")
        repeat = varied(DB_QUERIES if args.db else REPEAT_QUERIES, args.requests)
        distinct = [f"/api/events?limit=100&offset={i}" for i in range(args.distinct)]
        asyncio.run(run_phase(port, repeat[: args.clients], args.clients, 0))  # warm up
        report("repeat", *asyncio.run(run_phase(port, repeat, args.clients, args.think)))
        report("distinct", *asyncio.run(run_phase(port, distinct, args.clients, args.think)))
        if args.fields:
            lean = [f"{p}&fields={args.fields}" for p in distinct]
            report("lean", *asyncio.run(run_phase(port, lean, args.clients, args.think)))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
