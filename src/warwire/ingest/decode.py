"""Bytes -> text, and text -> media type.

Readers all meet here so that every input, whatever its route (file, URL,
JSONL line, WARC record, POST body), is decoded and classified the same way.
Decoding refuses what is not text (``binary``), what no encoding explains
(``encoding``) and what holds no text (``empty``) with a
:class:`~warwire.errors.DecodeError`, never with a bare ``UnicodeDecodeError``.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

import charset_normalizer

from warwire.errors import DecodeError
from warwire.types import MediaType

log = logging.getLogger(__name__)

MEDIA_TYPES: frozenset[str] = frozenset({"html", "markdown", "text"})

# Magic numbers of common non-text formats: a PDF or a zip is never an article.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!", "rar"),
    (b"\x7fELF", "ELF"),
    (b"MZ\x90\x00", "executable"),
    (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"SQLite format 3", "SQLite"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels browsers treat as windows-1252 (WHATWG encoding standard).
_CP1252_ALIASES = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)

# Share of control characters above which decoded "text" is really binary.
_MAX_CONTROL_RATIO = 0.05


def _bad(input_id: str, reason: str, detail: str) -> DecodeError:
    return DecodeError(input_id, reason, detail)


def binary_kind(data: bytes) -> str | None:
    """Name the non-text format ``data`` starts with, or None if it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS) or bomless_utf16(data):
        return None
    if b"\x00" in data[:8192]:
        return "NUL bytes"
    return None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` looks like mostly-Latin UTF-16 without a
    byte-order mark (a NUL in every other byte of the head), else None."""
    head = data[:8192]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if head[nul_at::2].count(0) >= 0.9 * pairs and head[1 - nul_at :: 2].count(0) == 0:
            return encoding
    return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=ISO-8859-1`` -> ``ISO-8859-1``."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def _normalise_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _CP1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _only_latin(text: str) -> bool:
    """True when every non-ASCII letter is a Latin letter (no script was recognised)."""
    for ch in text:
        if ord(ch) > 127 and ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _detect(data: bytes) -> str | None:
    """Legacy-encoding guess. Western guesses become cp1252, the web's usual legacy code.

    charset-normalizer cannot tell cp1250 from cp1252 on short English text;
    when its guess shows only Latin letters and cp1252 decodes the bytes, cp1252
    is the better bet for news pages. Guesses that reveal another script
    (Arabic, Cyrillic ...) are kept.
    """
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return _strict(data, "cp1252")
    guessed = str(best)
    if best.encoding not in {"utf_8", "ascii"} and _only_latin(guessed):
        as_1252 = _strict(data, "cp1252")
        if as_1252 is not None:
            return as_1252
    return guessed


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def decode_text(data: bytes, input_id: str, charset: str | None = None) -> str:
    """Decode ``data``: BOM, then UTF-8, then a declared charset, then detection.

    Raises DecodeError with reason ``binary``, ``encoding`` or ``empty``.
    """
    if not data.strip():
        raise _bad(input_id, "empty", "empty document")
    kind = binary_kind(data)
    if kind:
        raise _bad(input_id, "binary", f"binary content ({kind}), not text")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise _bad(input_id, "encoding", f"invalid {encoding} after a byte-order mark")
            text = text.lstrip("\ufeff")
            break
    if text is None:
        text = _strict(data, "utf-8")
    utf16 = bomless_utf16(data) if text is None or "\x00" in text else None
    if utf16:
        text = _strict(data, utf16)
    if text is None:
        declared = _normalise_label(charset)
        if declared is None:
            m = _META_CHARSET.search(data[:4096])
            declared = _normalise_label(m.group(1).decode("ascii", "replace") if m else None)
        if declared and declared not in {"utf-8", "utf_8"}:
            text = _strict(data, declared)
    if text is None:
        text = _detect(data)
    if text is None:
        raise _bad(input_id, "encoding", "not valid UTF-8 or any recognised encoding")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _bad(input_id, "binary", "binary content (control characters), not text")
    if not text.strip():
        raise _bad(input_id, "empty", "empty document")
    return text


# --------------------------------------------------------------------------- media type

_HTML_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<p[\s>]|<article[\s>]", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MD_LINK = re.compile(r"!?\[[^\[\]\n]+\]\([^)\s]+[^)]*\)")  # no "[" inside: linear
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)\S[^\n]*?\S\1(?![\w*])")
_MD_LIST_OR_QUOTE = re.compile(r"^(?:\s{0,3}[-*+]\s+\S|>\s+\S)", re.M)
_FEED_TOP = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"
    r"<(?:rss|feed|rdf:RDF)[\s>]",
    re.I | re.S,
)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def looks_like_feed(text: str, content_type: str | None = None) -> bool:
    """RSS/Atom/RDF by content type, or by its root element at the top of the text."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in _FEED_TYPES:
        return True
    return bool(_FEED_TOP.match(text[:4096]))


def sniff_media_type(text: str, content_type: str | None = None) -> MediaType:
    """Classify by content type when it says html/markdown, else by the text itself."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in {"text/html", "application/xhtml+xml"}:
        return "html"
    if ctype in {"text/markdown", "text/x-markdown"}:
        return "markdown"
    head = text[:8192]
    if _HTML_MARKERS.search(head):
        return "html"
    signals = sum(
        bool(p.search(head)) for p in (_MD_HEADING, _MD_LINK, _MD_EMPHASIS, _MD_LIST_OR_QUOTE)
    )
    if _MD_HEADING.search(head) or _MD_LINK.search(head) or signals >= 2:
        return "markdown"
    return "text"


_EXTENSION_TYPES: dict[str, MediaType] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}


def media_type_for_name(name: str) -> MediaType | None:
    """Media type implied by a file name's extension, if it implies one."""
    lower = name.lower()
    for ext, media in _EXTENSION_TYPES.items():
        if lower.endswith(ext):
            return media
    return None
