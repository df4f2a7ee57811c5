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
from collections.abc import Callable
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
    """Serialised JSON bodies keyed by (dataset version, request URL), LRU-bounded.

    The store's ``version()`` rises with every ingest that changes anything, so
    a cached body is never stale; repeated dashboard queries skip the database
    and JSON encoding. The ETag lets browsers revalidate with a 304.
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
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
            with self._lock:
                self._items[key] = hit
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        body, etag = hit
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)


def dumps(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _canonical_query(request: Request) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(request.query_params.multi_items()))
