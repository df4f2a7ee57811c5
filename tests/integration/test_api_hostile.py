"""The real app, pipeline and SQLite store under hostile documents and
parameters: every answer is a 2xx or a 4xx naming the problem, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.config import Settings
from warwire.store.base import EventQuery

TOKEN = "hostile-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

HOSTILE_BODIES = [
    {"text": "Title\n\nNo. on shelled"},
    {"text": "Clashes\n\nGunmen (from the [) killed a man (  ) in the market."},
    {"text": "T\n\nThey killed 1" + "0" * 400 + " people in the port, the army said."},
    {"text": "T\n\nThey killed 100000000000000000000 people in the port on 4 May 2020."},
    pytest.param({"text": "T\n\n" + "a " * 600_000}, marks=pytest.mark.slow),
    {"text": "T\n\nMilitants shelled the port, the army said.\n\n" + "[" * 20_000},
    {"html": "<body>" + "<div>" * 400 + "<p>Rebels shelled the port.</p>" + "</div>" * 400},
    {"html": "<p " + " ".join(f"a{i}=1" for i in range(30_000)) + ">Rebels shelled it.</p>"},
    {"text": "a" + "\u1680" * 5000 + "a\n\nMilitants shelled the port, killing five."},
    {"url": "http://xn--localhost-.example/"},
    {"url": "http://xn--a.example/"},
    {"url": "http://[2002:7f00:1::]:9999/"},
    {"url": "http://[64:ff9b::7f00:1]/"},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = Path(tmp_path_factory.mktemp("api")) / "hostile.db"
    settings = Settings(db=f"sqlite:///{db}", token=TOKEN, max_body_bytes=4_000_000)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=lambda b: repr(b)[:30])
def test_hostile_document_is_answered_not_crashed(client: TestClient, body: dict) -> None:  # type: ignore[type-arg]
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code in (200, 201, 422), response.text[:300]
    if response.status_code == 422:
        detail = response.json()["detail"]
        assert detail and "\n" not in str(detail)


def test_url_forms_of_loopback_are_refused(client: TestClient) -> None:
    for url in ("http://[2002:7f00:1::]:9999/", "http://[64:ff9b::7f00:1]/"):
        response = client.post("/api/documents", json={"url": url}, headers=AUTH)
        assert response.status_code == 422 and response.json()["reason"] == "private_address"


def test_huge_figure_is_never_a_stored_toll(client: TestClient) -> None:
    body = {"text": "Shelling\n\nShelling killed 100000000000000000000 people in the port."}
    assert client.post("/api/documents", json=body, headers=AUTH).status_code in (200, 201, 422)
    events = client.app.state.store.events(EventQuery(limit=5000))  # type: ignore[attr-defined]
    assert events and all((e.get("fatalities") or 0) < 10**7 for e in events)


@pytest.mark.parametrize("route", ["/api/events", "/api/claims", "/api/documents"])
def test_offset_past_int64_is_422(client: TestClient, route: str) -> None:
    response = client.get(route, params={"offset": 2**63})
    assert response.status_code == 422


def test_unknown_parameters_share_one_cache_entry(client: TestClient) -> None:
    cache = client.app.state.cache  # type: ignore[attr-defined]
    client.get("/api/events", params={"limit": 7})
    before = len(cache._items)
    for i in range(30):
        assert client.get("/api/events", params={"limit": 7, "junk": i}).status_code == 200
    assert len(cache._items) == before
    assert cache.bytes <= cache.max_bytes
