"""Stories that report no incident of their own: a past set by its opening year,
an earlier round of a recurring occasion, a crash, a domestic crime, a drill,
examples summing up a war, a market story borrowing war words. Sentences written
for these tests; each has a twin that does report an incident."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.testing import story_events

REF = date(2023, 3, 14)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "The valley remembers\n\nIn 1998 the militia surrounded the town of Kelmora. "
        "Gunmen shot at families fleeing across the bridge, killing dozens in one night.",
        "Opposition plans rally\n\nThe opposition will march on Saturday in Dravik. "
        "In the last election, three people were killed when police fired on marchers.",
        "Parents pray for missing pupils\n\nParents in Dravik on Sunday prayed for the pupils "
        "still missing a decade after gunmen stormed their school and seized 90 children.",
        "Lorry falls into ravine near Dravik\n\nNine farm workers were killed on Monday when "
        "their lorry plunged into a ravine near Dravik in Kenya, police said.",
        "Man held over wife's death in Nairobi\n\nPolice in Nairobi on Monday arrested a man "
        "accused of beating his wife to death after a quarrel at their home.",
        "Navy drills off the coast\n\nThe navy on Monday began five days of exercises off "
        "Mombasa, firing missiles at mock targets, the defence ministry said.",
        "Envoy urges truce\n\nSpeaking in Nairobi, the envoy said both armies had committed "
        "abuses, including attacks on clinics and sexual violence.",
        "Crude climbs on shipping fears\n\nOil prices rose on Monday as traders fretted over "
        "the strait, where rebels have attacked tankers. Brent crude gained 3% a barrel.",
    ],
)
def test_no_event_where_no_incident_is_reported(pipeline: Pipeline, text: str) -> None:
    assert story_events(pipeline, REF, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attack Kelmora\n\nGunmen shot at families fleeing across the bridge in "
        "Kelmora, Kenya, on Monday, killing nine people, police said.",
        "Police arrest opposition leader in Nairobi\n\nPolice in Nairobi on Monday arrested "
        "the opposition leader after a rally against the government.",
        "Gunmen kill three in Mandera\n\nGunmen killed three teachers on Monday in Mandera, "
        "Kenya, the police said; they fled toward the border.",
    ],
)
def test_the_twin_that_reports_an_incident_still_does(pipeline: Pipeline, text: str) -> None:
    assert len(story_events(pipeline, REF, text)) >= 1


def test_an_earlier_incident_the_story_follows_is_background_unless_its_day_is_told() -> None:
    pipeline = Pipeline(default_stages(Settings()))
    story = (
        "Troops clash with militants in Dravik\n\nTroops clashed with militants in Dravik, Kenya, "
        "on Monday, the army said. It came weeks after militants ambushed a convoy near Garissa "
    )
    vague = story_events(pipeline, REF, story + "in January.")
    dated = story_events(pipeline, REF, story + "on Saturday.")
    assert len(vague) == 1
    assert len(dated) == 2
