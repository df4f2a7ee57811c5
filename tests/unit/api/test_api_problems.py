"""Every error answer is one RFC 9457 problem document: a client parses failures once."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from warwire.api.problems import MEDIA_TYPE


def _is_problem(r, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status
    assert r.headers["content-type"].startswith(MEDIA_TYPE)
    body = r.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/no-such-event", 404),
        ("/api/no-such-route", 404),
        ("/api/events?limit=-3", 422),
        ("/api/events?since=2024-05-32", 422),
        ("/api/events?until=0", 422),  # a day, not a Unix time
    ],
)
def test_read_errors_are_problems(client: TestClient, path: str, status: int) -> None:
    body = _is_problem(client.get(path), status)
    assert body["instance"] == path.split("?")[0]


def test_validation_problem_keeps_the_field_errors(client: TestClient) -> None:
    body = _is_problem(client.get("/api/events?limit=-3"), 422)
    assert any("limit" in ".".join(map(str, e["loc"])) for e in body["errors"])


def test_auth_problem_keeps_its_challenge(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": "x"})
    _is_problem(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_a_body_over_the_limit_is_a_problem(client: TestClient, auth: dict[str, str]) -> None:
    body = _is_problem(client.post("/api/documents", json={"text": "x" * 5000}, headers=auth), 413)
    assert "2000 bytes" in body["detail"]


def test_openapi_documents_the_problem_shape(client: TestClient) -> None:
    spec = client.get("/api/openapi.json")
    if spec.status_code == 404:
        spec = client.get("/openapi.json")
    responses = spec.json()["paths"]["/api/events"]["get"]["responses"]
    assert MEDIA_TYPE in responses["4XX"]["content"]
