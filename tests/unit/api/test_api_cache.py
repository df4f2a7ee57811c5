"""The response cache: keyed by the parameters a route declares, bounded by bytes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from warwire.api.deps import ResponseCache


def test_unknown_parameters_do_not_make_new_entries(client: TestClient) -> None:
    cache: ResponseCache = client.app.state.cache  # type: ignore[attr-defined]
    assert client.get("/api/events?limit=3").status_code == 200
    entries = len(cache._items)
    for i in range(20):
        assert client.get(f"/api/events?limit=3&junk={i}&x{i}=y").status_code == 200
    assert len(cache._items) == entries


def test_known_parameters_still_separate_entries(client: TestClient) -> None:
    first = client.get("/api/events?limit=1").json()
    second = client.get("/api/events?limit=2").json()
    assert first != second or first["count"] == second["count"] == 0


def test_cache_stays_within_its_byte_budget(client: TestClient) -> None:
    cache = ResponseCache(max_bytes=40_000)
    client.app.state.cache = cache  # type: ignore[attr-defined]
    for limit in range(1, 60):
        assert client.get(f"/api/events?limit={limit}").status_code == 200
        assert cache.bytes <= cache.max_bytes
    assert cache.bytes > 0 and len(cache._items) < 59
