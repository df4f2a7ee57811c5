"""`warwire serve` builds the app from settings and binds loopback unless told."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from warwire.cli import cli


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch, store) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    seen: dict[str, Any] = {}
    import warwire.store

    monkeypatch.setattr(
        warwire.store, "open_store", lambda url: seen.setdefault("db", url) and store, raising=False
    )
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    monkeypatch.delenv("WARWIRE_HOST", raising=False)
    return seen


def test_serve_defaults_to_localhost(captured: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", "sqlite:///t.db"])
    assert result.exit_code == 0, result.output
    assert (captured["host"], captured["port"], captured["db"]) == (
        "127.0.0.1",
        8000,
        "sqlite:///t.db",
    )
    assert captured["app"].app.title == "warwire"


def test_serve_other_host_warns(captured: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0
    assert (captured["host"], captured["port"]) == ("0.0.0.0", 9001)
    assert "not only this machine" in result.output


def test_serve_rejects_bad_port() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_serve_bounds_graceful_shutdown(captured: dict[str, Any]) -> None:
    """SIGTERM must end the server even while a long POST is still being analysed."""
    result = CliRunner().invoke(cli, ["serve", "--db", "sqlite:///t.db"])
    assert result.exit_code == 0, result.output
    assert 0 < captured["timeout_graceful_shutdown"] <= 30


def _drive(app: Any, scope_type: str = "http") -> list[dict[str, Any]]:
    import asyncio

    from warwire.cli.serve_cmd import AnswersOnShutdown

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(AnswersOnShutdown(app)({"type": scope_type}, None, send))
    return sent


def test_a_request_cancelled_by_shutdown_is_answered_503() -> None:
    import asyncio

    async def stuck(scope: Any, receive: Any, send: Any) -> None:
        raise asyncio.CancelledError

    start, body = _drive(stuck)
    assert start["status"] == 503 and (b"retry-after", b"30") in start["headers"]
    assert b"shutting down" in body["body"]


def test_a_response_already_started_is_left_alone() -> None:
    import asyncio

    async def halfway(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        raise asyncio.CancelledError

    assert [m["status"] for m in _drive(halfway)] == [200]
