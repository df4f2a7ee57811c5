"""GET endpoints over the fake store: filters, pagination, formats, 404s, caching."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.api.views import parse_near


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [e["event_id"] for e in response.json()["items"]]


def test_events_lists_all_with_total(client: TestClient) -> None:
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 3 and len(body["items"]) == 3
    assert {"event_id", "claims", "latitude", "event_type"} <= set(body["items"][0])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("since=2024-03-04", ["ev2", "ev3"]),
        ("until=2024-03-04", ["ev1"]),
        ("since=2024-03-04&until=2024-03-06", ["ev2"]),
        ("country=Borduria", ["ev3"]),
        ("type=Battles", ["ev1"]),
        ("type=Air/drone strike", ["ev2"]),
        ("actor=Coastal Guard", ["ev1"]),
        ("claimant=local medics", ["ev2"]),
        ("hedge=claimed", ["ev1"]),
        ("text=fuel", ["ev3"]),
        ("near=12.5,40.1,10", ["ev1"]),
        ("near=12.5,40.1,300", ["ev1", "ev2"]),
    ],
)
def test_event_filters(client: TestClient, query: str, expected: list[str]) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    assert ids(r) == expected
    assert r.json()["total"] == len(expected)


def test_pagination_keeps_total(client: TestClient) -> None:
    first = client.get("/api/events?limit=2").json()
    second = client.get("/api/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 3
    assert [e["event_id"] for e in first["items"]] == ["ev1", "ev2"]
    assert [e["event_id"] for e in second["items"]] == ["ev3"]
    assert (first["limit"], second["offset"]) == (2, 2)


def test_geojson_format(client: TestClient) -> None:
    r = client.get("/api/events?format=geojson&country=Avalonia")
    assert r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2
    assert body["features"][0]["geometry"]["coordinates"] == [40.1, 12.5]
    assert body["features"][0]["properties"]["event_id"] == "ev1"


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("near=12,40", "near"),
        ("near=a,b,c", "near"),
        ("near=95,40,10", "near"),
        ("near=10,40,-1", "near"),
        ("near=10,40,0", "near"),
        ("since=2024-13-01", "since"),
        ("since=0", "YYYY-MM-DD"),
        ("fields=event_id,,x", "fields"),
        ("type=Skirmish", "unknown event type"),
        ("hedge=maybe", "hedge"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("format=xml", "format"),
    ],
)
def test_bad_queries_are_clear_422s(client: TestClient, query: str, needle: str) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422
    assert needle in r.json()["detail"]


def test_event_detail_has_claims_sources_and_figures(client: TestClient) -> None:
    r = client.get("/api/events/ev1")
    assert r.status_code == 200
    ev = r.json()
    assert [c["claimant"] for c in ev["claims"]] == ["Northern Alliance", "Coastal Guard"]
    assert ev["contested"] is True
    assert [f["fatalities"] for f in ev["figures"]] == [14, 2]
    (source,) = ev["sources"]
    assert source["publisher"] == "Front Line Daily"
    assert source["registry"]["kind"] == "partisan"
    assert "text" not in source


def test_uncontested_event(client: TestClient) -> None:
    ev = client.get("/api/events/ev2").json()
    assert ev["contested"] is False and len(ev["figures"]) == 1


def test_evidence_indexes_document_text(client: TestClient) -> None:
    ev = client.get("/api/events/ev1").json()
    doc = client.get("/api/documents/docA").json()
    for claim in ev["claims"]:
        span = claim["evidence"]
        assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_document_has_text_and_spans(client: TestClient) -> None:
    r = client.get("/api/documents/docB")
    assert r.status_code == 200
    doc = r.json()
    assert doc["text"].startswith("Drone strike")
    (span,) = doc["spans"]
    assert doc["text"][span["start"] : span["end"]] == "Residents reportedly saw two drones."
    assert span["claimant"] == "Harbour Wire"


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/documents/nope", "/api/nothing"])
def test_missing_things_are_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404


def test_claims_actors_stats_documents(client: TestClient) -> None:
    claims = client.get("/api/claims?hedge=reportedly").json()
    assert [c["claim_id"] for c in claims["items"]] == ["c1"]
    assert claims["total"] == 1
    page = client.get("/api/claims?limit=1&offset=0").json()
    assert len(page["items"]) <= 1 and page["total"] >= len(page["items"])
    assert client.get("/api/claims?doc_id=docA").json()["items"] == []
    assert {a["name"] for a in client.get("/api/actors").json()["items"]} == {
        "Northern Alliance",
        "Coastal Guard",
    }
    stats = client.get("/api/stats").json()
    assert stats["events"] == 3 and stats["version"] == 1
    docs = client.get("/api/documents").json()["items"]
    assert {d["doc_id"] for d in docs} == {"docA", "docB"} and "text" not in docs[0]


def test_responses_are_cached_per_version(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events?country=Avalonia")
    calls = store.calls
    again = client.get("/api/events?country=Avalonia")
    assert store.calls == calls and again.content == first.content
    assert (
        client.get(
            "/api/events?country=Avalonia", headers={"If-None-Match": first.headers["etag"]}
        ).status_code
        == 304
    )
    store.event_list = store.event_list[:1]
    store.dataset_version += 1
    assert client.get("/api/events?country=Avalonia").json()["total"] == 1


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/documents" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


@given(
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    km=st.floats(0.001, 20000),
)
@settings(max_examples=50, deadline=None)
def test_parse_near_roundtrip(lat: float, lon: float, km: float) -> None:
    assert parse_near(f"{lat!r},{lon!r},{km!r}") == (lat, lon, km)


def test_every_list_has_one_envelope_with_a_next_link(client: TestClient) -> None:
    for path in ("/api/events?limit=2", "/api/claims?limit=1", "/api/documents?limit=1",
                 "/api/actors"):  # fmt: skip
        body = client.get(path).json()
        assert set(body) == {"items", "total", "limit", "offset", "next"}, path
    first = client.get("/api/events?limit=2&country=Borduria").json()
    assert first["next"] is None  # one match: no next page
    first = client.get("/api/events?limit=2").json()
    second = client.get(first["next"]).json()
    assert first["next"] == "/api/events?limit=2&offset=2" and second["next"] is None
    assert [e["event_id"] for e in first["items"] + second["items"]] == ["ev1", "ev2", "ev3"]
    geo = client.get("/api/events?format=geojson&limit=1").json()
    assert geo["type"] == "FeatureCollection" and geo["next"].endswith("offset=1")


def test_event_types_any_case(client: TestClient) -> None:
    assert ids(client.get("/api/events?type=battles")) == ["ev1"]
    assert ids(client.get("/api/events?type=AIR/DRONE STRIKE")) == ["ev2"]
    assert client.get("/api/events?type=batt").status_code == 422  # the API takes whole names


def test_a_window_that_ends_before_it_starts_is_empty_not_an_error(client: TestClient) -> None:
    response = client.get("/api/events?since=2024-03-05&until=2024-03-01")
    assert response.status_code == 200 and response.json()["items"] == []


def test_openapi_declares_the_bearer_scheme_and_response_schemas(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert spec["paths"]["/api/documents"]["post"]["security"] == [{"HTTPBearer": []}]
    for path in ("/api/events", "/api/claims", "/api/documents", "/api/events/{event_id}",
                 "/api/timeline", "/api/stats", "/api/actors"):  # fmt: skip
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert schema["schema"].get("$ref"), path
    page = spec["components"]["schemas"]["EventPage"]["properties"]
    assert {"items", "total", "limit", "offset", "next"} <= set(page)


def test_events_as_a_csv_download_of_the_filtered_view(client: TestClient) -> None:
    r = client.get("/api/events?format=csv&country=Avalonia")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    header, *rows = r.text.strip().splitlines()
    assert header.startswith("event_id_cnty,event_date,")
    assert sorted(row.split(",")[0] for row in rows) == ["ev1", "ev2"]
