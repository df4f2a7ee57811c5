"""Fetch one http(s) URL without letting it reach into our own network.

Every hop (the first request and each redirect) is vetted: the host name is
resolved once, every address it resolves to must be public (unless
``settings.allow_private``), and the connection then goes to that vetted
address, with the original name in the ``Host`` header and in TLS SNI, so a
second DNS answer cannot swap in a private address (DNS rebinding). Cloud
metadata addresses are refused even with ``allow_private``: no article lives
there. Bodies are streamed and cut off at ``settings.max_document_bytes``.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from warwire.config import Settings
from warwire.errors import BlockedAddressError, FetchError

log = logging.getLogger(__name__)

USER_AGENT = "warwire/0.1"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),
        ipaddress.ip_address("169.254.170.2"),
        ipaddress.ip_address("fd00:ec2::254"),
        ipaddress.ip_address("100.100.100.200"),
    }
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: ``url`` is the final URL after redirects."""

    url: str
    content: bytes
    content_type: str | None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped, 6to4, Teredo, NAT64."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    inner = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64:
        inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [a for a in inner if a is not None]


def is_metadata_address(ip: IPAddress) -> bool:
    return ip in METADATA_ADDRESSES or any(a in METADATA_ADDRESSES for a in embedded_ipv4(ip))


def is_blocked_address(ip: IPAddress) -> bool:
    """Loopback, private, link-local, multicast, reserved, unspecified, shared, metadata;
    an IPv6 form of any of these (mapped, 6to4, Teredo, NAT64) too."""
    if any(is_blocked_address(inner) for inner in embedded_ipv4(ip)):
        return True
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
        or ip in METADATA_ADDRESSES
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(host, "dns", f"cannot resolve host {host!r}: {exc}") from exc
    seen: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr not in seen:
            seen.append(addr)
    if not seen:
        raise FetchError(host, "dns", f"host {host!r} has no address")
    return seen


def vet_url(url: str, settings: Settings) -> tuple[httpx.URL, IPAddress]:
    """Check scheme and host of ``url``; return it parsed with the address to connect to."""
    try:
        parsed = httpx.URL(url)
        host, port = parsed.host, parsed.port  # decoding an IDNA name can fail here too
    except (httpx.InvalidURL, TypeError, ValueError) as exc:  # IDNAError is a ValueError
        raise FetchError(url, "bad_url", f"not a valid URL: {exc}") from exc
    if parsed.scheme not in {"http", "https"}:
        raise FetchError(
            url, "bad_url", f"only http and https URLs are fetched, not {parsed.scheme!r}"
        )
    if not host:
        raise FetchError(url, "bad_url", "URL has no host")
    port = port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = resolve(parsed.host, port)
    except FetchError as exc:
        raise FetchError(url, exc.reason, exc.detail) from exc
    for addr in addresses:
        if is_metadata_address(addr) or (not settings.allow_private and is_blocked_address(addr)):
            raise BlockedAddressError(
                url, "private_address", f"refused: {parsed.host} resolves to non-public {addr}"
            )
    return parsed, addresses[0]


def _pinned_request(client: httpx.Client, parsed: httpx.URL, ip: IPAddress) -> httpx.Request:
    """A request to ``ip`` that still names the original host to the server and to TLS."""
    host_header = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    if parsed.port is not None:
        host_header = f"{host_header}:{parsed.port}"
    extensions = {"sni_hostname": parsed.host} if parsed.scheme == "https" else {}
    return client.build_request(
        "GET",
        parsed.copy_with(host=str(ip)),
        headers={"Host": host_header, "User-Agent": USER_AGENT, "Accept": "*/*"},
        extensions=extensions,
    )


def _read_capped(response: httpx.Response, url: str, settings: Settings, deadline: float) -> bytes:
    limit = settings.max_document_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(url, "too_large", f"document of {declared} bytes exceeds {limit}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(url, "too_large", f"document exceeds {limit} bytes")
        if time.monotonic() > deadline:
            raise FetchError(url, "timeout", f"timed out after {settings.fetch_timeout:g}s")
        chunks.append(chunk)
    return b"".join(chunks)


def _hop(
    url: str, settings: Settings, clients: list[httpx.Client]
) -> tuple[str | None, Fetched | None]:
    """One request: (next URL, None) for a redirect, (None, Fetched) for a body."""
    parsed, ip = vet_url(url, settings)
    timeout = httpx.Timeout(settings.fetch_timeout)
    deadline = time.monotonic() + settings.fetch_timeout
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        clients.append(client)
        request = _pinned_request(client, parsed, ip)
        response = client.send(request, stream=True)
        try:
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, "http_error", "redirect without a Location header")
                return urljoin(str(parsed), location), None
            if response.status_code >= 400:
                raise FetchError(url, "http_error", f"HTTP {response.status_code}")
            body = _read_capped(response, url, settings, deadline)
            return None, Fetched(str(parsed), body, response.headers.get("content-type"))
        finally:
            response.close()


def fetch_url(url: str, settings: Settings) -> Fetched:
    """GET ``url`` safely. Raises FetchError (or BlockedAddressError) naming ``url``.

    ``settings.fetch_timeout`` is a wall-clock deadline for the whole fetch,
    redirects included: httpx's timeouts are per read, so a server trickling
    one header line at a time would otherwise hold the fetch indefinitely. The
    fetch runs in a daemon thread that is abandoned (its client closed) at the
    deadline.
    """
    outcome: list[Fetched | BaseException] = []
    clients: list[httpx.Client] = []

    def work() -> None:
        try:
            outcome.append(_fetch(url, settings, clients))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=work, name="warwire-fetch", daemon=True)
    worker.start()
    worker.join(settings.fetch_timeout)
    if not outcome:
        for client in clients:
            client.close()
        raise FetchError(url, "timeout", f"timed out after {settings.fetch_timeout:g}s")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, settings: Settings, clients: list[httpx.Client]) -> Fetched:
    current = url
    for _ in range(settings.fetch_max_redirects + 1):
        try:
            next_url, fetched = _hop(current, settings, clients)
        except FetchError as exc:
            if exc.input_id == url:
                raise
            detail = f"redirect to {exc.input_id}: {exc.detail}"
            raise type(exc)(url, exc.reason, detail) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(
                url, "timeout", f"timed out after {settings.fetch_timeout:g}s"
            ) from exc
        except (httpx.HTTPError, OSError) as exc:
            raise FetchError(url, "fetch_failed", f"fetch failed: {exc}") from exc
        if fetched is not None:
            return fetched
        assert next_url is not None
        log.debug("redirect %s -> %s", current, next_url)
        current = next_url
    raise FetchError(
        url, "too_many_redirects", f"more than {settings.fetch_max_redirects} redirects"
    )
