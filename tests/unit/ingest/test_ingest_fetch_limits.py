"""The fetch's deadline is for the whole fetch, and IPv6 disguises of private
addresses and malformed international names are refused before connecting."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from warwire.config import Settings
from warwire.errors import BlockedAddressError, FetchError
from warwire.ingest.fetch import embedded_ipv4, fetch_url, is_blocked_address


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """Answers with one header line every 0.2 s, for ever: each read is quick."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.is_set():
                try:
                    conn.sendall(b"X-Wait: 1\r\n")
                except OSError:
                    return
                time.sleep(0.2)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        stop.set()
        listener.close()


def test_trickled_headers_hit_the_total_deadline(trickling_server: str) -> None:
    settings = Settings(fetch_timeout=1.0, allow_private=True)
    with pytest.raises(FetchError) as caught:
        fetch_url(trickling_server, settings)
    assert caught.value.reason == "timeout"


@pytest.mark.parametrize(
    "address",
    [
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "::ffff:169.254.169.254",  # mapped metadata address
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)
def test_ipv6_forms_of_private_addresses_are_blocked(address: str) -> None:
    assert is_blocked_address(ipaddress.ip_address(address))


def test_public_addresses_pass() -> None:
    assert not is_blocked_address(ipaddress.ip_address("2606:4700:4700::1111"))
    assert not is_blocked_address(ipaddress.ip_address("2002:0808:0808::1"))  # 6to4 of 8.8.8.8
    assert embedded_ipv4(ipaddress.ip_address("8.8.8.8")) == []


def test_6to4_loopback_refused_before_connecting() -> None:
    with pytest.raises(BlockedAddressError):
        fetch_url("http://[2002:7f00:1::]:9999/", Settings(fetch_timeout=2.0))


@pytest.mark.parametrize("url", ["http://xn--localhost-.example/", "http://xn--a.example/"])
def test_invalid_international_name_is_a_bad_url(url: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, Settings(fetch_timeout=2.0))
    assert caught.value.reason == "bad_url"
