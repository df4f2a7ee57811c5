"""URL fetching: SSRF refusals, redirects re-checked, timeouts, size caps."""

from __future__ import annotations

import ipaddress
import time
from typing import Any

import pytest

from warwire.config import Settings
from warwire.errors import BlockedAddressError, FetchError
from warwire.ingest import fetch as fetch_module
from warwire.ingest import fetch_url, read_inputs
from warwire.types import RawDocument, Rejection

LocalServer = Any  # the conftest fixture type


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00:ec2::254]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
    ],
)
def test_private_addresses_refused(settings: Settings, url: str) -> None:
    with pytest.raises(BlockedAddressError) as info:
        fetch_url(url, settings)
    assert info.value.reason == "private_address" and info.value.input_id == url


def test_metadata_refused_even_when_private_allowed(open_settings: Settings) -> None:
    with pytest.raises(BlockedAddressError):
        fetch_url("http://169.254.169.254/latest/meta-data/", open_settings)


@pytest.mark.parametrize("url", ["ftp://example.org/f", "file:///etc/passwd", "http:///nohost"])
def test_bad_schemes_refused(settings: Settings, url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(url, settings)
    assert info.value.reason == "bad_url"


def test_hostname_resolving_to_private_refused(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_getaddrinfo(host: str, port: int, **kwargs: object) -> list[tuple[object, ...]]:
        return [(2, 1, 6, "", ("93.184.216.34", port)), (2, 1, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(BlockedAddressError):
        fetch_url("https://rebind.example/story", settings)


def test_successful_local_fetch(
    open_settings: Settings, server: LocalServer, article_html: str
) -> None:
    url = server.add("/story", article_html, headers={"Content-Type": "text/html; charset=utf-8"})
    got = fetch_url(url, open_settings)
    assert got.content == article_html.encode() and got.url == url
    assert got.content_type == "text/html; charset=utf-8"
    assert server.seen_hosts == [f"127.0.0.1:{server.port}"]
    (doc,) = list(read_inputs([url], open_settings))
    assert isinstance(doc, RawDocument)
    assert (doc.input_id, doc.url, doc.media_type) == (url, url, "html")


def test_private_refused_without_allow_private(settings: Settings, server: LocalServer) -> None:
    url = server.add("/story", "<p>x</p>")
    (rej,) = list(read_inputs([url], settings))
    assert isinstance(rej, Rejection) and rej.reason == "private_address"
    assert server.seen_hosts == []


def test_redirect_followed_and_rechecked(open_settings: Settings, server: LocalServer) -> None:
    final = server.add("/final", "Plain text at the end.", headers={"Content-Type": "text/plain"})
    server.add("/hop", status=302, headers={"Location": "/final"})
    start = server.add("/start", status=301, headers={"Location": server.url("/hop")})
    got = fetch_url(start, open_settings)
    assert got.url == final and got.content == b"Plain text at the end."


def test_redirect_to_metadata_refused(open_settings: Settings, server: LocalServer) -> None:
    start = server.add(
        "/r", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    with pytest.raises(BlockedAddressError) as info:
        fetch_url(start, open_settings)
    assert info.value.input_id == start and "169.254.169.254" in info.value.detail


def test_redirect_to_private_network_refused(
    settings: Settings, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loopback is allowed here so the test server counts as 'public'; 10/8 is not."""

    def blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return not ip.is_loopback and ip.is_private

    monkeypatch.setattr(fetch_module, "is_blocked_address", blocked)
    start = server.add("/r", status=307, headers={"Location": "http://10.20.30.40/admin"})
    with pytest.raises(BlockedAddressError):
        fetch_url(start, settings)
    assert len(server.seen_hosts) == 1


def test_too_many_redirects(server: LocalServer) -> None:
    cfg = Settings(allow_private=True, fetch_max_redirects=2, fetch_timeout=2.0)
    loop = server.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError) as info:
        fetch_url(loop, cfg)
    assert info.value.reason == "too_many_redirects"
    assert len(server.seen_hosts) == 3


def test_timeout(server: LocalServer) -> None:
    cfg = Settings(allow_private=True, fetch_timeout=0.2)
    slow = server.add("/slow", "late", delay=0.8)
    began = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch_url(slow, cfg)
    assert info.value.reason == "timeout"
    assert time.monotonic() - began < 0.7


def test_size_cap_and_http_error(server: LocalServer) -> None:
    cfg = Settings(allow_private=True, fetch_timeout=2.0, max_document_bytes=1000)
    big = server.add("/big", b"x" * 5000)
    with pytest.raises(FetchError) as info:
        fetch_url(big, cfg)
    assert info.value.reason == "too_large"
    with pytest.raises(FetchError) as info:
        fetch_url(server.url("/absent"), cfg)
    assert info.value.reason == "http_error" and "404" in info.value.detail


def test_size_cap_while_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body without Content-Length is still cut off once it passes the limit."""

    class Endless:
        def __init__(self) -> None:
            self.headers: dict[str, str] = {}

        def iter_bytes(self) -> object:
            while True:
                yield b"y" * 400

    cfg = Settings(max_document_bytes=1000)
    with pytest.raises(FetchError) as info:
        fetch_module._read_capped(Endless(), "u", cfg, time.monotonic() + 5)  # type: ignore[arg-type]
    assert info.value.reason == "too_large"


def test_connection_refused(open_settings: Settings, server: LocalServer) -> None:
    url = server.url("/x")
    server.httpd.shutdown()
    server.httpd.server_close()
    with pytest.raises(FetchError) as info:
        fetch_url(url, open_settings)
    assert info.value.reason == "fetch_failed"
