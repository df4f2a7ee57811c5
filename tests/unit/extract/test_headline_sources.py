"""Wire headlines credit their source after the news: "..., says the army",
"...: police", "... - military". Headlines written for these tests."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = Document("h", "h", text, title=text, published=date(2023, 5, 9), source=Source())
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


def test_a_subject_after_says_is_the_speaker_not_the_dead(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Seven militants killed in Mandera, says Kenyan army")
    assert "militants" not in event.claims[0].claimant.lower()
    assert "Kenya" in event.claims[0].claimant


@pytest.mark.parametrize("mark", [":", " -"])
def test_a_source_after_a_colon_or_dash_is_credited(pipeline: Pipeline, mark: str) -> None:
    (event,) = _events(pipeline, f"Eleven gunmen killed in clash with police in Kano{mark} police")
    assert event.claims[0].claimant == "Police Forces of Nigeria"
    # the police reporting a clash they name are its other side
    assert "Police Forces of Nigeria" in {a.name for a in (event.actor1, event.actor2) if a}


def test_a_tail_that_names_no_speaker_is_no_source(pipeline: Pipeline) -> None:
    for event in _events(pipeline, "Gunmen kill nine in Kaduna village: live updates"):
        assert "updates" not in event.claims[0].claimant
