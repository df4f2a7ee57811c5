from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from warwire.clean import clean_document, content_id
from warwire.clean.metadata import byline, dateline, original_source, wire_dateline
from warwire.types import RawDocument


def test_dateline_with_name_in_both_orders() -> None:
    assert dateline("Global Research, May 26, 2020") == (dateline("Global Research, May 26, 2020"))
    first = dateline("Global Research, May 26, 2020")
    assert first is not None and first.name == "Global Research"
    assert first.when == date(2020, 5, 26)
    second = dateline("South Front 25 May 2020")
    assert second is not None and second.name == "South Front"
    assert second.when == date(2020, 5, 25)


def test_sentence_is_not_a_dateline() -> None:
    assert dateline("The siege began on May 3, 2020 and has not been lifted.") is None


def test_byline_and_original_source() -> None:
    assert byline("By Jane Roe") == "Jane Roe"
    assert byline("By the time the convoy arrived, the town had fallen.") is None
    assert original_source("The original source of this article is Example Daily") == (
        "Example Daily"
    )


def test_wire_dateline_prefix() -> None:
    found = wire_dateline("KHARTOUM, Sudan, Jan 5, 2024 (Example Wire) - Troops moved in.")
    assert found is not None
    length, agency, when = found
    assert agency == "Example Wire" and when == date(2024, 1, 5)
    assert "KHARTOUM, Sudan, Jan 5, 2024 (Example Wire) - Troops moved in."[length:] == (
        "Troops moved in."
    )


def test_header_lines_become_metadata_not_text() -> None:
    raw = RawDocument(
        "mem",
        "Convoy hit near Gao\n\nBy Desk Writer\n\nExample Daily, 3 March 2024\n\n"
        "Region: Sahel\n\nGunmen attacked a convoy near Gao on Saturday.\n\n"
        "The original source of this article is Example Daily\n",
        "text",
    )
    doc = clean_document(raw)
    assert doc.title == "Convoy hit near Gao"
    assert doc.source.author == "Desk Writer"
    assert doc.source.publisher == "Example Daily"
    assert doc.source.original_source is None  # the same outlet is not an original source
    assert doc.published == date(2024, 3, 3)
    assert doc.text == "Gunmen attacked a convoy near Gao on Saturday."


def test_hints_win_over_page_metadata() -> None:
    raw = RawDocument(
        "j1",
        "Example Daily, 3 March 2024\n\nGunmen attacked a convoy near Gao on Saturday.",
        "text",
        title="Given title",
        published=date(2024, 3, 4),
        publisher="Hinted Outlet",
    )
    doc = clean_document(raw)
    assert (doc.title, doc.source.publisher, doc.published) == (
        "Given title",
        "Hinted Outlet",
        date(2024, 3, 4),
    )


def test_content_id_depends_on_text_and_outlet_only() -> None:
    assert content_id("a  b\nc", "X", None) == content_id("a b c", "x", None)
    assert content_id("a b c", "X", None) != content_id("a b c", "Y", None)


@given(st.text(max_size=200))
def test_dateline_parser_never_raises(text: str) -> None:
    dateline(text)
    wire_dateline(text)


def test_posted_on_is_a_date_not_a_publisher() -> None:
    found = dateline("Posted on March 3, 2024")
    assert found is not None and found.name is None and found.when == date(2024, 3, 3)
    doc = clean_document(
        RawDocument("p", "Posted on March 3, 2024\n\nGunmen attacked a convoy on Saturday.", "text")
    )
    assert doc.source.publisher is None
    assert doc.published == date(2024, 3, 3)
