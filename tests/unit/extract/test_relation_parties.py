from __future__ import annotations

from datetime import date

import pytest

from warwire.extract.events import _party
from warwire.pipeline import Pipeline
from warwire.resolve.actors import default_registry
from warwire.types import Analysis, Document, Source


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("the UAE", "Military Forces of the United Arab Emirates"),
        ("Turkey", "Military Forces of Turkey"),
        ("Egypt", "Military Forces of Egypt"),
        ("the LNA", "Libyan National Army (LNA)"),
    ],
)
def test_state_backers_are_their_forces_and_groups_are_canonical(
    written: str, canonical: str
) -> None:
    assert _party(default_registry(), written, "LY") == canonical


def test_a_backing_told_twice_is_one_relation_with_the_first_sentence(pipeline: Pipeline) -> None:
    text = (
        "The UAE-backed RSF shelled a market in the city on Monday.\n\n"
        "Officials said the UAE-backed RSF had been gaining ground for weeks."
    )
    doc = Document("r", "r", text, published=date(2024, 7, 1), source=Source(publisher="Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    triples = [(r.subject, r.predicate, r.object) for r in analysis.relations]
    assert len(triples) == len(set(triples))
    backing = [r for r in analysis.relations if r.predicate == "supports"]
    assert len(backing) == 1 and backing[0].evidence.start == 0
