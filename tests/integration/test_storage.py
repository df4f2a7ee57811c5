"""The storage suite, run against SQLite and a real PostgreSQL."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date
from typing import Any

from store_builders import (
    GNA,
    LNA,
    SIRTE,
    TARHUNAH,
    analysis,
    claim,
    clash,
    make_doc,
    tarhuna_gna,
    tarhuna_partisan,
    tarhuna_repost,
    unrelated,
)

from warwire.store import ClaimQuery, EventQuery, export_events
from warwire.types import Hedge, Polarity


def _all(store: Any) -> list[dict[str, Any]]:
    return store.events(EventQuery())


def test_reference_scenario_merges_groups_and_is_idempotent(store_factory: Any) -> None:
    store = store_factory()
    results = [store.add(a) for a in (tarhuna_partisan(), tarhuna_repost(), tarhuna_gna())]
    assert [r.status for r in results] == ["added", "added", "added"]
    original = results[0].doc_id
    assert results[1].syndicated_from == original
    assert results[2].syndicated_from is None
    events = _all(store)
    assert len(events) == 1
    event = events[0]
    assert len(event["doc_ids"]) == 3
    claimants = {c["claimant"] for c in event["claims"]}
    assert claimants == {"South Front", "Government of National Accord (GNA)"}
    figures = {c.get("fatalities") for c in event["claims"]}
    assert {14, 5} <= figures
    assert event["fatalities"] == 5  # ACLED: the most conservative reported figure
    assert event["corroboration"] == 2  # the repost is not an independent source
    version = store.version()
    snapshot = json.dumps(_all(store), sort_keys=True)
    again = [store.add(a) for a in (tarhuna_partisan(), tarhuna_repost(), tarhuna_gna())]
    assert {r.status for r in again} == {"unchanged"}
    assert store.version() == version
    assert json.dumps(_all(store), sort_keys=True) == snapshot
    docs = {d["doc_id"]: d for d in store.documents()}
    assert docs[results[1].doc_id]["syndicated_from"] == original


def test_stable_id_when_second_report_merges(store_factory: Any) -> None:
    store = store_factory()
    store.add(tarhuna_partisan())
    first_id = _all(store)[0]["event_id"]
    store.add(tarhuna_gna())
    assert [e["event_id"] for e in _all(store)] == [first_id]


def test_far_apart_and_other_day_not_merged(store_factory: Any) -> None:
    store = store_factory()
    store.add(tarhuna_partisan())
    doc = make_doc("Fighting between the two armies was reported in Sirte on May 24 today.")
    store.add(analysis(doc, clash(doc, "Fighting between the two armies", "X", place=SIRTE)))
    doc2 = make_doc("Fighting resumed north of Tarhuna on May 28 after a four day lull there.")
    store.add(analysis(doc2, clash(doc2, "Fighting resumed", "Y", day=date(2020, 5, 28))))
    assert len(_all(store)) == 3


def test_denial_kept_beside_assertion(store_factory: Any) -> None:
    store = store_factory()
    store.add(tarhuna_partisan())
    doc = make_doc("The GNA denied that any clash took place near Tarhuna on May 24 at all.")
    denial = clash(doc, "denied that any clash took place", "Government of National Accord (GNA)",
                   actors=(GNA, LNA), polarity=Polarity.DENIED)  # fmt: skip
    store.add(analysis(doc, denial))
    (event,) = _all(store)
    assert {c["polarity"] for c in event["claims"]} == {"asserted", "denied"}
    assert event["fatalities"] == 14


def test_revision_updates_events_under_stable_ids(store_factory: Any) -> None:
    store = store_factory()
    url = "https://example.org/live/tarhuna"
    doc = make_doc("Clashes north of Tarhuna on May 24 killed 3 fighters, officials said.",
                   "Reuters", url)  # fmt: skip
    store.add(analysis(doc, clash(doc, "Clashes north of Tarhuna", "Reuters", fatalities=3)))
    (before,) = _all(store)
    v1 = store.version()
    doc2 = make_doc("Clashes north of Tarhuna on May 24 killed 7 fighters, officials said later.",
                    "Reuters", url)  # fmt: skip
    result = store.add(analysis(doc2, clash(doc2, "Clashes north of Tarhuna", "Reuters",
                                            fatalities=7)))  # fmt: skip
    assert result.status == "revised"
    (after,) = _all(store)
    assert after["event_id"] == before["event_id"]
    assert after["fatalities"] == 7
    assert after["doc_ids"] == [doc2.doc_id]
    assert store.version() > v1
    changed = list(store.changed_since(v1))
    assert [r["event_id"] for r in changed] == [before["event_id"]]
    stats = store.stats()
    assert stats["revisions"] == 1 and stats["documents"] == 1


def test_changed_since_lists_tombstones(store_factory: Any) -> None:
    store = store_factory()
    a = make_doc("Clashes near Tarhuna on May 24 between the LNA and unknown gunmen, aa.")
    b = make_doc("Clashes near Tarhuna on May 24 between the GNA and unknown gunmen, bb.")
    store.add(analysis(a, clash(a, "Clashes near Tarhuna", "A", actors=(LNA, None))))
    store.add(analysis(b, clash(b, "Clashes near Tarhuna", "B", actors=(GNA, None))))
    assert len(_all(store)) == 2
    v = store.version()
    c = make_doc("Clashes near Tarhuna on May 24 between the LNA and the GNA, said cc.")
    store.add(analysis(c, clash(c, "Clashes near Tarhuna", "C", actors=(LNA, GNA))))
    (merged,) = _all(store)  # the third report bridges the two: one event, one tombstone
    assert len(merged["doc_ids"]) == 3
    changed = list(store.changed_since(v))
    assert [r["kind"] for r in changed] == ["event", "tombstone"]
    assert changed[1]["merged_into"] == merged["event_id"] == changed[0]["event_id"]
    assert changed[1]["change"] == "merged"
    assert list(store.changed_since(store.version())) == []


def test_queries(store_factory: Any) -> None:
    store = store_factory()
    for a in (tarhuna_partisan(), tarhuna_gna(), *(unrelated(n) for n in range(3))):
        store.add(a)
    assert store.count_events(EventQuery()) == 4
    assert len(store.events(EventQuery(country="libya"))) == 4
    assert len(store.events(EventQuery(event_type="Battles"))) == 1
    assert len(store.events(EventQuery(event_type="attack"))) == 3
    assert len(store.events(EventQuery(near=(32.43, 13.63, 15)))) == 1
    assert len(store.events(EventQuery(near=(31.2, 16.6, 5)))) == 3
    assert store.count_events(EventQuery(near=(0.0, 0.0, 50))) == 0
    assert len(store.events(EventQuery(text="farmland"))) == 1
    assert len(store.events(EventQuery(text="farml"))) == 1  # words match by prefix
    assert len(store.events(EventQuery(text='checkpoint" OR "x'))) == 0
    assert len(store.events(EventQuery(text="gunmen checkpoint"))) == 3
    assert len(store.events(EventQuery(claimant="accord"))) == 1
    assert len(store.events(EventQuery(hedge="claimed"))) == 1
    assert len(store.events(EventQuery(actor="Unidentified Armed Group (1)"))) == 1
    assert len(store.events(EventQuery(since=date(2021, 1, 1)))) == 3
    assert len(store.events(EventQuery(until=date(2021, 1, 1)))) == 1
    assert len(store.events(EventQuery(limit=2))) == 2
    assert len(store.events(EventQuery(actor="100%_"))) == 0
    intents = store.claims(ClaimQuery(claimant="officials"))
    assert len(intents) == 3 and intents[0]["event_id"] is None
    assert store.claims(ClaimQuery(hedge="claimed", limit=10))
    doc = store.document(tarhuna_gna().document.doc_id)
    assert doc is not None and doc["text"].startswith("Forces loyal")
    assert any(a["name"] == "Libyan National Army (LNA)" for a in store.actors())
    assert store.event(_all(store)[0]["event_id"]) is not None
    assert store.event("nope") is None


def test_unrelated_documents_not_grouped(store_factory: Any) -> None:
    store = store_factory()
    results = [store.add(unrelated(n)) for n in range(5)]
    assert all(r.syndicated_from is None for r in results)
    assert store.stats()["syndication_groups"] == 5


def test_earlier_repost_becomes_group_root(store_factory: Any) -> None:
    store = store_factory()
    late = tarhuna_repost()
    store.add(late)
    original = tarhuna_partisan()  # published a day before the repost, stored after it
    result = store.add(original)
    assert result.syndicated_from is None
    docs = {d["doc_id"]: d for d in store.documents()}
    assert docs[late.document.doc_id]["syndicated_from"] == original.document.doc_id


def test_export_formats(store_factory: Any, tmp_path: Any) -> None:
    import csv

    import pyarrow.parquet as pq

    from warwire.taxonomy import ACLED_COLUMNS

    store = store_factory()
    for a in (tarhuna_partisan(), tarhuna_repost(), tarhuna_gna(), unrelated(1)):
        store.add(a)
    with open(tmp_path / "out.csv", "w", encoding="utf-8", newline="") as fh:
        assert export_events(store, "acled-csv", fh) == 2
    with open(tmp_path / "out.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys())[:31] == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert "South Front" in rows[0]["source"]
    # ACLED's timestamp: when the row last changed, unix seconds; region from the country
    assert all(abs(int(r["timestamp"]) - time.time()) < 600 for r in rows)
    assert {r["region"] for r in rows} == {"Northern Africa"}
    with open(tmp_path / "out.parquet", "wb") as fb:
        export_events(store, "parquet", fb)
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 2
    assert table.column_names[:31] == list(ACLED_COLUMNS)
    types = {f.name: str(f.type) for f in table.schema}
    assert types["event_date"] == "date32[day]" and types["year"] == "int64"
    assert types["fatalities"] == "int64"
    assert types["claims"].startswith("list<element: struct<claimant")
    assert all(table.column("claims").to_pylist()) and table.column("year").to_pylist()[0] > 2000
    with open(tmp_path / "out.geojson", "w", encoding="utf-8") as fh:
        export_events(store, "geojson", fh)
    features = json.loads((tmp_path / "out.geojson").read_text())["features"]
    assert len(features) == 2
    with open(tmp_path / "out.jsonl", "w", encoding="utf-8") as fh:
        export_events(store, "jsonl", fh)
    kinds = [json.loads(line)["kind"] for line in (tmp_path / "out.jsonl").open()]
    assert kinds.count("document") == 4 and kinds.count("event") == 2
    assert kinds.count("claim") >= 1 and kinds.count("relation") == 1  # standalone ones too


def test_standalone_claim_and_event_claim_both_stored(store_factory: Any) -> None:
    store = store_factory()
    part = tarhuna_partisan()
    store.add(part)
    found = store.claims(ClaimQuery(doc_id=part.document.doc_id))
    assert {c["event_id"] is None for c in found} == {True, False}
    lna = [c for c in found if c["claimant"] == "LNA"]
    assert lna[0]["hedge"] == "claimed"
    assert lna[0]["evidence"]["text"].startswith("The army claimed")


def test_reopen_keeps_data_and_schema(store_factory: Any) -> None:
    store = store_factory()
    store.add(tarhuna_partisan())
    store.close()
    reopened = store_factory()
    assert reopened.version() == 1
    assert reopened.has_document(tarhuna_partisan().document.doc_id)


def test_claims_in_doc_placeholder_hedge(store_factory: Any) -> None:
    store = store_factory()
    doc = make_doc("The ministry reportedly said a convoy was hit near Tarhuna on May 24 there.")
    ev = clash(doc, "a convoy was hit", "ministry", hedge=Hedge.REPORTEDLY, place=TARHUNAH)
    store.add(analysis(doc, replace(ev, claims=(*ev.claims, claim(doc, "The ministry", "m")))))
    assert len(store.events(EventQuery(hedge="reportedly"))) == 1


def _bench_corpus(n: int) -> list[Any]:
    """The ingest benchmark's generated analyses: reposts, second reports, merges."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "bench_ingest.py"
    spec = importlib.util.spec_from_file_location("bench_ingest_corpus", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        return [a for a, _ in module.corpus(n, seed=3)]
    finally:
        del sys.modules[spec.name]


def _second_url(url: str) -> str:
    """Another empty database of the same kind as ``url``."""
    if url.startswith("sqlite"):
        return url.replace("store.db", "per-row.db")
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = parsed.query["host"]
    name = f"{parsed.database}_rows"
    with psycopg.connect(host=host, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return parsed.set(database=name).render_as_string(hide_password=False)


def _dump(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    from sqlalchemy import text

    from warwire.store.schema import VERSION_TIME_KEY, metadata

    out = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(table.select().order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
        if conn.dialect.name == "sqlite":
            fts = text("SELECT rowid, event_id, body FROM events_fts ORDER BY rowid")
            out["events_fts"] = [tuple(r) for r in conn.execute(fts)]
    out["schema_version"] = [r[:1] for r in out["schema_version"]]  # drop applied_at
    out["meta"] = [(k, v if not k.startswith(VERSION_TIME_KEY) else 0) for k, v in out["meta"]]
    return out


def test_bulk_and_per_row_paths_write_identical_databases(db_url: str) -> None:
    from warwire.store import open_store

    late_original = [tarhuna_repost(), tarhuna_gna(), tarhuna_partisan()]
    first = unrelated(1)
    text = first.document.text + " Two guards were hurt."
    revised_doc = make_doc(text, "Reuters", first.document.source.url, date(2021, 3, 2))
    revised = analysis(revised_doc, clash(
        revised_doc, "gunmen attacked a checkpoint", "Reuters", day=date(2021, 3, 1),
        place=SIRTE, actors=first.events[0].actor1 and (first.events[0].actor1, None),
        event_type="Violence against civilians", sub_event_type="Attack", key="u1"))  # fmt: skip
    items = [*late_original, first, unrelated(2), revised, tarhuna_gna(), *_bench_corpus(300)]
    per_row, bulk = open_store(_second_url(db_url)), open_store(db_url)
    try:
        one_by_one = [per_row.add(a) for a in items]
        batched = [r for i in range(0, len(items), 64) for r in bulk.add_many(items[i : i + 64])]
        assert batched == one_by_one
        assert {r.status for r in batched} >= {"added", "revised", "unchanged"}
        assert any(r.syndicated_from for r in batched) and any(r.events_merged for r in batched)
        assert _dump(bulk) == _dump(per_row)
    finally:
        per_row.close()
        bulk.close()
