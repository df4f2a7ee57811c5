"""Golden test: a scraped page of our own, thick with furniture, cleans to its article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from warwire.clean import clean_document
from warwire.types import RawDocument

PAGES = Path(__file__).parent / "pages"


def test_furniture_never_reaches_the_text() -> None:
    path = PAGES / "market-raid-furniture.txt"
    doc = clean_document(RawDocument(str(path), path.read_text(encoding="utf-8"), "text"))
    assert doc.title == "Raiders torch market stalls in hill town"
    assert doc.source.author == "Desk Writer"
    assert doc.published == date(2024, 3, 3)
    assert doc.source.publisher is None
    assert doc.text.split("\n\n") == [
        "Armed men set fire to dozens of market stalls in a hill town on Saturday night,"
        " two traders said.",
        "Related to the attack, police said they had detained two men at a checkpoint"
        " on the main road.",
        '"We lost everything we had," one trader said.',
        "No group has claimed the raid, which follows a week of tension over grazing land.",
    ]
