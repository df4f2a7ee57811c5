"""Decoding and sniffing: bytes -> str or a DecodeError with a stable reason."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.config import Settings
from warwire.errors import DecodeError, InputError
from warwire.ingest import decode_text, looks_like_feed, read_bytes, sniff_media_type

WESTERN = "The café – “quoted” said the naïve reporter in Zürich, 3 km away."


def test_utf8_and_bom() -> None:
    assert decode_text(WESTERN.encode("utf-8"), "x") == WESTERN
    assert decode_text(codecs.BOM_UTF8 + WESTERN.encode("utf-8"), "x") == WESTERN
    assert decode_text(WESTERN.encode("utf-16"), "x") == WESTERN


@pytest.mark.parametrize("sample", ["café – “quoted”", WESTERN])
def test_cp1252_round_trip(sample: str) -> None:
    data = sample.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data, "x") == sample


def test_arabic_cp1256_kept() -> None:
    text = "قالت مصادر محلية إن الاشتباكات تجددت قرب المدينة يوم الثلاثاء"
    assert decode_text(text.encode("cp1256"), "x") == text


def test_declared_charset_wins() -> None:
    text = "Ceci est un résumé de l’événement."
    html = f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p>'
    assert text in decode_text(html.encode("cp1252"), "x")
    assert decode_text("naïve".encode("cp1252"), "x", charset="ISO-8859-1") == "naïve"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj",
        b"\x89PNG\r\n\x1a\n....",
        b"PK\x03\x04zip",
        b"\x1f\x8b\x08gz",
        b"text with a \x00 NUL byte",
    ],
)
def test_binary_rejected(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode_text(data, "x")
    assert info.value.reason == "binary"


def test_control_characters_are_binary() -> None:
    with pytest.raises(DecodeError) as info:
        decode_text(bytes(range(1, 9)) * 50, "x")
    assert info.value.reason == "binary"


def test_bad_utf16_after_bom_is_encoding_error() -> None:
    with pytest.raises(DecodeError) as info:
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8", "x")  # lone surrogate
    assert info.value.reason == "encoding"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"])
def test_empty_rejected(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode_text(data, "x")
    assert info.value.reason == "empty"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("<p>Just a paragraph</p>", "html"),
        ("<BODY>shouting</BODY>", "html"),
        ("# Headline\n\nSome text.", "markdown"),
        ("Read [the report](https://example.org/r) today.", "markdown"),
        ("- first point\n- **bold** second", "markdown"),
        ("Plain words. Nothing else; 3 < 4 and a*b.", "text"),
        ("#hashtag is not a heading", "text"),
    ],
)
def test_sniff_media_type(text: str, expected: str) -> None:
    assert sniff_media_type(text) == expected


def test_content_type_beats_sniffing() -> None:
    assert sniff_media_type("plain", "text/html; charset=utf-8") == "html"
    assert sniff_media_type("plain", "text/markdown") == "markdown"


def test_feed_detection() -> None:
    assert looks_like_feed('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')
    assert looks_like_feed('<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed("<rdf:RDF xmlns:rdf='x'>")
    assert looks_like_feed("anything", "application/rss+xml; charset=utf-8")
    assert not looks_like_feed("<html><body>an article about <rss> feeds</body></html>")


def test_read_bytes_hints_and_limits() -> None:
    cfg = Settings(max_document_bytes=50)
    doc = read_bytes(b"# Title\n\nbody", "in", cfg, url="https://example.org/a")
    assert (doc.media_type, doc.url, doc.input_id) == ("markdown", "https://example.org/a", "in")
    assert read_bytes(b"<p>x</p>", "in", cfg, media_type_hint="text").media_type == "text"
    doc = read_bytes("é".encode("cp1252"), "in", cfg, media_type_hint="text/plain; charset=cp1252")
    assert doc.content == "é"
    with pytest.raises(InputError) as info:
        read_bytes(b"x" * 51, "in", cfg)
    assert info.value.reason == "too_large"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decoder_never_raises_anything_else(data: bytes) -> None:
    try:
        text = decode_text(data, "fuzz")
    except DecodeError as exc:
        assert exc.reason in {"binary", "encoding", "empty"}
        return
    assert isinstance(text, str) and text.strip()
    assert sniff_media_type(text) in {"html", "markdown", "text"}
    assert isinstance(looks_like_feed(text), bool)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        assert decode_text(text.encode("utf-8"), "fuzz") == text.lstrip("\ufeff")
    except DecodeError as exc:
        assert exc.reason in {"binary", "empty"}
