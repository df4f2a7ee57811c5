"""RSS and Atom feeds: full-content items read in place, teasers fetched by link."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from warwire.config import Settings
from warwire.ingest import read_inputs
from warwire.types import RawDocument, Rejection

LONG_BODY = "<p>" + "Militia fighters shelled the airport road on Monday evening. " * 12 + "</p>"


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Frontline Gazette</title><link>https://gazette.example/</link>"
        f"<description>News</description>{items}</channel></rss>"
    )


def atom(entries: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Monitor</title>'
        "<id>urn:monitor</id><updated>2021-03-02T10:00:00Z</updated>"
        f"{entries}</feed>"
    )


def test_rss_full_content_and_link_only(
    open_settings: Settings, server: Any, tmp_path: Path, article_html: str
) -> None:
    link = server.add("/teaser-story", article_html, headers={"Content-Type": "text/html"})
    items = (
        "<item><title>Airport road shelled</title><link>https://gazette.example/full</link>"
        "<pubDate>Mon, 18 May 2020 09:30:00 GMT</pubDate><dc:creator>R. Staff</dc:creator>"
        "<description>Short teaser.</description>"
        f"<content:encoded><![CDATA[{LONG_BODY}]]></content:encoded></item>"
        f"<item><title>Teaser only</title><link>{escape(link)}</link>"
        "<pubDate>Tue, 19 May 2020 11:00:00 GMT</pubDate>"
        "<description>Read more on our site.</description></item>"
    )
    path = tmp_path / "gazette.rss"
    path.write_text(rss(items))
    full, fetched = list(read_inputs([str(path)], open_settings))
    assert isinstance(full, RawDocument) and isinstance(fetched, RawDocument)
    assert full.input_id == "https://gazette.example/full" and full.media_type == "html"
    assert "airport road" in full.content
    assert (full.title, full.published, full.publisher, full.author) == (
        "Airport road shelled",
        date(2020, 5, 18),
        "Frontline Gazette",
        "R. Staff",
    )
    assert (fetched.input_id, fetched.url, fetched.content) == (link, link, article_html)
    assert (fetched.title, fetched.published) == ("Teaser only", date(2020, 5, 19))
    assert server.seen_hosts == [f"127.0.0.1:{server.port}"]


def test_atom_file_with_xml_extension(open_settings: Settings, server: Any, tmp_path: Path) -> None:
    link = server.add(
        "/atom-story", "Plain story text from the link.", headers={"Content-Type": "text/plain"}
    )
    entries = (
        "<entry><title>Convoy ambushed</title><id>urn:1</id>"
        '<link href="https://monitor.example/convoy"/>'
        "<published>2021-03-01T08:00:00Z</published><updated>2021-03-01T08:00:00Z</updated>"
        "<author><name>Field Desk</name></author>"
        f'<content type="html">{escape(LONG_BODY)}</content></entry>'
        f'<entry><title>Brief</title><id>urn:2</id><link href="{escape(link)}"/>'
        "<updated>2021-03-02T08:00:00Z</updated><summary>Brief note.</summary></entry>"
    )
    path = tmp_path / "monitor.xml"
    path.write_text(atom(entries))
    first, second = list(read_inputs([str(path)], open_settings))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.title, first.published, first.author, first.publisher) == (
        "Convoy ambushed",
        date(2021, 3, 1),
        "Field Desk",
        "Border Monitor",
    )
    assert first.media_type == "html" and "Militia fighters" in first.content
    assert (second.content, second.media_type, second.published) == (
        "Plain story text from the link.",
        "text",
        date(2021, 3, 2),
    )


def test_link_only_item_respects_ssrf(settings: Settings, tmp_path: Path) -> None:
    item = (
        "<item><title>T</title><link>http://127.0.0.1:9/x</link><description>t</description></item>"
    )
    path = tmp_path / "feed.rss"
    path.write_text(rss(item))
    (rej,) = list(read_inputs([str(path)], settings))
    assert isinstance(rej, Rejection) and rej.reason == "private_address"
    assert rej.input_id == "http://127.0.0.1:9/x"


def test_feed_url(open_settings: Settings, server: Any) -> None:
    item = (
        "<item><title>Full</title><link>https://gazette.example/a</link>"
        f"<description>{escape(LONG_BODY)}</description></item>"
    )
    url = server.add("/feed", rss(item), headers={"Content-Type": "application/rss+xml"})
    (doc,) = list(read_inputs([url], open_settings))
    assert isinstance(doc, RawDocument) and doc.publisher == "Frontline Gazette"
    assert doc.input_id == "https://gazette.example/a"


def test_feed_sniffed_from_unknown_extension_and_stdin(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    body = rss(f"<item><title>A</title><description>{escape(LONG_BODY)}</description></item>")
    path = tmp_path / "feed.data"
    path.write_text(body)
    (doc,) = list(read_inputs([str(path)], settings))
    assert isinstance(doc, RawDocument) and doc.input_id == f"{path}#1"
    monkeypatch.setattr("sys.stdin", io.StringIO(body))
    (doc,) = list(read_inputs(["-"], settings))
    assert isinstance(doc, RawDocument) and doc.input_id == "<stdin>#1"


def test_empty_and_broken_feeds(settings: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text(rss(""))
    broken = tmp_path / "broken.atom"
    broken.write_text("<feed><entry><title>unclosed")
    rejs = list(read_inputs([str(empty), str(broken)], settings))
    assert all(isinstance(r, Rejection) for r in rejs)
    reasons = [r.reason for r in rejs if isinstance(r, Rejection)]
    assert reasons[0] == "empty" and len(reasons) == 2
