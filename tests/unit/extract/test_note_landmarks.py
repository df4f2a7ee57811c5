"""ACLED-register notes (written for these tests) whose place or sub-event type hangs
on the register: a landmark named after another town, a town located by its admin
chain beside a region the victims came from, a tagger span running into the
bracket, crowd fights with crude weapons, handovers, agreements, graves."""

import re
from datetime import date

import pytest

from warwire.pipeline import Pipeline
from warwire.types import Analysis, Document, Event, Source

_MONTHS = "January February March April May June July August September October November December"


def _best(pipeline: Pipeline, text: str) -> Event:
    day, month, year = re.search(r"On (\d+) (\w+) (\d{4}),", text).groups()  # type: ignore[union-attr]
    published = date(int(year), _MONTHS.split().index(month) + 1, int(day))
    doc = Document("n", "n", text, published=published, source=Source(publisher="Monitor"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return max(analysis.events, key=lambda e: e.confidence)


PLACES = [
    # a town that only opens a landmark's name is not where the event was
    (
        "On 3 May 2024, gunmen shot dead a customer outside the Kano Bank branch in Zaria "
        "(Zaria LGA, Kaduna). 1 fatality.",
        "Zaria",
        "NG",
    ),
    (
        "On 4 May 2024, Al Shabaab fired mortars at the Kismayo Airport road near Afgooye "
        "(Afgooye district, Lower Shabelle). No fatalities.",
        "Afgooye",
        "SO",
    ),
    # the town the note locates by its chain, not the region the victims came from
    (
        "On 6 May 2024, gunmen stopped a bus in Kajuru district (Kaduna) and shot dead three "
        "travellers from Kano state. 3 fatalities.",
        "Kajuru",
        "NG",
    ),
    # a tagger's span that runs into the bracket ends before it
    (
        "On 7 May 2024, armed youths abducted two girls in the vicinity of Rumbek (Rumbek "
        "Centre county, Lakes state). No fatalities.",
        "Rumbek",
        "SS",
    ),
    # a name the tagger takes for a person is believed where its qualifier places it
    (
        "On 8 May 2024, FARC dissidents attacked the police station in Toribio (Cauca) with "
        "explosives; police repelled the attack. Fatalities unknown.",
        "Toribío",
        "CO",
    ),
    # chains spelt otherwise than the gazetteer: a governorate by its town's spelling,
    # a region by its consonants
    (
        "On 5 June 2024, a landmine killed a shepherd near Ras al-Ain (Ras al-Ain "
        "subdistrict, Al-Hasakeh governorate). 1 fatality.",
        "Ra’s al ‘Ayn",
        "SY",
    ),
    # a capital is not moved abroad by a unit the gazetteer lacks but a village abroad bears
    (
        "On 6 June 2024, nurses protested outside the ministry of health in Juba (Jubek "
        "state) over unpaid salaries. [size=dozens]",
        "Juba",
        "SS",
    ),
    # a comma chain of units is no list: the market lies in the county, not in a town
    # spelt like it elsewhere
    (
        "On 7 June 2024, police arrested 14 traders at Kangemi market, Westlands "
        "constituency, Nairobi county. [size=dozens]",
        "Nairobi County",
        "KE",
    ),
    # a village "near" a town is no namesake abroad: the town places it
    (
        "On 2 March 2024, RSF fighters stormed the village of Medina near Kassala and killed "
        "four farmers. 4 fatalities.",
        "Kassala",
        "SD",
    ),
]


@pytest.mark.parametrize(("note", "town", "country"), PLACES)
def test_note_places_the_event_at_its_town(
    pipeline: Pipeline, note: str, town: str, country: str
) -> None:
    place = _best(pipeline, note).place
    assert place is not None
    assert (place.name, place.country_code) == (town, country)


SUBTYPES = [
    (
        "On 9 May 2024, supporters of the People's League and the National Party fought with "
        "sticks and machetes in Kenema (Kenema district, Eastern province). 2 fatalities.",
        "Mob violence",
    ),
    (
        "On 10 May 2024, rebels pulled out of Kiwanja without a fight and government troops "
        "entered the town.",
        "Non-violent transfer of territory",
    ),
    (
        "On 11 May 2024, elders of two clans met in Garowe (Nugaal) and agreed to return "
        "stolen camels and end revenge killings.",
        "Agreement",
    ),
    (
        "On 13 May 2024, police opened fire on teachers marching against unpaid salaries in "
        "Bukavu (South Kivu), killing one. 1 fatality. [size=hundreds]",
        "Excessive force against protesters",
    ),
    (
        "On 14 May 2024, the remains of 9 people were exhumed from a mass grave near Bucha "
        "(Kyiv oblast).",
        "Other",
    ),
]


TAGGED = [
    (
        "On 19 May 2024, Russian forces attacked Ukrainian positions with FPV drones near "
        "Kupiansk (Kharkiv oblast). Fatalities unknown.",
        "Air/drone strike",
    ),
    (
        "On 18 May 2024, Russian forces struck Pokrovsk with a guided bomb. 2 fatalities.",
        "Air/drone strike",
    ),
    # the coder's opening tag names the event whatever the body's verb
    (
        "Defusal: On 15 May 2024, police made safe an explosive device left near a school in "
        "Mosul (Ninewa governorate).",
        "Disrupted weapons use",
    ),
    (
        "Non-violent activity: On 16 May 2024, Al Shabaab held a public meeting with elders in "
        "Jamame (Lower Juba).",
        "Other",
    ),
    (
        "Headquarters established: On 17 May 2024, JNIM opened an office in Diafarabe (Mopti).",
        "Headquarters or base established",
    ),
]


@pytest.mark.parametrize(("note", "sub_type"), SUBTYPES + TAGGED)
def test_note_register_sub_type(pipeline: Pipeline, note: str, sub_type: str) -> None:
    assert _best(pipeline, note).sub_event_type == sub_type
