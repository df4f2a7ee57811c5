"""Writes, auth, body limit, CORS and headers, with the ingest flow faked."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.api.deps import get_ingestor
from warwire.api.ingest import Ingestor, IngestRequest
from warwire.config import Settings
from warwire.errors import BlockedAddressError, FetchError
from warwire.store.base import IngestResult, Store

TOKEN = "s3cret-token"  # the conftest settings fixture's token
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class FakeIngest:
    seen: list[IngestRequest] = field(default_factory=list)
    error: Exception | None = None

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        if self.error:
            raise self.error
        self.seen.append(request)
        return IngestResult("doc-new", "added", events_added=2)


@pytest.fixture
def ingest(client: TestClient) -> FakeIngest:
    fake = FakeIngest()
    client.app.dependency_overrides[get_ingestor] = lambda: fake  # type: ignore[attr-defined]
    return fake


def test_post_ingests_with_token(client: TestClient, ingest: FakeIngest) -> None:
    body = {"text": "Shelling hit a village.", "published": "2024-02-01", "source": "Wire"}
    r = client.post("/api/documents", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json() == {
        "doc_id": "doc-new",
        "status": "added",
        "events_added": 2,
        "events_merged": 0,
        "syndicated_from": None,
        "warnings": [],
    }
    (seen,) = ingest.seen
    assert seen.text == "Shelling hit a village." and str(seen.published) == "2024-02-01"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}],
)
def test_post_without_right_token_is_401(
    client: TestClient, ingest: FakeIngest, headers: dict[str, str]
) -> None:
    r = client.post("/api/documents", json={"text": "x"}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert ingest.seen == []


def test_writes_disabled_without_configured_token(store) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(Settings(token=None), store))
    r = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert r.status_code == 403
    assert "WARWIRE_TOKEN" in r.json()["detail"]


def test_body_over_limit_is_413(client: TestClient, ingest: FakeIngest) -> None:
    r = client.post("/api/documents", json={"text": "x" * 5000}, headers=AUTH)
    assert r.status_code == 413
    assert "2000 bytes" in r.json()["detail"]
    assert ingest.seen == []


def test_streamed_body_over_limit_is_413(client: TestClient, ingest: FakeIngest) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 500

    r = client.post("/api/documents", content=chunks(), headers=AUTH)
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({}, "exactly one of"),
        ({"text": "a", "url": "https://example.org/"}, "got text, url"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"text": "a", "published": "May 5"}, "published"),
        ({"text": "a", "colour": "red"}, "colour"),
        ({"text": "   "}, "text"),
    ],
)
def test_invalid_bodies_are_clear_422s(
    client: TestClient, ingest: FakeIngest, body: dict[str, str], needle: str
) -> None:
    r = client.post("/api/documents", json=body, headers=AUTH)
    assert r.status_code == 422
    assert needle in r.json()["detail"]
    assert ingest.seen == []


def test_non_json_body_is_422(client: TestClient, ingest: FakeIngest) -> None:
    r = client.post(
        "/api/documents", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
    )
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (
            BlockedAddressError("http://10.0.0.1/", "private_address", "refused private address"),
            422,
        ),
        (FetchError("https://example.org/", "http_error", "HTTP 500"), 502),
    ],
)
def test_library_errors_map_to_statuses(
    client: TestClient, ingest: FakeIngest, error: Exception, status: int
) -> None:
    ingest.error = error
    r = client.post("/api/documents", json={"url": "http://10.0.0.1/"}, headers=AUTH)
    assert r.status_code == status
    assert r.json()["detail"].endswith(str(error).split(": ", 1)[1])


def test_real_ingestor_refuses_loopback_url(store) -> None:  # type: ignore[no-untyped-def]
    """The real flow up to the fetch: private/loopback URLs never get fetched."""
    ingestor = Ingestor(Settings(token=TOKEN))
    with pytest.raises(BlockedAddressError):
        ingestor.raw_document(IngestRequest(url="http://127.0.0.1:9/x"))


def test_real_ingestor_applies_request_metadata() -> None:
    raw = Ingestor(Settings()).raw_document(
        IngestRequest(html="<p>Hi there</p>", title="T", source="Pub", published="2024-01-02")
    )
    assert (raw.media_type, raw.title, raw.publisher, str(raw.published)) == (
        "html",
        "T",
        "Pub",
        "2024-01-02",
    )


def test_no_cors_by_default(client: TestClient) -> None:
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/documents",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_configured(store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(Settings(cors_origins=("https://ok.example",)), store)
    client = TestClient(app)
    ok = client.get("/api/events", headers={"Origin": "https://ok.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ok.example"
    bad = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in bad.headers


def test_dashboard_has_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert '<script src="/static/app.js">' in r.text
    assert client.get("/static/app.js").status_code == 200


def test_tile_url_opens_img_src_for_its_host_only(store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(Settings(tile_url="https://{s}.tiles.example/{z}/{x}/{y}.png"), store)
    r = TestClient(app).get("/")
    assert "img-src 'self' data: https://*.tiles.example;" in r.headers["content-security-policy"]
    assert 'data-tile-url="https://{s}.tiles.example/{z}/{x}/{y}.png"' in r.text


def test_app_without_store_opens_settings_db(monkeypatch: pytest.MonkeyPatch, store) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    fake = store

    def open_store(url: str):  # type: ignore[no-untyped-def]
        opened.append(url)
        return fake

    import warwire.store

    monkeypatch.setattr(warwire.store, "open_store", open_store, raising=False)
    with TestClient(create_app(Settings(db="sqlite:///x.db"))) as client:
        assert client.get("/api/events").json()["total"] == 3
    assert opened == ["sqlite:///x.db"] and fake.closed
