"""The fast read paths give the same records as the full one, with few queries.

A page's registry lookups are one query however many publishers it has; list
summaries (``fields=``) equal the projection of full records; decoded rows
are cached per row version, so a write is seen at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text
from store_builders import (
    SIRTE,
    TARHUNAH,
    Actor,
    Place,
    analysis,
    clash,
    make_doc,
    tarhuna_gna,
    tarhuna_partisan,
    tarhuna_repost,
    unrelated,
)

from warwire.api.views import project
from warwire.resolve.sources import load_registry
from warwire.store import EventQuery, open_store
from warwire.store.records import RowCache
from warwire.store.sql import SqlStore

LIST_FIELDS = "event_date,event_type,sub_event_type,actor1,actor2,location,country,latitude"
DASHBOARD = (*LIST_FIELDS.split(","), "longitude", "fatalities", "claim_count", "claimants")
COLUMNS = ("event_date", "event_type", "country", "admin1", "latitude", "longitude", "fatalities")
WITH_DOCS = ("claims", "sources", "corroboration", "evidence", "notes")
MISRATA = Place("Misrata", 32.38, 15.09, "Libya", "LY", "Misrata", 2214846, geo_precision=1)


def _wire_story(n: int, publisher: str) -> Any:
    """A short report of a shelling, each from its own outlet and day (numbered
    enough not to be near-duplicates, which the store would group as reposts)."""
    day = date(2020, 1, 1) + timedelta(days=n % 40)
    head = f"Report {n} from desk {n * 7}, file {n * 13}, page {n * 17}, line {n * 19}"
    body = f"{head}: shelling hit the outskirts of the town overnight, a spokesman said."
    doc = make_doc(body, publisher, f"https://example.org/{n}", day)
    event = clash(doc, "shelling hit the outskirts", "a spokesman", day=day, key=f"w{n}",
                  place=(SIRTE, TARHUNAH, MISRATA, None)[n % 4],
                  actors=(Actor(f"Militia {n % 5}", inter=3), None), fatalities=n % 3)  # fmt: skip
    return analysis(doc, event)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'perf.db'}")
    assert isinstance(opened, SqlStore)
    publishers = [*(e.name for e in load_registry().entries[:12]), "Nobody's Gazette", None]
    for n in range(36):
        opened.add(_wire_story(n, publishers[n % len(publishers)]))  # type: ignore[arg-type]
    for item in (tarhuna_partisan(), tarhuna_repost(), tarhuna_gna(), unrelated(1)):
        opened.add(item)
    yield opened
    opened.close()


QUERIES = (
    EventQuery(),
    EventQuery(limit=7, offset=5),
    EventQuery(limit=10, offset=30),
    EventQuery(country="libya", limit=5),
    EventQuery(near=(32.4, 13.6, 40), limit=3, offset=1),
    EventQuery(event_type="Battles", since=date(2020, 1, 10), until=date(2020, 5, 30)),
)


@pytest.mark.parametrize("fields", [DASHBOARD, COLUMNS, WITH_DOCS, ("event_id",), ("nope",)])
def test_summaries_equal_projected_full_records(store: SqlStore, fields: tuple[str, ...]) -> None:
    for query in QUERIES:
        full = [project(e, fields) for e in store.events(query)]
        for _ in range(2):  # cold, then from the row caches
            assert [project(e, fields) for e in store.event_summaries(query, fields)] == full


def test_column_summaries_read_no_json(store: SqlStore) -> None:
    seen = _statements(store, lambda: store.event_summaries(EventQuery(limit=20), COLUMNS))
    assert seen and not any("data" in s.split("FROM")[0] for s in seen)
    rows = store.event_summaries(EventQuery(limit=20), ("event_date",))
    assert all(isinstance(r["event_date"], str | None) for r in rows)


def _statements(store: SqlStore, action: Any) -> list[str]:
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    sa_event.listen(store.engine, "before_cursor_execute", listen)
    try:
        action()
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", listen)
    return seen


def test_registry_is_one_query_per_page(store: SqlStore) -> None:
    records = store.events(EventQuery())
    registered = {s["registry"]["name"] for r in records for s in r["sources"] if s.get("registry")}
    assert len(registered) >= 10  # many publishers on the page ...
    seen = _statements(store, lambda: store.events(EventQuery()))
    assert sum("FROM sources" in s for s in seen) == 1  # ... one registry query
    assert len(seen) <= 6


def test_registry_entries_match_single_lookups(store: SqlStore) -> None:
    from warwire.store import doc_queries

    with store.engine.connect() as conn:
        publishers = [p for (p,) in conn.execute(text("SELECT publisher FROM documents"))]
        batch = doc_queries.source_records(conn, publishers)
        for publisher in set(publishers):
            one = doc_queries.source_record(conn, publisher)
            assert (batch.get(publisher) if publisher else None) == one


def test_write_is_seen_through_the_caches(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        assert isinstance(store, SqlStore)
        store.add(tarhuna_partisan())
        before = store.event_summaries(EventQuery(), DASHBOARD)
        assert len(store.shaped) == 1
        store.add(tarhuna_gna())  # merges into the same event: claims and actors change
        after = store.event_summaries(EventQuery(), DASHBOARD)
        full = store.events(EventQuery())
        assert [project(e, DASHBOARD) for e in after] == [project(e, DASHBOARD) for e in full]
        assert [project(e, ("claim_count",)) for e in before] != [
            project(e, ("claim_count",)) for e in after
        ]


def test_row_cache_hits_versions_and_bound() -> None:
    cache: RowCache[list[int]] = RowCache(size=4)
    calls: list[int] = []

    def make(n: int) -> list[int]:
        calls.append(n)
        return [n]

    first = cache.get(1, 1, lambda: make(1))
    assert cache.get(1, 1, lambda: make(99)) is first
    assert cache.get(1, 2, lambda: make(2)) == [2]  # a new row version is a miss
    for seq in range(10):
        cache.get(seq + 10, 1, lambda s=seq: make(s))  # type: ignore[misc]
    assert len(cache) <= 4
    assert calls[:2] == [1, 2]


def test_page_order_index(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert "ix_events_page" in names
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT seq FROM events "
                "ORDER BY event_date IS NULL, event_date, seq LIMIT 5"
            )
        ).all()
        assert "ix_events_page" in str(plan) and "TEMP B-TREE" not in str(plan)
