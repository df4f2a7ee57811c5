"""The sides of "between A and B" when the event word is the subject of another verb."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    doc = Document("t", "t", text, published=date(2024, 7, 3), source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "A truce was agreed in Niamey on Monday between the government of Mali and the rebels.",
            "Agreement",
        ),
        ("Fighting broke out between soldiers and rebels near Kidal on Monday.", "Armed clash"),
    ],
)
def test_a_verbs_between_phrase_names_both_sides(text: str, sub: str) -> None:
    (event,) = _events(text)
    assert event.sub_event_type == sub
    assert event.actor1 is not None and event.actor2 is not None
    assert "rebels" in event.actor2.name.lower()
