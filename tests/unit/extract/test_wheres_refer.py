"""Places a sentence points at without naming them: "the capital", "the town"."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

REF = date(2024, 7, 1)


def _events(text: str) -> list[Event]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.slow
def test_the_capital_is_the_capital_the_story_names() -> None:
    events = _events(
        "Police fired tear gas on Sunday at protesters marching into the heart of the "
        "capital, witnesses said. The unrest spread from Herat, where rallies began last "
        "week. Traders in Herat shut their shops. Schools in Kabul stayed closed."
    )
    assert [e.location_text for e in events] == ["Kabul"]


@pytest.mark.slow
def test_the_town_is_the_town_named_before() -> None:
    events = _events(
        "Gunmen stormed Bama in Borno state on Friday, the army said. Troops retook the "
        "town on Sunday after the militants withdrew, an officer said. Maiduguri, the "
        "state capital, has been calm for weeks, and markets in Maiduguri reopened."
    )
    assert events and all(e.location_text == "Bama" for e in events)
