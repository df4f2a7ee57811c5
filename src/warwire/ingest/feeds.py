"""RSS/Atom/RDF feeds -> one RawDocument per item.

Feeds that carry the full article (``content:encoded``, Atom ``content``, or
a long ``summary``) are read from the feed itself; teaser-only items are
fetched from their link through the same SSRF-safe :func:`fetch_url`. Item
title, date, link, author and the feed's own title become hints.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import feedparser

from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.fetch import Fetched, fetch_url
from warwire.ingest.raw import read_bytes, reject, rejection, too_large
from warwire.types import MediaType, RawDocument, Rejection

log = logging.getLogger(__name__)

# Below this many characters of text a feed item is a teaser, not the article.
MIN_CONTENT_CHARS = 500
_TAG = re.compile(r"<[^>]+>")

Fetcher = Callable[[str, Settings], Fetched]


def _text_length(markup: str) -> int:
    return len(" ".join(_TAG.sub(" ", markup).split()))


def _item_day(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _best_content(entry: Any) -> tuple[str, str] | None:
    """(value, mime type) of the longest body the item carries, if any."""
    candidates: list[tuple[str, str]] = []
    for block in entry.get("content") or ():
        value = block.get("value") or ""
        candidates.append((value, block.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    if not candidates:
        return None
    return max(candidates, key=lambda c: _text_length(c[0]))


def _item_media(value: str, mime: str) -> MediaType:
    if "html" in mime or _TAG.search(value):
        return "html"
    return "text"


def _clean_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_feed(
    data: bytes,
    input_id: str,
    settings: Settings,
    *,
    url: str | None = None,
    fetch: Fetcher = fetch_url,
) -> Iterator[RawDocument | Rejection]:
    """Yield each item of the feed in ``data`` as a document, or why it could not be."""
    headers = {"content-location": url} if url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            error = parsed.get("bozo_exception")
            yield reject(input_id, "malformed", f"not a readable feed: {error}")
        else:
            yield reject(input_id, "empty", "feed has no items")
        return
    publisher = _clean_str(parsed.get("feed", {}).get("title"))
    for index, entry in enumerate(entries):
        link = _clean_str(entry.get("link"))
        item_id = link or f"{input_id}#{index + 1}"
        hints = {
            "title": _clean_str(entry.get("title")),
            "published": _item_day(entry),
            "publisher": publisher,
            "author": _clean_str(entry.get("author")),
            "url": link,
        }
        body = _best_content(entry)
        has_text = body is not None and _text_length(body[0]) > 0
        try:
            if body is not None and (_text_length(body[0]) > MIN_CONTENT_CHARS or not link):
                if not has_text:
                    raise InputError(item_id, "empty", "feed item has no content and no link")
                if len(body[0].encode("utf-8")) > settings.max_document_bytes:
                    raise too_large(item_id, len(body[0].encode("utf-8")), settings)
                doc = RawDocument(item_id, body[0], _item_media(*body))
            elif link:
                got = fetch(link, settings)
                doc = read_bytes(
                    got.content, item_id, settings, media_type_hint=got.content_type, url=got.url
                )
                hints["url"] = got.url
            else:
                yield reject(item_id, "empty", "feed item has neither full content nor a link")
                continue
        except InputError as exc:
            yield rejection(exc)
            continue
        yield replace(doc, **hints)  # type: ignore[arg-type]
