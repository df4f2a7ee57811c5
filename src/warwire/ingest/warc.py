"""WARC archives (plain or gzipped): each archived HTML page is a document.

Only ``response`` records with an HTML (or XHTML) body and a 2xx status,
``resource`` records with HTML, and ``conversion`` records (text derived from
a capture) are read; requests, metadata and images are skipped. The target
URI names each document.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.raw import read_bytes, reject, rejection, too_large
from warwire.types import RawDocument, Rejection

log = logging.getLogger(__name__)

# warcio joins a header line's blocks one by one (quadratic in the line), so a
# run without a newline longer than any record we would read is refused.
EXPANSION_FLOOR = 32 * 2**20  # any archive may expand this far...
EXPANSION_RATIO = 20  # ...and a bigger one this many times its compressed size (HTML: ~5)
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"


class _Guarded(io.RawIOBase):
    """An archive's WARC bytes as a stream that refuses to expand past
    ``limit`` bytes or run ``line_limit`` bytes without a newline: a small
    bomb or a hostile header line is one rejection, not gigabytes or hours."""

    def __init__(self, source: BinaryIO, name: str, limit: int | None, line_limit: int) -> None:
        self._source = source
        self._name = name
        self._limit = limit
        self._line_limit = line_limit
        self._read = 0
        self._since_newline = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = len(buffer)
        if self._limit is not None:
            want = max(0, min(want, self._limit + 1 - self._read))
        data = self._source.read(want)
        self._read += len(data)
        if self._limit is not None and self._read > self._limit:
            self._refuse(f"archive expands past {self._limit} bytes")
        newline = data.rfind(b"\n")
        self._since_newline = (
            len(data) - 1 - newline if newline >= 0 else self._since_newline + len(data)
        )
        if self._since_newline > self._line_limit:
            self._refuse(f"a line runs past {self._line_limit} bytes")
        buffer[: len(data)] = data
        return len(data)

    def _refuse(self, why: str) -> None:
        raise InputError(self._name, "too_large", f"{why}; not read")


def expansion_limit(stream: BinaryIO) -> int:
    try:
        compressed = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        compressed = 0
    return max(EXPANSION_FLOOR, EXPANSION_RATIO * compressed)


def _opened(stream: BinaryIO, name: str, settings: Settings, limit: int | None) -> BinaryIO:
    """The archive as a guarded stream of WARC bytes; not starting like one is a
    rejection before anything large is read."""
    head = stream.read(2)
    stream.seek(-len(head), os.SEEK_CUR)
    line_limit = max(8 * 2**20, 2 * settings.max_document_bytes)
    if head == _GZIP_MAGIC:
        source: BinaryIO = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        guarded = _Guarded(source, name, limit or expansion_limit(stream), line_limit)
    else:
        guarded = _Guarded(stream, name, None, line_limit)
    expanded = io.BufferedReader(guarded)
    if not expanded.peek(len(_WARC_MAGIC)).startswith(_WARC_MAGIC):
        raise InputError(name, "malformed", "not a WARC file (no WARC record header)")
    return expanded


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


def read_warc(
    stream: BinaryIO, name: str, settings: Settings, expansion: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """Yield the archived pages in ``stream`` (a .warc or .warc.gz file) in order.

    A gzipped archive is decompressed here, as a stream capped at
    ``expansion`` bytes (default: :func:`expansion_limit`).
    """
    count = 0
    try:
        archive = _opened(stream, name, settings, expansion)
        for number, record in enumerate(ArchiveIterator(archive), start=1):
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
    except InputError as exc:
        yield rejection(exc)
        return
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield reject(name, "malformed", f"not a readable WARC file: {exc}")
        return
    if count == 0:
        yield reject(name, "empty", "WARC file holds no HTML or text records")
