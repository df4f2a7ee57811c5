"""A speaker who reports deaths is their perpetrator only when the dead are its enemies."""

from datetime import date

from warwire.pipeline import Pipeline
from warwire.testing import story_events


def _sides(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    events = story_events(pipeline, date(2024, 3, 4), text)
    return [
        (e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in events
    ]


def test_police_reporting_murdered_villagers_are_not_the_killers(pipeline: Pipeline) -> None:
    sides = _sides(
        pipeline,
        "Villagers killed in night raid\n\n"
        "Seven farmers were killed in Kebbi state's Argungu on Tuesday night, the police said.",
    )
    assert sides and all(a1 is None or not a1.startswith("Police") for a1, _ in sides)
    assert any(a2 is not None and a2.startswith("Civilians") for _, a2 in sides)


def test_army_reporting_enemies_killed_is_their_adversary(pipeline: Pipeline) -> None:
    sides = _sides(
        pipeline,
        "Troops repel raid\n\n"
        "Twelve insurgents were killed near Damboa on Tuesday, the Nigerian army said.",
    )
    assert any(a1 is not None and a1.startswith("Military Forces of Nigeria") for a1, _ in sides)
