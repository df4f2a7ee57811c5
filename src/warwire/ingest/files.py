"""Files and directories -> documents, streamed one file at a time.

Directories are walked depth-first in name order (so runs are reproducible),
skipping hidden entries, symlinked directories (no loops) and files whose
extension is not an input format (``.xml`` too: in a tree it is more often a
sitemap or config than a feed; name it directly to read it as one). A file
named directly on the command line is read whatever its extension, provided
it decodes as text.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from typing import Literal

from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.decode import looks_like_feed, media_type_for_name
from warwire.ingest.feeds import read_feed
from warwire.ingest.jsonl import read_jsonl
from warwire.ingest.raw import read_bytes, reject, rejection, too_large
from warwire.ingest.warc import read_warc
from warwire.types import RawDocument, Rejection

log = logging.getLogger(__name__)

Kind = Literal["warc", "jsonl", "feed", "html", "markdown", "text"]
_FEED_SUFFIXES = (".rss", ".atom", ".xml")


def kind_of(name: str) -> Kind | None:
    """The input format a file name's extension announces, or None."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    if lower.endswith(".jsonl"):
        return "jsonl"
    if lower.endswith(_FEED_SUFFIXES):
        return "feed"
    return media_type_for_name(lower)


def _os_rejection(path: str, exc: OSError) -> Rejection:
    if isinstance(exc, FileNotFoundError):
        return reject(path, "missing", "no such file or directory")
    if isinstance(exc, PermissionError):
        return reject(path, "unreadable", "permission denied")
    return reject(path, "unreadable", f"cannot read: {exc.strerror or exc}")


def _walkable(name: str) -> bool:
    return kind_of(name) is not None and not name.lower().endswith(".xml")


def walk(path: str) -> Iterator[str | Rejection]:
    """Input files under directory ``path``, depth-first in name order."""
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _os_rejection(path, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError as exc:
            yield _os_rejection(entry.path, exc)
            continue
        if is_dir:
            yield from walk(entry.path)
        elif (
            is_file and kind_of(entry.name) is not None and not entry.name.lower().endswith(".xml")
        ):
            yield entry.path
        else:
            log.debug("skipping %s: not an input format", entry.path)


def head_text(data: bytes) -> str:
    return data[:4096].decode("utf-8", "replace").lstrip("\ufeff")


def read_document_bytes(
    data: bytes, input_id: str, settings: Settings, kind: Kind | None, url: str | None = None
) -> Iterator[RawDocument | Rejection]:
    """Whole-file bytes -> a feed's items or one document."""
    if kind == "feed" or (kind is None and looks_like_feed(head_text(data))):
        yield from read_feed(data, input_id, settings, url=url)
        return
    try:
        yield read_bytes(data, input_id, settings, media_type_hint=kind, url=url)
    except InputError as exc:
        yield rejection(exc)


def read_file(path: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """One file of any supported kind; unknown extensions are sniffed."""
    kind = kind_of(path)
    try:
        if kind in ("warc", "jsonl"):
            with open(path, "rb") as stream:
                reader = read_warc if kind == "warc" else read_jsonl
                yield from reader(stream, path, settings)
            return
        size = os.stat(path).st_size
        if size > settings.max_document_bytes:
            yield rejection(too_large(path, size, settings))
            return
        with open(path, "rb") as stream:
            data = stream.read(settings.max_document_bytes + 1)
    except OSError as exc:
        yield _os_rejection(path, exc)
        return
    if len(data) > settings.max_document_bytes:  # grew since stat, or a device
        yield rejection(too_large(path, len(data), settings))
        return
    yield from read_document_bytes(data, path, settings, kind)


def read_path(path: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """A file or a directory (recursively) named by the user."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield _os_rejection(path, exc)
        return
    if not stat.S_ISDIR(mode):
        if not stat.S_ISREG(mode):
            log.debug("%s is not a regular file; reading it anyway", path)
        yield from read_file(path, settings)
        return
    for item in walk(path):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, settings)
