"""ACLED-style one-paragraph event notes (written for these tests, in the codebook's
register: a dated lead, the actors' coded names, a closing fatality count) keep
their sub-event type, their two sides and their closing count."""

import re
from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source


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


def _best(pipeline: Pipeline, note: str) -> Event:
    """The note's most confident event, read with the note's own day as publication day."""
    lead = re.search(r"On (\d+) (\w+) (\d{4}),", note)
    assert lead is not None
    day, month, year = lead.groups()
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    published = date(int(year), months.index(month) + 1, int(day))
    doc = Document("n", "n", note, published=published, source=Source(publisher="Monitor"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return max(analysis.events, key=lambda e: e.confidence)


@pytest.mark.parametrize(("note", "sub_event_type"), NOTES)
def test_an_acled_style_note_keeps_its_sub_event_type(
    pipeline: Pipeline, note: str, sub_event_type: str
) -> None:
    assert _best(pipeline, note).sub_event_type == sub_event_type


# (note, actor1, actor2, fatalities): the note's own closing count is its fatalities, the
# agent of the voice is actor1, unnamed sides take ACLED's generic actors
FIELDS = [
    (
        "On 12 June 2023, the Sudanese army carried out an airstrike on RSF fighters in Kutum "
        "(North Darfur). 7 fatalities.",
        "Military Forces of Sudan",
        "Rapid Support Forces (RSF)",
        7,
    ),
    (
        "On 8 August 2023, a suicide bomber blew himself up at a police post in Bosaso (Bari), "
        "killing 2 policemen. 3 fatalities, including the attacker.",
        "Unidentified Armed Group (Somalia)",
        "Police Forces of Somalia",  # who the dead were names the side that was hit
        3,
    ),
    (
        "On 19 January 2023, unidentified gunmen ambushed an army patrol near Tillaberi, "
        "wounding 2 soldiers. No fatalities.",
        "Unidentified Armed Group (Niger)",
        "Military Forces of Niger",
        0,
    ),
    # state forces firing on a crowd act on it: they are actor1, the crowd actor2
    (
        "On 3 March 2023, police shot dead 3 demonstrators during a march against fuel prices "
        "in Conakry. 3 fatalities.",
        "Police Forces of Guinea",
        "Protesters (Guinea)",
        3,
    ),
    (
        "On 20 October 2023, soldiers opened fire on protesters in Bamenda, killing a student. "
        "1 fatality.",
        "Military Forces of Cameroon",
        "Protesters (Cameroon)",
        1,
    ),
    (
        "On 6 June 2023, police fired tear gas to disperse traders protesting against market "
        "fees in Kisumu. [size=hundreds]",
        "Protesters (Kenya)",
        "Police Forces of Kenya",
        0,
    ),
    # a riot's crowd are rioters, whatever the note calls them
    (
        "On 7 July 2023, protesters torched a police station and pelted officers with stones "
        "in Nakuru. No fatalities.",
        "Rioters (Kenya)",
        "Police Forces of Kenya",
        0,
    ),
    # civilians never perpetrate an attack: unnamed shooters are an unidentified armed group
    (
        "On 22 May 2023, two men on a motorbike shot dead a councillor in Kismayo. 1 fatality.",
        "Unidentified Armed Group (Somalia)",
        "Civilians (Somalia)",
        1,
    ),
    (
        "On 3 July 2023, a roadside bomb killed a shepherd near Nawa (Daraa). 1 fatality.",
        "Unidentified Armed Group (Syria)",
        "Civilians (Syria)",
        1,
    ),
    (
        "On 16 August 2023, soldiers were killed by Al Shabaab militants in an ambush near "
        "Balcad (Middle Shabelle). 4 fatalities.",
        "Al Shabaab",
        "Military Forces of Somalia",
        4,
    ),
    # a note's opening tag names a kind of event, never its doer
    (
        "Arrests: On 9 October 2023, police detained a local councillor in Kherson.",
        "Police Forces of Ukraine",
        "Civilians (Ukraine)",
        0,
    ),
    (
        "Troop movement: On 12 October 2023, Russian forces moved artillery pieces through "
        "Melitopol (Zaporizhia).",
        "Military Forces of Russia",
        None,
        0,
    ),
    # those who no longer bear arms, and a community's notables, are civilians
    (
        "On 1 December 2023, ISWAP militants shot dead a retired soldier in Monguno "
        "(Borno). 1 fatality.",
        "Islamic State West Africa Province (ISWAP)",
        "Civilians (Nigeria)",
        1,
    ),
    (
        "On 5 December 2023, Al Shabaab militants seized three clan elders in Bardera (Gedo).",
        "Al Shabaab",
        "Civilians (Somalia)",
        0,
    ),
    # protesting teachers are the crowd, not a second side
    (
        "On 18 September 2023, about 200 nurses marched to the health ministry in Harare "
        "to demand better pay. [size=about 200]",
        "Protesters (Zimbabwe)",
        None,
        0,
    ),
    # the passive's by-agent acts; "armed men" are an armed group, not civilians
    (
        "On 9 May 2023, a girl was abducted by armed men near Dutsin-Ma (Katsina).",
        "Unidentified Armed Group (Nigeria)",
        "Civilians (Nigeria)",
        0,
    ),
    (
        "On 15 March 2023, a farmer was shot dead by bandits in Gusau (Zamfara). 1 fatality.",
        "Unidentified Armed Group (Nigeria)",
        "Civilians (Nigeria)",
        1,
    ),
    (
        "On 2 September 2023, masked gunmen kidnapped two engineers in Ikom (Cross River). "
        "No fatalities.",
        "Unidentified Armed Group (Nigeria)",
        "Civilians (Nigeria)",
        0,
    ),
    # an army base is the army's: its forces are the side attacked
    (
        "On 14 July 2023, Al Shabaab militants overran an army base in Bulo Burde (Hiraan), "
        "killing 6 soldiers. 6 fatalities.",
        "Al Shabaab",
        "Military Forces of Somalia",
        6,
    ),
    # recruits are the group's own people, never a side
    (
        "On 5 April 2023, Al Shabaab recruited dozens of teenagers in Jamaame (Lower Juba).",
        "Al Shabaab",
        None,
        0,
    ),
    # the side that gave up the ground is actor2
    (
        "On 11 November 2023, M23 rebels captured Kitshanga (North Kivu) after FARDC troops "
        "retreated.",
        "March 23 Movement (M23)",
        "Military Forces of the Democratic Republic of Congo",
        0,
    ),
]


@pytest.mark.parametrize(("note", "actor1", "actor2", "fatalities"), FIELDS)
def test_an_acled_style_note_keeps_its_sides_and_count(
    pipeline: Pipeline, note: str, actor1: str, actor2: str | None, fatalities: int
) -> None:
    best = _best(pipeline, note)
    assert best.actor1 is not None and best.actor1.name == actor1
    assert (best.actor2.name if best.actor2 else None) == actor2
    assert best.fatalities == fatalities


def test_a_note_count_is_not_counted_twice(pipeline: Pipeline) -> None:
    note = (
        "On 4 April 2023, bandits killed a trader in Ganye. They also killed a herder in "
        "Jada (Adamawa). 2 fatalities."
    )
    doc = Document("n", "n", note, published=date(2023, 4, 4), source=Source(publisher="Monitor"))
    (analysis,) = pipeline.run([Analysis(doc)])
    assert sum(e.fatalities for e in analysis.events) == 2
