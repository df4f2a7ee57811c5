"""Files, directories, stdin, JSON Lines and WARC through read_inputs."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warwire.config import Settings
from warwire.ingest import files as files_module
from warwire.ingest import read_inputs
from warwire.types import RawDocument, Rejection


def run(inputs: list[str], settings: Settings) -> list[RawDocument | Rejection]:
    return list(read_inputs(inputs, settings))


def only_rejection(items: list[RawDocument | Rejection]) -> Rejection:
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    assert items[0].stage == "ingest"
    return items[0]


def test_missing_file(settings: Settings, tmp_path: Path) -> None:
    rej = only_rejection(run([str(tmp_path / "nope.html")], settings))
    assert rej.reason == "missing" and rej.input_id == str(tmp_path / "nope.html")


def test_unreadable_directory(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("hidden away")

    def refuse(path: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(files_module.os, "scandir", refuse)
    rej = only_rejection(run([str(locked)], settings))
    assert rej.reason == "unreadable" and rej.input_id == str(locked)


def test_unreadable_file(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>secret</p>")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files_module, "open", refuse, raising=False)
    assert only_rejection(run([str(path)], settings)).reason == "unreadable"


def test_binary_empty_and_too_large(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "doc.pdf.html").write_bytes(b"%PDF-1.4 binary stuff")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "huge.txt").write_text("word " * 30_000)
    names = ["doc.pdf.html", "empty.txt", "blank.md", "huge.txt"]
    items = run([str(tmp_path / n) for n in names], settings)
    assert [(i.reason if isinstance(i, Rejection) else None) for i in items] == [
        "binary",
        "empty",
        "empty",
        "too_large",
    ]
    assert all(isinstance(i, Rejection) and i.input_id for i in items)


def test_cp1252_file_decoded(settings: Settings, tmp_path: Path) -> None:
    text = "Le café – “quoted” news from the front."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = run([str(path)], settings)
    assert isinstance(doc, RawDocument) and doc.content == text and doc.media_type == "text"


def test_directory_order_skips_hidden_and_unknown(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Z\n\nzed")
    (tmp_path / "b" / "a.htm").write_text("<p>a in b</p>")
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "c.html").write_text("<p>c</p>")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too")
    docs = run([str(tmp_path)], settings)
    assert all(isinstance(d, RawDocument) for d in docs)
    got = [os.path.relpath(d.input_id, tmp_path) for d in docs if d.input_id]
    assert got == ["a.txt", os.path.join("b", "a.htm"), os.path.join("b", "z.md"), "c.html"]
    assert [d.media_type for d in docs if isinstance(d, RawDocument)] == [
        "text",
        "html",
        "markdown",
        "html",
    ]


def test_directly_named_unknown_extension_is_sniffed(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "article.data"
    path.write_text("<!doctype html><html><body><p>hi</p></body></html>")
    (doc,) = run([str(path)], settings)
    assert isinstance(doc, RawDocument) and doc.media_type == "html"


def test_jsonl_with_a_malformed_line(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Shelling hit the market.",
                "published": "2020-05-18",
                "source": "Daily Wire Service",
                "title": "Market shelled",
            }
        ),
        "{not json",
        "",
        json.dumps({"html": "<p>Second</p>", "url": "https://example.org/2"}),
        json.dumps({"id": "a3", "text": "x", "published": "18/05/2020"}),
        json.dumps({"id": "a4", "title": "no body"}),
        json.dumps({"id": 5, "text": "Third"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = run([str(path)], settings)
    assert len(items) == 6
    first = items[0]
    assert isinstance(first, RawDocument)
    assert (first.input_id, first.published, first.publisher, first.title, first.media_type) == (
        "a1",
        date(2020, 5, 18),
        "Daily Wire Service",
        "Market shelled",
        "text",
    )
    bad = items[1]
    assert isinstance(bad, Rejection) and bad.reason == "malformed"
    assert bad.input_id == f"{path}:2" and bad.message().startswith(f"{path}:2: invalid JSON")
    assert f"{path}:2" not in bad.detail  # named once on the line, not twice
    second = items[2]
    assert isinstance(second, RawDocument)
    assert (second.input_id, second.media_type, second.url) == (
        f"{path}:4",
        "html",
        "https://example.org/2",
    )
    assert isinstance(items[3], Rejection) and items[3].reason == "malformed"
    assert isinstance(items[4], Rejection) and items[4].reason == "malformed"
    assert isinstance(items[5], RawDocument) and items[5].input_id == "5"


def test_jsonl_oversized_document(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "y" * 200}) + "\n")
    rej = only_rejection(run([str(path)], Settings(max_document_bytes=100)))
    assert rej.reason == "too_large"


def test_stdin_sniffing(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    for body, media in [
        ("<html><body><p>x</p></body></html>", "html"),
        ("## Update\n\nFighting continued.", "markdown"),
        ("Fighting continued overnight.", "text"),
    ]:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body.encode())))
        (doc,) = run(["-"], settings)
        assert isinstance(doc, RawDocument)
        assert (doc.input_id, doc.media_type, doc.content) == ("<stdin>", media, body)


def test_stdin_jsonl_and_empty(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s1", "text": "one"}\n'))
    (doc,) = run(["-"], settings)
    assert isinstance(doc, RawDocument) and doc.input_id == "s1"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert only_rejection(run(["-"], settings)).reason == "empty"


def _write_warc(path: Path, article_html: str) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        pages = [
            ("https://news.example/a", "text/html; charset=utf-8", "200 OK", article_html.encode()),
            ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG...."),
            ("https://news.example/gone", "text/html", "404 Not Found", b"<p>gone</p>"),
            (
                "https://news.example/b",
                "text/html; charset=windows-1252",
                "200 OK",
                "<p>Caf\u00e9 \u201cnews\u201d</p>".encode("cp1252"),
            ),
        ]
        for uri, ctype, status, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
        conv = writer.create_warc_record(
            "https://news.example/c",
            "conversion",
            payload=io.BytesIO(b"Converted text body."),
            warc_content_type="text/plain",
        )
        writer.write_record(conv)


@pytest.mark.parametrize("name", ["pages.warc", "pages.warc.gz"])
def test_warc(settings: Settings, tmp_path: Path, article_html: str, name: str) -> None:
    path = tmp_path / name
    _write_warc(path, article_html)
    docs = run([str(path)], settings)
    assert [d.input_id for d in docs] == [
        "https://news.example/a",
        "https://news.example/b",
        "https://news.example/c",
    ]
    a, b, c = docs
    assert isinstance(a, RawDocument) and a.media_type == "html" and a.content == article_html
    assert isinstance(b, RawDocument) and b.content == "<p>Caf\u00e9 \u201cnews\u201d</p>"
    assert isinstance(c, RawDocument) and c.media_type == "text"


def test_corrupt_warc(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_text("this is not a warc file\n")
    assert only_rejection(run([str(path)], settings)).reason == "malformed"


def test_batch_continues_after_bad_inputs(settings: Settings, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A good document.")
    items = run([str(tmp_path / "missing.txt"), "ftp://example.org/x", str(good)], settings)
    assert [type(i).__name__ for i in items] == ["Rejection", "Rejection", "RawDocument"]
    assert isinstance(items[1], Rejection) and items[1].reason == "bad_url"


def test_parser_crash_becomes_rejection(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr("warwire.ingest.feeds.feedparser.parse", explode)
    feed = tmp_path / "f.rss"
    feed.write_text('<rss version="2.0"><channel></channel></rss>')
    good = tmp_path / "g.txt"
    good.write_text("still read")
    first, second = run([str(feed), str(good)], settings)
    assert isinstance(first, Rejection) and first.reason == "read_error"
    assert isinstance(second, RawDocument)


def test_xml_skipped_in_directories(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text("<urlset></urlset>")
    (tmp_path / "a.txt").write_text("text")
    docs = run([str(tmp_path)], settings)
    assert [d.input_id for d in docs] == [str(tmp_path / "a.txt")]
