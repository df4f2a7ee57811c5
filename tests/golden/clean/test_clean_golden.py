"""Golden tests: every shipped example cleans to the metadata and text boundaries we expect."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from warwire.clean import clean_document
from warwire.types import Document, RawDocument

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
EXPECTED = yaml.safe_load((Path(__file__).parent / "expected.yaml").read_text(encoding="utf-8"))


def _clean(name: str, media_type: str) -> Document:
    path = EXAMPLES / name
    return clean_document(RawDocument(str(path), path.read_text(encoding="utf-8"), media_type))


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize(
    "field",
    ["title", "publisher", "author", "original_source", "published", "original_published", "url"],
)
def test_metadata_field(name: str, field: str) -> None:
    expected = EXPECTED[name]
    doc = _clean(name, expected["media_type"])
    actual = {
        "title": doc.title,
        "publisher": doc.source.publisher,
        "author": doc.source.author,
        "original_source": doc.source.original_source,
        "published": doc.published,
        "original_published": doc.original_published,
        "url": doc.source.url,
    }[field]
    wanted = expected[field]
    if isinstance(wanted, date) or actual is None or wanted is None:
        assert actual == wanted
    else:
        assert str(actual) == str(wanted)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_boundaries(name: str) -> None:
    expected = EXPECTED[name]
    doc = _clean(name, expected["media_type"])
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == expected["paragraphs"]
    assert doc.text.startswith(expected["starts_with"])
    assert doc.text.endswith(expected["ends_with"])
    for line in expected["must_not_contain"]:
        assert line not in doc.text, line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_input_twice_is_same_document(name: str) -> None:
    media_type = EXPECTED[name]["media_type"]
    assert _clean(name, media_type).doc_id == _clean(name, media_type).doc_id
