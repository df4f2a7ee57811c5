"""Readers: files, directories, stdin, URLs (SSRF-safe), feeds, WARC, JSON Lines.

They produce :class:`~warwire.types.RawDocument` records (decoded text plus
hints) or :class:`~warwire.types.Rejection` records; cleaning HTML into text
is :mod:`warwire.clean`'s job.
"""

from __future__ import annotations

from warwire.ingest.decode import decode_text, looks_like_feed, sniff_media_type
from warwire.ingest.fetch import Fetched, fetch_url
from warwire.ingest.raw import read_bytes
from warwire.ingest.readers import read_inputs

__all__ = [
    "Fetched",
    "decode_text",
    "fetch_url",
    "looks_like_feed",
    "read_bytes",
    "read_inputs",
    "sniff_media_type",
]
