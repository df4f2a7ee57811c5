"""Who acts and who is hit: ground changing hands, former fighters, a side's own dead."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.extract.sides import struck_sub
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Actor, Analysis, Document, Event, Source

_CIVILIANS = Actor(name="Civilians (Chad)", inter=7, country="TD")
_REBELS = Actor(name="Rebels", inter=2, country="TD")


def test_a_clash_on_civilians_is_an_attack() -> None:
    assert struck_sub("Armed clash", _CIVILIANS) == "Attack"
    assert struck_sub("Armed clash", _REBELS) == "Armed clash"
    assert struck_sub("Attack", _CIVILIANS) == "Attack"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _event(pipeline: Pipeline, text: str) -> Event:
    doc = Document("t", "t", text, published=date(2024, 5, 9), source=Source(publisher="Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    (event,) = analysis.events
    return event


def _names(event: Event) -> tuple[str | None, str | None]:
    return (
        event.actor1.name if event.actor1 else None,
        event.actor2.name if event.actor2 else None,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Soldiers took back the market town of Tessit in Mali from the insurgents on Sunday.",
        "The market town of Tessit in Mali was recaptured by the army on Sunday.",
    ],
)
def test_the_state_regains_ground_in_either_voice(pipeline: Pipeline, text: str) -> None:
    event = _event(pipeline, text)
    assert event.sub_event_type == "Government regains territory"
    assert _names(event)[0] == "Military Forces of Mali"


@pytest.mark.slow
def test_rebels_taking_ground_in_the_passive_lose_it_to_no_one_but_the_army(
    pipeline: Pipeline,
) -> None:
    event = _event(
        pipeline, "The town of Tessit in Mali was seized by the rebels from the army on Sunday."
    )
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert _names(event)[1] == "Military Forces of Mali"


@pytest.mark.slow
def test_a_retired_officer_shot_dead_is_a_civilian_victim(pipeline: Pipeline) -> None:
    event = _event(
        pipeline, "Unknown gunmen shot dead a retired police colonel in Mopti, Mali, on Sunday."
    )
    assert event.sub_event_type == "Attack"
    assert _names(event) == ("Unidentified Armed Group (Mali)", "Civilians (Mali)")


@pytest.mark.slow
def test_a_side_telling_of_its_own_dead_is_the_side_hit(pipeline: Pipeline) -> None:
    event = _event(
        pipeline,
        "Four soldiers died in an ambush on their convoy near Mopti, Mali, on Sunday, "
        "the defence ministry said.",
    )
    assert _names(event) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali")
