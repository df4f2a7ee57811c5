"""Hostile markup and text: cleaning keeps the article and bounds what later
stages get (token and line lengths), whatever the input's shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.clean import clean_document
from warwire.clean.markup import LINE_MAX, TAG_MAX, TOKEN_MAX, bounded, tame_markup
from warwire.types import RawDocument

ARTICLE = "Rebels shelled a checkpoint outside the port on Friday, killing two guards."


def test_article_inside_deep_divs_keeps_its_text() -> None:
    html = f"<html><body>{'<div>' * 400}<p>{ARTICLE}</p>{'</div>' * 400}</body></html>"
    doc = clean_document(RawDocument("deep.html", html, "html"))
    assert ARTICLE in doc.text


def test_tag_with_huge_attribute_count_is_tamed() -> None:
    attrs = " ".join(f"x{i}=1" for i in range(20_000))
    html = f"<p {attrs}>{ARTICLE}</p>"
    tamed = tame_markup(html)
    assert tamed == f"<p>{ARTICLE}</p>"
    doc = clean_document(RawDocument("attrs.html", html, "html"))
    assert ARTICLE in doc.text


def test_ordinary_tags_keep_their_attributes() -> None:
    html = '<a href="https://example.org/x" class="y">link</a>' + f'<p title="{"t" * 100}">x</p>'
    assert tame_markup(html) == html
    assert TAG_MAX > 1000


def test_long_line_is_split_not_dropped() -> None:
    sentence = "Militia fighters raided a village and burned houses. "
    body = sentence * 40_000  # ~2 MB on one line: past spaCy's 1,000,000 characters
    doc = clean_document(RawDocument("long.txt", "Raids\n\n" + body, "text"))
    lines = doc.text.split("\n\n")
    assert max(map(len, lines)) <= LINE_MAX
    assert "".join(doc.text.split()) == "".join(body.split())
    assert all(line.endswith("houses.") for line in lines)


def test_punctuation_run_is_broken_into_tokens() -> None:
    doc = clean_document(RawDocument("p.txt", f"T\n\n{ARTICLE}\n\n" + "[" * 20_000, "text"))
    assert ARTICLE in doc.text
    assert max(len(token) for token in doc.text.split()) <= TOKEN_MAX
    assert doc.text.count("[") == 20_000


def test_ogham_space_run_is_one_space() -> None:
    doc = clean_document(RawDocument("o.txt", "a" + "\u1680" * 5000 + "a\n\n" + ARTICLE, "text"))
    assert doc.text.startswith("a a") or ARTICLE in doc.text
    assert "\u1680" not in doc.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=5000), min_size=1, max_size=4))
def test_bounded_keeps_every_character_in_bounded_pieces(paragraphs: list[str]) -> None:
    out = bounded(paragraphs)
    assert all(0 < len(p) <= LINE_MAX for p in out)
    assert all(len(token) <= TOKEN_MAX for p in out for token in p.split(" "))
    assert "".join("".join(out).split()) == "".join("".join(paragraphs).split())


_PIECES = [*"<>/=\"' ab\n\t[]&;#!-\u1680\x00", "<div>", "</p>", "<p x=1>", "<!--", "Rebels"]
_HOSTILE = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


@settings(max_examples=150, deadline=None)
@given(_HOSTILE, st.sampled_from(["html", "text", "markdown"]))
def test_cleaning_never_raises_but_input_error(content: str, media: str) -> None:
    from warwire.errors import InputError

    try:
        doc = clean_document(RawDocument("h", content, media))  # type: ignore[arg-type]
    except InputError:
        return
    assert doc.text.strip()
    assert all(len(line) <= LINE_MAX for line in doc.text.split("\n"))
