"""JSON Lines: one document per line, read as a stream.

A bad line costs only that line (invalid, too deep, a number too long,
too large): it becomes one Rejection naming ``file:line`` and the reader
moves on. ``text`` is kept as plain text (offsets
then index it exactly as given); ``html`` goes to the cleaner.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from warwire.config import Settings
from warwire.ingest.raw import parse_day, reject
from warwire.types import MediaType, RawDocument, Rejection


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return value.strip() or None


def parse_record(record: object, where: str, settings: Settings) -> RawDocument | Rejection:
    """One decoded JSON value -> a document, or a Rejection saying what is wrong."""
    if not isinstance(record, dict):
        return reject(where, "malformed", "line is not a JSON object")
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | type(None)):
        return reject(where, "malformed", "'id' must be a string or a number")
    input_id = str(raw_id) if raw_id not in (None, "") else where
    media: MediaType
    if isinstance(record.get("html"), str) and record["html"]:
        content, media = str(record["html"]), "html"
    elif isinstance(record.get("text"), str):
        content, media = str(record["text"]), "text"
    else:
        return reject(
            input_id, "malformed", _at(where, input_id, "needs a 'text' or 'html' string")
        )
    if not content.strip():
        return reject(input_id, "empty", _at(where, input_id, "empty document"))
    size = len(content.encode("utf-8"))
    if size > settings.max_document_bytes:
        detail = f"document of {size} bytes exceeds {settings.max_document_bytes}"
        return reject(input_id, "too_large", _at(where, input_id, detail))
    try:
        published = parse_day(record.get("published"))
        return RawDocument(
            input_id=input_id,
            content=content,
            media_type=media,
            url=_optional_str(record, "url"),
            title=_optional_str(record, "title"),
            published=published,
            publisher=_optional_str(record, "source"),
            author=_optional_str(record, "author"),
        )
    except ValueError as exc:
        return reject(input_id, "malformed", _at(where, input_id, str(exc)))


def read_jsonl(
    stream: BinaryIO, name: str, settings: Settings
) -> Iterator[RawDocument | Rejection]:
    """Yield one document or Rejection per non-blank line of ``stream``."""
    limit = settings.max_document_bytes * 2 + 4096  # JSON escaping can double the bytes
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(limit + 1)
            yield reject(where, "too_large", f"line exceeds {limit} bytes")
            continue
        if line.strip():
            yield parse_line(line, where, settings, first=lineno == 1)


def _at(where: str, input_id: str, detail: str) -> str:
    """The line's place in its file, when the record's own id does not already say it."""
    return detail if input_id == where else f"{where}: {detail}"


def parse_line(
    line: bytes, where: str, settings: Settings, first: bool = False
) -> RawDocument | Rejection:
    """One non-blank line (``first``: may start with a BOM) -> a document or a Rejection."""
    try:
        record = json.loads(line.decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError:
        return reject(where, "encoding", "line is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return reject(where, "malformed", f"invalid JSON ({exc.msg})")
    except RecursionError:
        return reject(where, "malformed", "JSON nested too deeply")
    except ValueError:  # an integer past Python's digit limit
        return reject(where, "malformed", "JSON number too long")
    return parse_record(record, where, settings)
