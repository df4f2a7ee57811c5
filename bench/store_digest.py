"""What a store holds after ingest, as one digest per table: a check that a store
change kept the results (events, merges, reports, claims, syndication) identical.

Builds stores from the bench generator's corpus (merges, reposts, and planted
revisions of earlier pages), written both one document a transaction and in
batches, and optionally from ``examples/`` through the full pipeline (spaCy),
then prints each table's row count and SHA-256 over its rows in a fixed order
(ingest wall-clock times left out). Run it on two commits and compare:

    .venv/bin/python bench/store_digest.py --examples > /tmp/before.json
    .venv/bin/python bench/store_digest.py --examples > /tmp/after.json
    diff /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import _create_database, corpus, postgres_server

from warwire.store import open_store, store_all
from warwire.types import Analysis

ROOT = Path(__file__).resolve().parent.parent
TABLES = {  # table -> columns in a fixed order (no times)
    "documents": "seq, doc_id, url, publisher, published, syndicated_from, syndication_group, "
    "superseded_by, version",
    "events": "seq, event_id, event_type, sub_event_type, country, admin1, event_date, "
    "date_start, date_end, latitude, longitude, actors, fatalities, data, search_text, "
    "version, wide",
    "event_reports": "seq, event_id, doc_id, data, search_text",
    "claims": "seq, claim_id, doc_id, event_id, claimant, hedge, polarity, standalone, data",
    "relations": 'seq, doc_id, subject, predicate, object, start, "end"',
    "changes": "seq, version, event_id, change, merged_into",
    "bands": "band_key, doc_id",
    "fingerprints": "doc_id, signature, size",
    "sources": "key, name, categories, side, reason, reference",
    "meta": "key, value",
}
ORDER = {"bands": "band_key, doc_id", "fingerprints": "doc_id", "sources": "key", "meta": "key"}


def with_revisions(n: int, seed: int = 2) -> Iterator[Analysis]:
    """The bench corpus with about 3% planted revisions: an earlier page's URL, its
    text edited, its events kept (so the old reports are folded out and back in)."""
    rng = random.Random(seed)
    earlier: list[Analysis] = []
    for analysis, _ in corpus(n):
        yield analysis
        earlier = [*earlier[-99:], analysis]
        if rng.random() < 0.03:
            base = rng.choice(earlier)
            doc = base.document
            text_ = doc.text.replace(".", " revised.", 1) + " Updated."
            new = replace(doc, doc_id=hashlib.sha256(text_.encode()).hexdigest()[:32],
                          text=text_, input_id=doc.input_id + "r")  # fmt: skip
            events = tuple(replace(e, doc_ids=(new.doc_id,),
                                   claims=tuple(replace(c, evidence=replace(
                                       c.evidence, doc_id=new.doc_id)) for c in e.claims))
                           for e in base.events)  # fmt: skip
            yield Analysis(new, events=events)


def digest(url: str) -> dict[str, list[object]]:
    store = open_store(url)
    out: dict[str, list[object]] = {}
    with store.engine.connect() as conn:
        for table, columns in TABLES.items():
            order = ORDER.get(table, "seq")
            where = " WHERE key NOT LIKE 'version_at:%'" if table == "meta" else ""
            rows = conn.execute(text(f"SELECT {columns} FROM {table}{where} ORDER BY {order}"))
            h, count = hashlib.sha256(), 0
            for row in rows:
                h.update(repr(tuple(_plain(v) for v in row)).encode())
                count += 1
            out[table] = [count, h.hexdigest()[:16]]
        if store.engine.dialect.name == "sqlite":
            rows = conn.execute(text("SELECT rowid, event_id, body FROM events_fts ORDER BY rowid"))
            h = hashlib.sha256(repr([tuple(r) for r in rows]).encode())
            out["events_fts"] = [None, h.hexdigest()[:16]]
    store.close()
    return out


def _plain(value: object) -> object:
    """The same value from either driver (dates as ISO text, booleans as 0/1)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def build_synthetic(url: str, n: int, batch: int) -> None:
    store = open_store(url)
    items = with_revisions(n)
    while chunk := list(islice(items, batch)):
        list(store_all(chunk, store, batch=batch))
    store.close()


def build_examples(url: str) -> None:
    from warwire.config import Settings
    from warwire.pipeline import ingest

    inputs = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.is_file())
    store = open_store(url)
    settings = Settings(db=url)
    list(ingest(inputs, settings, store))
    store.close()


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=3000, help="synthetic documents")
    parser.add_argument("--examples", action="store_true", help="also examples/ (spaCy)")
    parser.add_argument("--db", help="a database URL template with {name}; default temp SQLite")
    parser.add_argument("--postgres", action="store_true", help="on a throwaway PostgreSQL")
    args = parser.parse_args(argv)
    result: dict[str, object] = {}
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="warwire-digest-"))
        template = args.db
        if args.postgres:
            template = stack.enter_context(postgres_server(fsync=False))[0].replace("{n}", "{name}")

        created: set[str] = set()

        def url(name: str) -> str:
            if not template:
                return f"sqlite:///{tmp}/{name}.db"
            if args.postgres and name not in created:
                _create_database(template.format(name=name))
                created.add(name)
            return str(template.format(name=name))

        for batch in (1, 256):
            name = f"synthetic{args.size}_batch{batch}"
            build_synthetic(url(name), args.size, batch)
            result[name] = digest(url(name))
        if args.examples:
            build_examples(url("examples"))
            result["examples"] = digest(url("examples"))
    print(json.dumps(result, indent=1, sort_keys=True))
    return result


if __name__ == "__main__":
    main()
