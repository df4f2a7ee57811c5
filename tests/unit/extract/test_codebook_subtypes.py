"""Sub-event types by ACLED's codebook where two readings compete: a killing outranks
the arrests made with it, an arrest's charge is no event, a mob of protesters is a
violent demonstration, an armed crowd that shoots is an armed group, forces that
drive their enemy out of a town regain it, and rape is never the same event as a
town's capture. Sentences written for these tests."""

from datetime import date

import pytest

from warwire.pipeline import Pipeline
from warwire.types import Analysis, Document, Source

REF = date(2023, 3, 14)  # a Tuesday


def _subs(pipeline: Pipeline, text: str) -> list[str]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Wire Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return [e.sub_event_type for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a killing and arrests in one raid: one event, the killing's
        (
            "Security forces killed a man and arrested four others during a raid "
            "in Mubi on Monday.",
            ["Attack"],
        ),
        (
            "Soldiers arrested and later executed three young men in Mopti on Monday, "
            "residents said.",
            ["Attack"],
        ),
        # what the arrest is for happened before: the arrest is the event
        ("Police arrested three men in Goma on Monday over the killing of a trader.", ["Arrests"]),
        (
            "Police arrested two men in Goma on Monday in connection with the rape of a girl.",
            ["Arrests"],
        ),
        (
            "Soldiers detained five people in Goma on Monday for allegedly attacking a patrol.",
            ["Arrests"],
        ),
    ],
)
def test_arrests_and_killings(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert _subs(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An angry mob of protesters set fire to the police station in Kisumu on Monday.",
            "Violent demonstration",
        ),
        (
            "Protesters torched cars and a mob looted shops in Nairobi on Monday during "
            "demonstrations against the tax bill.",
            "Violent demonstration",
        ),
        ("Villagers lynched a suspected thief in Kisumu on Monday.", "Mob violence"),
        ("A mob beat a man accused of witchcraft to death in Kisumu on Monday.", "Mob violence"),
        ("A mob attacked and burned shops in Kisumu on Monday.", "Mob violence"),
        ("A mob beat a suspected robber to death in Kisumu on Monday.", "Mob violence"),
        (
            "Armed youths attacked a village near Jos on Monday, shooting dead five residents.",
            "Attack",
        ),
        (
            "A group of youths armed with guns and machetes killed six villagers near Jos "
            "on Sunday.",
            "Attack",
        ),
    ],
)
def test_crowds_mobs_and_armed_groups(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _subs(pipeline, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops drove the militants out of Gwoza on Monday after a two-hour gun battle.",
            "Government regains territory",
        ),
        (
            "Militants drove soldiers out of the town of Gwoza on Monday, residents said.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_driven_out_is_territory(pipeline: Pipeline, text: str, expected: str) -> None:
    assert _subs(pipeline, text) == [expected]


def test_rape_after_a_capture_is_its_own_event(pipeline: Pipeline) -> None:
    text = (
        "Rebels captured the town of Bunia on Monday. "
        "Witnesses said the fighters raped at least 20 women in the town."
    )
    assert sorted(_subs(pipeline, text)) == [
        "Non-state actor overtakes territory",
        "Sexual violence",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike on armed sites with no weapon named: a group's is rockets or shells
        (
            "On Monday, Hezbollah struck Israeli positions near Metula, the group said.",
            ["Shelling/artillery/missile attack"],
        ),
        ("On Monday, the army struck rebel positions near Kidal.", ["Air/drone strike"]),
        ("The company struck a deal with the union on Monday.", []),
    ],
)
def test_struck_positions(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert _subs(pipeline, text) == expected
