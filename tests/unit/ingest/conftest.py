"""A tiny local HTTP server whose routes each test defines."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warwire.config import Settings


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen_hosts: list[str] = []
        routes, seen = self.routes, self.seen_hosts

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(self.headers.get("Host", ""))
                route = routes.get(self.path, Route(404, b"not found"))
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except OSError:
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def settings() -> Settings:
    return Settings(max_document_bytes=100_000, fetch_timeout=2.0)


@pytest.fixture
def open_settings() -> Settings:
    """Settings that let tests reach the local server."""
    return Settings(max_document_bytes=100_000, fetch_timeout=2.0, allow_private=True)


@pytest.fixture
def article_html() -> str:
    """An invented HTML article long enough to count as full content."""
    return (
        "<html><head><title>Clashes near the river</title></head><body><article>"
        + "<p>Fighting resumed on Tuesday near the river crossing, local officials said. "
        "Two brigades exchanged artillery fire for several hours before a pause.</p>"
        * 6
        + "</article></body></html>"
    )
