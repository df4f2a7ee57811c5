"""/api/events with ``fields=`` on a real store: the cheap summary path, same answers.

The store's summaries must give exactly what projecting full records gives,
for JSON and GeoJSON, and a store without summaries still works.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.api.views import events_page, project
from warwire.config import Settings
from warwire.store import EventQuery, open_store
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

TOWNS = (
    Place("Kharkiv", 49.99, 36.23, "Ukraine", "UA", "Kharkiv", geo_precision=1),
    Place("Idlib", 35.93, 36.63, "Syria", "SY", "Idlib", geo_precision=1),
    None,
)
DASHBOARD = "event_date,event_type,actor1,location,country,latitude,longitude,claim_count,claimants"


def _report(n: int) -> Analysis:
    """An air strike reported by one outlet, with one attributed claim."""
    # numbers enough that the bulletins are not near-duplicates (reposts) of each other
    head = f"Bulletin {n} from desk {n * 7}, file {n * 13}, page {n * 17}, line {n * 19}."
    text = f"{head} An air strike hit a depot near the river, officials said on Monday."
    outlet = ("Reuters", "Al Jazeera", "Kyiv Post")[n % 3]
    day = date(2022, 3, 1 + n % 20)
    doc = Document(doc_id=f"doc{n}", input_id=f"mem:{n}", text=text, published=day,
                   source=Source(publisher=outlet))  # fmt: skip
    start = text.index("An air strike")
    span = Span(doc.doc_id, start, start + len("An air strike hit a depot"))
    claimant = ("officials", "the army")[n % 2]
    event = Event(
        event_id=f"s{n}", doc_ids=(doc.doc_id,), event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", disorder_type="Political violence",
        actor1=Actor(f"Air Force {n % 4}", inter=1), actor2=None, place=TOWNS[n % 3],
        location_text=None if TOWNS[n % 3] else "the river", when=When(doc.published),
        fatalities=n % 4, claims=(Claim(claimant, Hedge.NONE, Polarity.ASSERTED, span),),
    )  # fmt: skip
    return Analysis(document=doc, events=(event,))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    with open_store(f"sqlite:///{tmp_path / 'api.db'}") as opened:
        for n in range(24):
            opened.add(_report(n))
        yield opened


@pytest.fixture
def client(store: Any) -> TestClient:
    return TestClient(create_app(Settings(), store))


@pytest.mark.parametrize("fields", [DASHBOARD, "country,fatalities,event_date", "claims,notes"])
@pytest.mark.parametrize("extra", ["limit=10", "limit=5&offset=7", "country=Syria&limit=50"])
def test_fields_equal_projected_full_page(client: TestClient, fields: str, extra: str) -> None:
    full = client.get(f"/api/events?{extra}").json()
    lean = client.get(f"/api/events?{extra}&fields={fields}").json()
    names = tuple(fields.split(","))
    assert lean["total"] == full["total"] and lean["items"]
    assert lean["items"] == [project(e, names) for e in full["items"]]


def test_geojson_fields(client: TestClient) -> None:
    full = client.get("/api/events?limit=30&format=geojson").json()
    lean = client.get("/api/events?limit=30&format=geojson&fields=event_type").json()
    assert len(lean["features"]) == len(full["features"]) == 16  # a third are unplaced
    for a, b in zip(full["features"], lean["features"], strict=True):
        assert a["geometry"] == b["geometry"]
        assert b["properties"]["event_type"] == a["properties"]["event_type"]


def test_store_without_summaries_still_serves_fields(store: Any) -> None:
    class Plain:
        """Only the Store protocol's reads (no ``event_summaries``)."""

        def events(self, query: EventQuery) -> list[dict[str, Any]]:
            return list(store.events(query))

        def count_events(self, query: EventQuery) -> int:
            return int(store.count_events(query))

    names = ("claimants", "location")
    plain = events_page(Plain(), EventQuery(limit=8), "json", names)  # type: ignore[arg-type]
    fast = events_page(store, EventQuery(limit=8), "json", names)
    assert plain == fast and plain["items"][0]["claimants"]


def test_page_builds_run_one_at_a_time() -> None:
    import threading
    import time

    from warwire.api.routes import one_at_a_time

    running: list[int] = []
    overlaps: list[int] = []

    def build() -> dict[str, Any]:
        running.append(1)
        overlaps.append(len(running))
        time.sleep(0.01)
        running.pop()
        return {"ok": True}

    threads = [threading.Thread(target=one_at_a_time(build)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == [1] * 6
