"""Bytes from anywhere -> one RawDocument; errors -> Rejections.

``read_bytes`` is the single door every reader (and the REST API, for POSTed
bodies) goes through, so size limits, decoding and media typing are the same
whatever the route.
"""

from __future__ import annotations

from datetime import date

from warwire.config import Settings
from warwire.errors import InputError, one_line
from warwire.ingest.decode import (
    MEDIA_TYPES,
    charset_from_content_type,
    decode_text,
    sniff_media_type,
)
from warwire.types import MediaType, RawDocument, Rejection

STAGE = "ingest"


def too_large(input_id: str, size: int | str, settings: Settings) -> InputError:
    return InputError(
        input_id,
        "too_large",
        f"document of {size} bytes exceeds the limit of {settings.max_document_bytes}",
    )


def read_bytes(
    data: bytes,
    input_id: str,
    settings: Settings,
    *,
    media_type_hint: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """Decode ``data`` and decide its media type.

    ``media_type_hint`` is either a media type (``html``/``markdown``/``text``),
    which is trusted, or an HTTP ``Content-Type`` (which may carry a charset),
    which is weighed with sniffing. Raises InputError / DecodeError.
    """
    if len(data) > settings.max_document_bytes:
        raise too_large(input_id, len(data), settings)
    hint = (media_type_hint or "").strip()
    content_type = hint if "/" in hint else None
    text = decode_text(data, input_id, charset_from_content_type(content_type))
    media: MediaType = sniff_media_type(text, content_type)
    if hint.lower() in MEDIA_TYPES:
        media = hint.lower()  # type: ignore[assignment]
    return RawDocument(input_id=input_id, content=text, media_type=media, url=url)


def rejection(exc: InputError) -> Rejection:
    """The Rejection that reports ``exc`` to the user."""
    return reject(exc.input_id, exc.reason, exc.detail)


def reject(input_id: str, reason: str, detail: str) -> Rejection:
    """A reader's Rejection: input name and detail each one bounded line."""
    return Rejection(STAGE, reason, one_line(detail), one_line(input_id))


def parse_day(value: object) -> date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) -> date; None if absent.

    Raises ValueError for a present but unreadable value.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be a YYYY-MM-DD string, not {type(value).__name__}")
    head = value.strip()[:10]
    return date.fromisoformat(head)
