from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.clean import clean_document
from warwire.clean.markup import markdown_paragraphs, normalise, unwrap
from warwire.errors import InputError
from warwire.types import RawDocument


def test_markdown_links_emphasis_and_headings() -> None:
    got = markdown_paragraphs(
        "# A title\n\n*Lead with **bold** words and a [link](http://x.example).*\n\n"
        "- a bullet item\n\n<https://example.org/page>\n"
    )
    assert got.title == "A title"
    assert got.paragraphs == [
        "Lead with bold words and a link.",
        "a bullet item",
        "https://example.org/page",
    ]


def test_unwrap_joins_hard_wrapped_prose_only() -> None:
    lines = ["Rebels shelled the", "town overnight.", "Second paragraph.", "", "Third."]
    assert unwrap(lines) == ["Rebels shelled the town overnight.", "Second paragraph.", "Third."]


def test_truncated_html_still_yields_text() -> None:
    html = (
        "<html><body><article><h1>Clash in Kidal</h1><p>Fighting broke out in Kidal on"
        " Monday between the army and armed groups, residents said, as both sides"
        " reinforced their positions around the airport and the town's southern entrance."
        "<p>More text that is cut"
    )
    doc = clean_document(RawDocument("t.html", html, "html"))
    assert "Fighting broke out in Kidal" in doc.text


def test_nothing_left_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        clean_document(RawDocument("e.md", "Disclaimer: nothing here.\n\n*\n", "markdown"))
    assert err.value.reason == "no_text"


@given(st.text(max_size=400))
def test_markdown_cleaning_never_raises_and_is_normalised(text: str) -> None:
    got = markdown_paragraphs(text)
    for paragraph in got.paragraphs:
        assert paragraph == paragraph.strip()
        assert "\n" not in paragraph


@given(st.text(max_size=200))
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)
