"""``read_inputs``: any mix of paths, directories, ``-`` and URLs -> documents.

Nothing an input contains can stop the batch: every failure becomes a
Rejection naming the input, and the next input is read.
"""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.decode import looks_like_feed
from warwire.ingest.feeds import read_feed
from warwire.ingest.fetch import fetch_url
from warwire.ingest.files import head_text, read_document_bytes, read_path
from warwire.ingest.jsonl import read_jsonl
from warwire.ingest.raw import reject, rejection, too_large
from warwire.types import RawDocument, Rejection

log = logging.getLogger(__name__)

STDIN_ID = "<stdin>"
_URL = re.compile(r"^https?://", re.I)
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_JSONL_LINE = re.compile(rb"^\s*\{.*\}\s*$")


def _looks_like_jsonl(data: bytes) -> bool:
    lines = [line for line in data.lstrip(b"\xef\xbb\xbf").splitlines()[:20] if line.strip()]
    return bool(lines) and all(_JSONL_LINE.match(line) for line in lines)


def read_stdin(
    settings: Settings, stream: IO[str] | IO[bytes] | None = None
) -> Iterator[RawDocument | Rejection]:
    """Standard input: sniffed as a feed, JSON Lines, HTML, Markdown or text."""
    source = stream if stream is not None else sys.stdin
    buffer = getattr(source, "buffer", None)
    raw = (buffer or source).read(settings.max_document_bytes + 1)
    data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    if len(data) > settings.max_document_bytes:
        yield rejection(too_large(STDIN_ID, f"more than {settings.max_document_bytes}", settings))
        return
    if _looks_like_jsonl(data):
        yield from read_jsonl(io.BytesIO(data), STDIN_ID, settings)
        return
    yield from read_document_bytes(data, STDIN_ID, settings, None)


def read_url(url: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """An http(s) page or feed, fetched with SSRF checks on every hop."""
    fetched = fetch_url(url, settings)
    if looks_like_feed(head_text(fetched.content), fetched.content_type):
        yield from read_feed(fetched.content, url, settings, url=fetched.url)
        return
    yield from read_document_bytes(fetched.content, url, settings, None, url=fetched.url)


def _read_one(item: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    if item == "-":
        return read_stdin(settings)
    if _URL.match(item):
        return read_url(item, settings)
    if _OTHER_SCHEME.match(item):
        return iter([reject(item, "bad_url", "only http and https URLs are fetched")])
    return read_path(item, settings)


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[RawDocument | Rejection]:
    """Yield a RawDocument or a Rejection for everything in ``inputs``, in order.

    Streams: one file (or feed item, or JSONL line) at a time. Never raises
    for a bad input.
    """
    for item in inputs:
        try:
            yield from _read_one(item, settings)
        except InputError as exc:
            yield rejection(exc)
        except OSError as exc:
            yield reject(item, "unreadable", f"cannot read: {exc}")
        except Exception as exc:  # a parser library choking on hostile input
            log.exception("unexpected error reading %s", item)
            yield reject(item, "read_error", f"could not read: {type(exc).__name__}: {exc}")
