"""POST /api/events/{id}/corrections and GET /api/events/{id}/history over a real SQLite store."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.config import Settings
from warwire.store import EventQuery, SqlStore, open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_builders import TARHUNAH, tarhuna_partisan, unrelated

TOKEN = "corrections-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with open_store(f"sqlite:///{tmp_path}/api.db") as opened:
        opened.add(tarhuna_partisan())
        opened.add(unrelated(1, day=date(2020, 5, 24), place=TARHUNAH))
        yield opened


@pytest.fixture
def client(store: SqlStore) -> TestClient:
    return TestClient(create_app(Settings(token=TOKEN), store))


def ids(store: SqlStore) -> list[str]:
    return [e["event_id"] for e in store.events(EventQuery())]


def test_correction_needs_the_token(client: TestClient, store: SqlStore) -> None:
    event_id = ids(store)[0]
    body = {"set": {"fatalities": 3}, "why": "hospital list"}
    r = client.post(f"/api/events/{event_id}/corrections", json=body)
    assert r.status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post(f"/api/events/{event_id}/corrections", json=body,
                       headers=wrong).status_code == 401  # fmt: skip
    assert store.event(event_id)["fatalities"] == 14  # type: ignore[index]
    off = TestClient(create_app(Settings(token=None), store))
    assert off.post(f"/api/events/{event_id}/corrections", json=body,
                    headers=AUTH).status_code == 403  # fmt: skip


def test_set_then_history_and_fresh_event(client: TestClient, store: SqlStore) -> None:
    event_id = ids(store)[0]
    before = client.get(f"/api/events/{event_id}")
    assert before.json()["fatalities"] == 14
    body = {"set": {"fatalities": 3}, "why": "hospital list", "by": "amira"}
    r = client.post(f"/api/events/{event_id[:9]}/corrections", headers=AUTH, json=body)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["event"]["fatalities"] == 3
    (line,) = made["corrections"]
    assert (line["before"], line["after"], line["by"], line["action"]) == (14, 3, "amira", "set")
    after = client.get(f"/api/events/{event_id}", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["fatalities"] == 3  # the cache moved on
    history = client.get(f"/api/events/{event_id}/history").json()
    assert history["total"] == 1 and history["items"][0]["change"] == "fatalities: 14 → 3"


def test_bad_corrections_are_422_or_404(client: TestClient, store: SqlStore) -> None:
    event_id = ids(store)[0]
    url = f"/api/events/{event_id}/corrections"
    r = client.post(url, headers=AUTH, json={"set": {"deaths": 3}, "why": "a reason"})
    assert r.status_code == 422 and "unknown field 'deaths'" in r.json()["detail"]
    r = client.post(url, headers=AUTH, json={"set": {"fatalities": 3}})
    assert r.status_code == 422 and "why" in r.json()["detail"]
    r = client.post(url, headers=AUTH, json={"set": {"fatalities": 3}, "split": True,
                                             "why": "a reason"})  # fmt: skip
    assert r.status_code == 422 and "exactly one" in r.json()["detail"]
    r = client.post("/api/events/ev-nosuch/corrections", headers=AUTH,
                    json={"set": {"fatalities": 3}, "why": "a reason"})  # fmt: skip
    assert r.status_code == 404
    assert client.get("/api/events/ev-nosuch/history").status_code == 404


def test_merge_and_split_through_the_api(client: TestClient, store: SqlStore) -> None:
    keep, gone = ids(store)
    url = f"/api/events/{keep}/corrections"
    r = client.post(url, headers=AUTH, json={"merge": gone, "why": "one attack"})
    assert r.status_code == 201 and len(r.json()["event"]["doc_ids"]) == 2
    assert ids(store) == [keep]
    r = client.post(url, headers=AUTH, json={"split": True, "why": "two attacks"})
    assert r.status_code == 201 and sorted(ids(store)) == sorted([keep, gone])


def test_openapi_documents_the_correction_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/api/events/{event_id}/corrections"]["post"]
    assert post["security"] and "CorrectionRequest" in str(post["requestBody"])
    assert "CorrectionResponse" in str(post["responses"]["201"])
    assert "HistoryResponse" in str(spec["paths"]["/api/events/{event_id}/history"]["get"])
