"""ACLED-style one-paragraph event notes (written for these tests, in the codebook's
register: a dated lead, the actors' coded names, a closing fatality count) keep
their sub-event type."""

import re
from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Source


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


NOTES = [
    (
        "On 3 May 2023, unidentified gunmen shot dead a village chief in Kwasu, "
        "Bakori district. 1 fatality.",
        "Attack",
    ),
    (
        "On 2 April 2023, military forces clashed with JNIM militants near Boni "
        "(Douentza, Mopti). Fatalities unknown.",
        "Armed clash",
    ),
    (
        "On 3 August 2023, US forces carried out a drone strike against Al Shabaab "
        "militants near Jilib (Middle Juba). 3 fatalities.",
        "Air/drone strike",
    ),
    (
        "On 22 October 2023, SAF mortar rounds landed in a market in Omdurman, killing "
        "4 civilians. 4 fatalities.",
        "Shelling/artillery/missile attack",
    ),
    (
        "On 30 November 2023, a landmine exploded under a civilian truck near Boni "
        "(Douentza, Mopti), killing a driver. 1 fatality.",
        "Remote explosive/landmine/IED",
    ),
    (
        "On 25 May 2023, armed bandits abducted 12 villagers in Tsafe (Zamfara). No fatalities.",
        "Abduction/forced disappearance",
    ),
    (
        "On 4 July 2023, villagers beat to death a man accused of cattle theft in Gumla "
        "district (Jharkhand). 1 fatality.",
        "Mob violence",
    ),
    (
        "On 10 May 2023, around 100 teachers held a demonstration in front of the state "
        "house of assembly in Ilorin (Kwara) to demand payment of salary arrears. "
        "[size=around 100]",
        "Peaceful protest",
    ),
    (
        "On 16 October 2023, police dispersed opposition supporters protesting in Nairobi "
        "with tear gas. [size=hundreds]",
        "Protest with intervention",
    ),
    (
        "On 19 September 2023, SNA forces defused an IED planted on the road near Balcad "
        "(Middle Shabelle).",
        "Disrupted weapons use",
    ),
    (
        "On 2 February 2023, Israeli forces demolished a Palestinian house in Beit Hanina "
        "(East Jerusalem).",
        "Looting/property destruction",
    ),
    (
        "On 26 June 2023, FAMa and Wagner forces retook control of Anefis (Kidal) from the CSP.",
        "Government regains territory",
    ),
    # the violence against people decides, not the property or who the victim once was
    (
        "On 29 May 2023, RSF fighters looted homes and killed 3 civilians in El Geneina "
        "(West Darfur). 3 fatalities.",
        "Attack",
    ),
    (
        "On 14 March 2023, Taliban fighters executed a former army officer in Khost "
        "province. 1 fatality.",
        "Attack",
    ),
    # arson by unnamed people is no demonstration
    (
        "On 21 November 2023, unidentified persons set fire to the office of the electoral "
        "commission in Enugu. No casualties.",
        "Looting/property destruction",
    ),
    (
        "On 15 February 2023, the army deployed additional troops to Maiduguri ahead of the "
        "elections.",
        "Change to group/activity",
    ),
    # ACLED's note tags and the codebook's own words
    (
        "Weapons seizure: On 11 April 2023, police found a cache of weapons and ammunition in "
        "a forest near Chernihiv.",
        "Disrupted weapons use",
    ),
    (
        "Movement of forces: On 2 May 2023, Russian forces moved a column of armoured "
        "vehicles through Tokmak (Zaporizhia).",
        "Change to group/activity",
    ),
    (
        "On 14 June 2023, members of a health workers union staged a dharna in front of the "
        "district collector's office in Patna (Bihar). [size=no report]",
        "Peaceful protest",
    ),
    (
        "On 27 December 2023, an unidentified gunman shot and injured a civilian in Daraa "
        "city (Daraa).",
        "Attack",
    ),
    # only a state arrests: an armed group's "arrest" is an abduction
    (
        "On 5 May 2023, Al Shabaab militants arrested two clan elders in Jilib (Middle Juba).",
        "Abduction/forced disappearance",
    ),
]


@pytest.mark.parametrize(("note", "sub_event_type"), NOTES)
def test_an_acled_style_note_keeps_its_sub_event_type(
    pipeline: Pipeline, note: str, sub_event_type: str
) -> None:
    lead = re.search(r"On (\d+) (\w+) (\d{4}),", note)
    assert lead is not None
    day, month, year = lead.groups()
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    published = date(int(year), months.index(month) + 1, int(day))
    doc = Document("n", "n", note, published=published, source=Source(publisher="Monitor"))
    (analysis,) = pipeline.run([Analysis(doc)])
    best = max(analysis.events, key=lambda e: e.confidence)
    assert best.sub_event_type == sub_event_type
