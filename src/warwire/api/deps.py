"""FastAPI dependencies: the store, the ingestor, the write token, a response cache.

Everything hangs off ``app.state`` (set by :func:`warwire.api.create_app`), so
two apps in one process never share state and tests override any piece.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import HTTPException, Request, Response, status

from warwire.api.ingest import IngestFn
from warwire.config import Settings
from warwire.store.base import Store

# The getters are ``async`` because they never block: FastAPI then calls them inline
# instead of hopping through its thread pool once per dependency per request.


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_settings(request: Request) -> Settings:
    return _settings(request)


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_ingestor(request: Request) -> IngestFn:
    ingestor: IngestFn = request.app.state.ingestor
    return ingestor


async def get_cache(request: Request) -> ResponseCache:
    cache: ResponseCache = request.app.state.cache
    return cache


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <settings.token>``; none configured = no writes."""
    expected = _settings(request).token
    if not expected:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled: no token is configured (set WARWIRE_TOKEN)",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing or wrong bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )


class ResponseCache:
    """Serialised JSON bodies keyed by (dataset version, path, known parameters),
    LRU-bounded by total bytes.

    The store's ``version()`` rises with every ingest that changes anything, so
    a cached body is never stale; repeated dashboard queries skip the database
    and JSON encoding. The ETag lets browsers revalidate with a 304. Only the
    parameters the route declares are in the key (``?junk=1``, ``?junk=2`` share
    one entry), and a body larger than an eighth of the budget is not kept, so
    no sequence of requests can grow the cache past ``max_bytes``.
    """

    def __init__(self, max_bytes: int = 64 * 2**20) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[tuple[int, str], tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def respond(
        self,
        request: Request,
        store: Store,
        compute: Callable[[], Any],
        media_type: str = "application/json",
    ) -> Response:
        version = store.version()
        key = (version, str(request.url.path) + "?" + _canonical_query(request))
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
        if hit is None:
            body = dumps(compute())
            etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
            hit = (body, etag)
            self._keep(key, hit)
        body, etag = hit
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)

    def _keep(self, key: tuple[int, str], item: tuple[bytes, str]) -> None:
        size = len(item[0]) + len(key[1])
        if size > self.max_bytes // 8:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old[0]) + len(key[1])
            self._items[key] = item
            self.bytes += size
            while self.bytes > self.max_bytes:
                (_, path), (body, _) = self._items.popitem(last=False)
                self.bytes -= len(body) + len(path)


def dumps(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _canonical_query(request: Request) -> str:
    """The query string with only the parameters the route declares, sorted."""
    known = _known_params(request)
    items = sorted((k, v) for k, v in request.query_params.multi_items() if k in known)
    return "&".join(f"{k}={v}" for k, v in items)


def _known_params(request: Request) -> frozenset[str]:
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return frozenset()
    cached: frozenset[str] | None = getattr(route, "_warwire_params", None)
    if cached is None:
        cached = frozenset(_query_names(dependant))
        route._warwire_params = cached  # type: ignore[union-attr]
    return cached


def _query_names(dependant: Any) -> Iterator[str]:
    """Query parameter names of a route and of every dependency it pulls in."""
    yield from (p.alias for p in dependant.query_params)
    for sub in dependant.dependencies:
        yield from _query_names(sub)
