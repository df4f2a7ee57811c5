"""WARC archives (plain or gzipped): each archived HTML page is a document.

Only ``response`` records with an HTML (or XHTML) body and a 2xx status,
``resource`` records with HTML, and ``conversion`` records (text derived from
a capture) are read; requests, metadata and images are skipped. The target
URI names each document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.raw import read_bytes, reject, rejection, too_large
from warwire.types import RawDocument, Rejection

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = (*_HTML_TYPES, "text/plain", "text/markdown")


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _wanted(record: Any) -> bool:
    ctype = _content_type(record).split(";")[0].strip().lower()
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = str(record.http_headers.get_statuscode() or "")
        return status.startswith("2") and ctype in _HTML_TYPES
    if record.rec_type == "resource":
        return ctype in _HTML_TYPES
    if record.rec_type == "conversion":
        return not ctype or ctype in _TEXT_TYPES
    return False


def read_warc(stream: BinaryIO, name: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """Yield the archived pages in ``stream`` (a .warc or .warc.gz file) in order."""
    count = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if not str(record.format).startswith("warc"):
                yield reject(name, "malformed", "not a WARC file (no WARC record header)")
                return
            if not _wanted(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            input_id = str(uri) if uri else f"{name}#{number}"
            body = record.content_stream().read(settings.max_document_bytes + 1)
            count += 1
            try:
                if len(body) > settings.max_document_bytes:
                    raise too_large(input_id, f"more than {settings.max_document_bytes}", settings)
                hint = _content_type(record) or None
                if record.rec_type == "conversion" and not hint:
                    hint = "text"
                yield read_bytes(
                    body, input_id, settings, media_type_hint=hint, url=str(uri) if uri else None
                )
            except InputError as exc:
                yield rejection(exc)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield reject(name, "malformed", f"not a readable WARC file: {exc}")
        return
    if count == 0:
        yield reject(name, "empty", "WARC file holds no HTML or text records")
