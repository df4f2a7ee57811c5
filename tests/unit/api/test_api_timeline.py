"""GET /api/timeline: per-day counts by type over every match, with the events filters."""

from __future__ import annotations

from collections import Counter
from types import ModuleType

from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.config import Settings


def days(client: TestClient, query: str = "") -> dict[tuple[str, str], int]:
    r = client.get(f"/api/timeline?{query}")
    assert r.status_code == 200, r.text
    return {(d["day"], d["event_type"]): d["events"] for d in r.json()["days"]}


def test_timeline_of_the_sample(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["total"] == 3
    assert (body["first"], body["last"]) == ("2024-03-03", "2024-03-09")
    assert days(client) == {
        ("2024-03-03", "Battles"): 1,
        ("2024-03-05", "Explosions/Remote violence"): 1,
        ("2024-03-09", "Protests"): 1,
    }


def test_timeline_takes_the_event_filters(client: TestClient) -> None:
    assert list(days(client, "since=2024-03-04")) == [
        ("2024-03-05", "Explosions/Remote violence"),
        ("2024-03-09", "Protests"),
    ]
    assert list(days(client, "near=12.5,40.1,10")) == [("2024-03-03", "Battles")]
    assert days(client, "country=Nowhere") == {}
    assert client.get("/api/timeline?country=Nowhere").json()["first"] is None


def test_timeline_rejects_what_events_rejects(client: TestClient) -> None:
    for query in ("until=2024-3-01", "type=Picnic", "near=1,2", "hedge=maybe"):
        assert client.get(f"/api/timeline?{query}").status_code == 422, query
        assert client.get(f"/api/events?{query}").status_code == 422, query


def test_timeline_counts_beyond_one_page(fakes: ModuleType) -> None:
    store = fakes.synthetic_store(2500)
    client = TestClient(create_app(Settings(), store))
    body = client.get("/api/timeline").json()
    expected = Counter((e["event_date"], e["event_type"]) for e in store.event_list)
    assert body["total"] == sum(expected.values()) > 1000
    assert {(d["day"], d["event_type"]): d["events"] for d in body["days"]} == expected
    page = client.get("/api/events?limit=10").json()
    assert page["total"] == body["total"]


def test_fields_projects_the_list(client: TestClient) -> None:
    full = client.get("/api/events").json()["items"]
    lean = client.get("/api/events?fields=event_date,claim_count,claimants,nope").json()
    assert lean["total"] == 3
    first = lean["items"][0]
    assert first == {
        "event_id": full[0]["event_id"],
        "event_date": full[0]["event_date"],
        "claim_count": len(full[0]["claims"]),
        "claimants": sorted({c["claimant"] for c in full[0]["claims"]}),
    }
    geo = client.get("/api/events?format=geojson&fields=event_type").json()
    assert geo["features"] and set(geo["features"][0]["properties"]) == {"event_id", "event_type"}


def test_fields_rejects_odd_names(client: TestClient) -> None:
    for bad in ("", ",", "Event-Date", "a;b", ",".join(f"f{i}" for i in range(61))):
        r = client.get("/api/events", params={"fields": bad})
        assert r.status_code == 422, bad
        assert "fields" in r.json()["detail"]
