"""ACLED-register notes (written for these tests) whose coding hangs on habits a fresh,
blind set of notes showed: a hyphenated "drone-struck", a weapon named only after
"with", a note's source opened by "according to a ...", a note's admin-unit brackets,
a demobilised fighter killed, a capture "from" the side that lost the ground."""

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.testing import note_events


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


NOTES = [
    (
        "On 4 March 2024, Turkish forces drone-struck a car carrying two PKK members near "
        "Sidakan (Soran, Erbil). 2 fatalities.",
        "Air/drone strike",
    ),
    (
        "On 9 May 2024, a UAV of the Houthi forces struck a government position near "
        "Hays (Hodeidah). No casualties reported.",
        "Air/drone strike",
    ),
    (
        "On 12 April 2024, Russian forces attacked Zaporizhzhia city (Zaporizhia) with "
        "Geran drones, damaging a power substation. Fatalities unknown.",
        "Air/drone strike",
    ),
    (
        "On 6 June 2024, JNIM militants confronted Burkinabe soldiers near Djibo (Soum, "
        "Sahel). Fatalities unknown.",
        "Armed clash",
    ),
    (
        "On 19 May 2024, Russian forces dropped grenades containing chloropicrin on "
        "Ukrainian positions near Avdiivka (Donetsk). Casualties unknown.",
        "Chemical weapon",
    ),
    (
        "On 8 July 2024, ISWAP declared a blockade on the road into Monguno (Borno).",
        "Change to group/activity",
    ),
    (
        "On 14 May 2024, neighbours in Kayole (Nairobi) set alight a suspected thief caught "
        "breaking into a shop. 1 fatality.",
        "Mob violence",
    ),
    (
        "On 2 March 2024, a former rebel who had signed the 2016 peace agreement was shot "
        "dead by unknown gunmen in Tumaco (Narino). 1 fatality.",
        "Attack",
    ),
    (
        "On 3 April 2024, Somali army troops and allied clan militia retook Bacadweyne "
        "(Mudug) from al Shabaab after heavy fighting. Fatalities unknown.",
        "Government regains territory",
    ),
    (
        "On 23 June 2024, relatives of the victims held a silent march in Kragujevac "
        "(Sumadija). [size=hundreds]",
        "Peaceful protest",
    ),
    (
        "On 11 March 2024, the KIA established a township administration office in "
        "Sumprabum (Putao, Kachin).",
        "Headquarters or base established",
    ),
    # a named launcher or bomb says what kind of strike it was
    (
        "On 2 May 2024, Ukrainian forces hit a Russian ammunition depot near Dzhankoi "
        "(Crimea) with ATACMS. Casualties unknown.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 3 May 2024, Russian forces struck Poltava (Poltava) with an Iskander-M. 4 fatalities.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 4 May 2024, Russian forces hit Vovchansk (Kharkiv) with KABs. Casualties unknown.",
        "Air/drone strike",
    ),
    (
        "On 5 May 2024, Russian forces dropped an explosive from a drone on a tractor near "
        "Beryslav (Kherson). 1 fatality.",
        "Air/drone strike",
    ),
    (
        "On 6 May 2024, gunmen shot at a teacher's car in Zitacuaro (Michoacan). The "
        "teacher was unharmed.",
        "Attack",
    ),
    (
        "On 7 May 2024, angry residents stoned a police vehicle in Bor (Jonglei) after a "
        "trader was detained. [size=no report]",
        "Violent demonstration",
    ),
]


@pytest.mark.parametrize(("note", "sub"), NOTES)
def test_a_note_keeps_its_sub_event_type(pipeline: Pipeline, note: str, sub: str) -> None:
    (event, *_) = note_events(pipeline, note)
    assert event.sub_event_type == sub, note


def test_a_source_with_an_article_is_not_one_more_dead(pipeline: Pipeline) -> None:
    note = (
        "On 5 February 2024, gunmen raided Dogo village (Bokkos, Plateau). According to a "
        "local leader, 4 villagers were killed."
    )
    (event, *_) = note_events(pipeline, note)
    assert event.fatalities == 4


def test_admin_units_in_brackets_are_one_place(pipeline: Pipeline) -> None:
    note = (
        "On 27 April 2024, the army conducted a drone strike on a minibus in Gidim area "
        "(Delanta, South Wollo, Amhara). 5 civilians were killed."
    )
    events = note_events(pipeline, note)
    assert len(events) == 1
    assert events[0].fatalities == 5


def test_tear_gas_fired_at_a_march_is_no_shooting(pipeline: Pipeline) -> None:
    note = (
        "On 8 May 2024, police dispersed nurses marching to the health ministry in Harare "
        "(Harare); tear gas was fired at the marchers. [size=hundreds]"
    )
    (event, *_) = note_events(pipeline, note)
    assert event.sub_event_type == "Protest with intervention"


def test_a_death_that_led_to_a_riot_is_not_its_toll(pipeline: Pipeline) -> None:
    note = (
        "On 9 May 2024, youths set fire to a police post in Kakamega (Kakamega) after a "
        "boda boda rider died in police custody. [size=no report]"
    )
    (event, *_) = note_events(pipeline, note)
    assert event.fatalities == 0


def test_fighting_in_which_fighters_died_keeps_its_toll(pipeline: Pipeline) -> None:
    note = (
        "On 10 May 2024, Ansar Allah forces took the village of Al Jarrahi (Hodeidah) after "
        "fighting in which 6 fighters were killed."
    )
    (event, *_) = note_events(pipeline, note)
    assert event.fatalities == 6
