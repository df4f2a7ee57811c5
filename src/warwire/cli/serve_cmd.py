"""``warwire serve``: the REST API and the dashboard on localhost by default."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import click

from warwire.cli.errors import friendly_errors
from warwire.config import load_settings

GRACEFUL_SHUTDOWN_S = 10


@click.command("serve")
@click.option("--db", envvar="WARWIRE_DB", default=None, help="Database URL (sqlite:///…).")
@click.option("--host", default=None, help="Interface to bind (default 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port (default 8000).")
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
@friendly_errors
def serve_command(db: str | None, host: str | None, port: int | None, log_level: str) -> None:
    """Serve the API under /api/, OpenAPI docs at /docs and the dashboard at /.

    Writes (POST /api/documents) need WARWIRE_TOKEN; without it they are disabled.
    """
    import uvicorn

    from warwire.api import create_app

    settings = load_settings(db=db, host=host, port=port)
    logging.basicConfig(level=log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    app = create_app(settings)
    if settings.host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warwire: serving on {settings.host}, not only this machine", err=True)
    click.echo(startup_line(settings.host, settings.port, bool(settings.token)), err=True)
    uvicorn.run(
        AnswersOnShutdown(app),
        host=settings.host,
        port=settings.port,
        log_level=log_level,
        access_log=log_level in ("info", "debug"),
        server_header=False,
        # SIGTERM/Ctrl-C: stop taking requests, give running ones this long, then exit
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
    )


SHUTTING_DOWN = (
    b'{"type": "about:blank", "title": "Service Unavailable", "status": 503, '
    b'"detail": "the server is shutting down; retry later"}'
)


class AnswersOnShutdown:
    """A request still running when graceful shutdown gives up on it is answered
    503 with Retry-After (not a 500 and a traceback in the log); its pipeline
    thread dies with the process."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = False

        async def tracked(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except asyncio.CancelledError:
            if scope["type"] != "http":
                raise
            if not started:
                headers = [(b"content-type", b"application/problem+json"), (b"retry-after", b"30")]
                await send({"type": "http.response.start", "status": 503, "headers": headers})
                await send({"type": "http.response.body", "body": SHUTTING_DOWN})


def startup_line(host: str, port: int, writes: bool) -> str:
    """Where to point a browser, and whether POST /api/documents accepts writes."""
    shown = f"[{host}]" if ":" in host and host != "::" else host
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else shown
    url = f"http://{shown}:{port}/"
    state = "writes need the bearer token" if writes else "read-only (no WARWIRE_TOKEN)"
    return f"warwire: {url} (docs /docs), {state}"


def register(group: click.Group) -> None:
    group.add_command(serve_command)
