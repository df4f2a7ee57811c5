"""Headlines, one-line alerts and posts are documents; empty or furniture-only input is not."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.clean import clean_document
from warwire.config import Settings
from warwire.errors import InputError
from warwire.ingest.jsonl import read_jsonl
from warwire.types import RawDocument

HEADLINES = [
    "Gunmen kill three villagers in northern town",
    "Nine soldiers killed in ambush on border patrol: ministry",
    "Bomb blast hits bus station, several hurt",
    "UPDATE 2-Militia seizes river crossing after overnight fighting",
    "Police fire tear gas at students marching on parliament",
]


@pytest.mark.parametrize("line", HEADLINES)
def test_headline_alone_is_a_document(line: str) -> None:
    doc = clean_document(RawDocument("h", line, "text"))
    assert doc.text == line
    assert doc.title == line


@pytest.mark.parametrize("line", HEADLINES)
def test_headline_given_as_title_and_text(line: str) -> None:
    doc = clean_document(RawDocument("h", line, "text", title=line))
    assert doc.text == line
    assert doc.title == line


def test_headline_with_trailing_newline_and_spaces() -> None:
    doc = clean_document(RawDocument("h", "  Rebels shell army base near the airport \n\n", "text"))
    assert doc.text == "Rebels shell army base near the airport"


def test_alert_with_byline_keeps_the_alert() -> None:
    doc = clean_document(
        RawDocument("a", "Curfew imposed after riot in port city\n\nBy Desk Writer", "text")
    )
    assert doc.text == "Curfew imposed after riot in port city"
    assert doc.source.author == "Desk Writer"


def test_post_length_text_is_a_document() -> None:
    post = "Drone strike reported on fuel depot outside the capital, no casualties so far #update"
    doc = clean_document(RawDocument("p", post, "text"))
    assert doc.text == post


def test_headline_as_html_page() -> None:
    html = (
        "<html><head><title>Gunmen raid police post</title></head>"
        "<body><h1>Gunmen raid police post</h1></body></html>"
    )
    doc = clean_document(RawDocument("p.html", html, "html"))
    assert "Gunmen raid police post" in doc.text


def test_headline_line_above_body_becomes_the_title() -> None:
    raw = RawDocument(
        "t", "Convoy hit near river ford\n\nGunmen fired on a supply convoy on Tuesday.", "text"
    )
    doc = clean_document(raw)
    assert doc.title == "Convoy hit near river ford"
    assert doc.text == "Gunmen fired on a supply convoy on Tuesday."


def test_repeated_title_stays_in_the_text() -> None:
    title = "Convoy hit near river ford"
    body = f"{title}\n\nGunmen fired on a supply convoy on Tuesday."
    doc = clean_document(RawDocument("t", body, "text", title=title))
    assert doc.title == title
    assert doc.text.startswith(title)


def test_jsonl_row_with_only_text() -> None:
    line = (
        b'{"id": "h1", "text": "Gunmen kill three villagers in northern town",'
        b' "published": "2021-03-04"}\n'
    )
    (raw,) = list(read_jsonl(io.BytesIO(line), "rows.jsonl", Settings()))
    assert isinstance(raw, RawDocument)
    doc = clean_document(raw)
    assert doc.text == "Gunmen kill three villagers in northern town"
    assert doc.published == date(2021, 3, 4)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\n \t ",
        "Share this article",
        "READ ALSO: Market fire leaves traders counting losses",
        "Leave a comment\n\nSubscribe to our newsletter",
        "By Desk Writer",
        "Example Daily, 3 March 2024",
        "Posted on March 3, 2024",
    ],
)
def test_empty_or_furniture_only_is_rejected(content: str) -> None:
    with pytest.raises(InputError) as err:
        clean_document(RawDocument("e", content, "text"))
    assert err.value.reason == "no_text"


@given(
    st.text(
        alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs")),
        min_size=1,
        max_size=120,
    )
)
def test_any_wordy_line_is_kept_or_rejected_cleanly(line: str) -> None:
    try:
        doc = clean_document(RawDocument("h", line, "text"))
    except InputError as err:
        assert err.reason == "no_text"
    else:
        assert doc.text.strip()
        assert doc.text in unicodedata.normalize("NFC", " ".join(line.split()))


def test_video_title_on_top_of_a_page_is_its_title() -> None:
    raw = RawDocument(
        "v", "Video: Floods sweep the valley road\n\nWater cut the road on Monday.", "text"
    )
    doc = clean_document(raw)
    assert doc.title == "Video: Floods sweep the valley road"
    assert doc.text == "Water cut the road on Monday."


def test_video_title_inside_a_body_is_dropped() -> None:
    raw = RawDocument(
        "v",
        "Floods cut road\n\nWater cut the road on Monday.\n\nVIDEO: Ferries resume on the lake"
        "\n\nCrews began repairs on Tuesday.",
        "text",
    )
    doc = clean_document(raw)
    assert "Ferries" not in doc.text
    assert doc.text.endswith("Crews began repairs on Tuesday.")
