"""ACLED-register notes (written for these tests) whose sub-event type hangs on the
register's own habits: a protest's grievance names an older killing or abduction, an
arrest's captives were marching, an organised group burns property, a police grenade
scatters a crowd, a mortar "bomb" is shelling, a bare headline participle is passive."""

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.testing import note_events


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


NOTES = [
    # what a protest is about is no event of its own
    (
        "On 9 March 2024, market women marched in Owerri (Imo) to condemn the killing of "
        "two traders by gunmen. [size=around 300]",
        "Peaceful protest",
    ),
    (
        "On 14 April 2024, relatives staged a sit-in in Quetta (Balochistan) against the "
        "abduction of a student and asked the police to arrest the kidnappers. [size=no report]",
        "Peaceful protest",
    ),
    (
        "On 2 May 2024, residents held a vigil in Kharkiv (Kharkiv) to protest the missile "
        "strikes on the city. [size=dozens]",
        "Peaceful protest",
    ),
    (
        "On 11 May 2024, traders observed a ville morte day in Beni (North Kivu) to denounce "
        "the massacres of villagers. [size=no report]",
        "Peaceful protest",
    ),
    # the people arrested were the marchers
    (
        "On 6 June 2024, police detained 30 people who tried to march to the governor's "
        "office in Bamenda (Mezam, North-West). [size=no report]",
        "Protest with intervention",
    ),
    (
        "On 8 June 2024, gendarmes dispersed a gathering of teachers in Bouake (Gbeke) with "
        "batons. [size=no report]",
        "Protest with intervention",
    ),
    # grenades police throw at a crowd are no grenade attack
    (
        "On 10 June 2024, police threw stun grenades at students protesting in Khulna (Khulna). "
        "[size=no report]",
        "Protest with intervention",
    ),
    # an organised group's arson is property destruction, not a riot
    (
        "On 12 June 2024, gang members set fire to a bus and two shops in Gonaives (Artibonite).",
        "Looting/property destruction",
    ),
    (
        "On 13 June 2024, militants burnt down a secondary school near Gwoza (Borno).",
        "Looting/property destruction",
    ),
    (
        "On 14 June 2024, rebels destroyed a mobile phone mast near Tibu (Cauca).",
        "Looting/property destruction",
    ),
    (
        "On 15 June 2024, armed men robbed passengers of a minibus near Funtua (Katsina). "
        "No fatalities.",
        "Looting/property destruction",
    ),
    # the weapon that fired the "bomb" names the sub-type
    (
        "On 16 June 2024, mortar bombs fired by the rebels fell on a school in Sake (North "
        "Kivu). 3 fatalities.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 17 June 2024, a tractor ran over an anti-personnel mine near Huliaipole "
        "(Zaporizhia), wounding the driver.",
        "Remote explosive/landmine/IED",
    ),
    (
        "On 18 June 2024, armed men took away three farmers from their fields near Tahoua "
        "(Tahoua).",
        "Abduction/forced disappearance",
    ),
    (
        "On 19 June 2024, the army set up a new military post in Kantchari (Tapoa, Est).",
        "Headquarters or base established",
    ),
    (
        "On 20 June 2024, Russian forces attempted to advance near Siversk (Donetsk). "
        "Fatalities unknown.",
        "Armed clash",
    ),
    (
        "On 21 June 2024, the group installed a parallel administration in Kiwanja (North Kivu).",
        "Change to group/activity",
    ),
]


@pytest.mark.parametrize(("note", "sub"), NOTES)
def test_a_note_keeps_its_sub_event_type(pipeline: Pipeline, note: str, sub: str) -> None:
    events = note_events(pipeline, note)
    assert events and events[0].sub_event_type == sub


def test_a_memorial_march_is_still_a_protest(pipeline: Pipeline) -> None:
    note = "On 3 July 2024, hundreds marched in Nairobi to commemorate victims of police killings."
    assert [e.sub_event_type for e in note_events(pipeline, note)] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "headline",
    ["Nine Taliban fighters killed in Helmand: ministry", "Four ISWAP militants killed in Borno"],
)
def test_a_bare_participle_headline_names_the_killed_not_the_killers(
    pipeline: Pipeline, headline: str
) -> None:
    (event, *_) = note_events(pipeline, headline)
    assert event.actor2 is not None and event.actor1 is not None
    assert event.actor1.name != event.actor2.name
    assert event.actor1.inter != 7 and "Civilians" not in event.actor2.name


def test_a_headline_strike_that_updates_a_running_total_is_the_days_event(
    pipeline: Pipeline,
) -> None:
    (event, *_) = note_events(pipeline, "Warplanes pound Saraqib and raise the death toll to 140")
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 0


def test_an_active_killing_keeps_its_killers(pipeline: Pipeline) -> None:
    (event, *_) = note_events(pipeline, "Bandits killed six villagers in Zamfara")
    assert event.actor1 is not None and "Civilians" not in event.actor1.name
    assert event.actor2 is not None and "Civilians" in event.actor2.name


@pytest.mark.parametrize(
    "headline",
    [
        "Fighting on the western banks of the Tigris near Baiji",
        "Counterattack by rebels against the army east of Kidal",
        "Rebels push into northern province: officials",
        "Farmers find bodies of two herders near Dangila",
        "Casualties among government forces in Hama countryside.",
    ],
)
def test_a_headline_tells_an_event(pipeline: Pipeline, headline: str) -> None:
    """River banks, a counterattack, a push into a
    province, bodies found, and a verbless headline with a closing stop."""
    assert note_events(pipeline, headline), headline
