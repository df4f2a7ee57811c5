"""Store.timeline: per-day, per-type counts over every matching event, not one page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from store_builders import SIRTE, TARHUNAH, tarhuna_gna, unrelated

from warwire.store.base import EventQuery
from warwire.store.sql import SqlStore

DAYS = (date(2021, 3, 1), date(2021, 3, 1), date(2021, 3, 2), date(2021, 3, 5))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    with SqlStore(f"sqlite:///{tmp_path_factory.mktemp('tl') / 't.db'}") as s:
        s.add(tarhuna_gna())
        for n, day in enumerate(DAYS):
            s.add(unrelated(100 + n, day=day, place=TARHUNAH if n == 3 else SIRTE))
        yield s


def _expected(store: SqlStore, q: EventQuery) -> Counter[tuple[str, str]]:
    return Counter((e["event_date"], e["event_type"]) for e in store.events(q) if e["event_date"])


def test_counts_per_day_and_type(store: SqlStore) -> None:
    rows = store.timeline(EventQuery())
    assert rows == sorted(rows, key=lambda r: (r["day"], r["event_type"]))
    got = {(r["day"], r["event_type"]): r["events"] for r in rows}
    assert got == {
        ("2020-05-24", "Battles"): 1,
        ("2021-03-01", "Violence against civilians"): 2,
        ("2021-03-02", "Violence against civilians"): 1,
        ("2021-03-05", "Violence against civilians"): 1,
    }


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(limit=1),  # pagination never narrows the timeline
        EventQuery(since=date(2021, 3, 2)),
        EventQuery(event_type="Battles"),
        EventQuery(near=(32.43, 13.63, 20), limit=1, offset=1),
        EventQuery(country="nowhere"),
    ],
)
def test_matches_the_event_filters(store: SqlStore, query: EventQuery) -> None:
    unpaged = replace(query, limit=None, offset=0)
    got = Counter({(r["day"], r["event_type"]): r["events"] for r in store.timeline(query)})
    assert got == _expected(store, unpaged)
    assert sum(got.values()) == store.count_events(unpaged)
