"""ACLED-style event notes locate their town by the units after its name: the event
lands inside the qualifier, or on it, never on a namesake abroad, and the qualifier
is no second event. Notes written for these tests (invented villages where the
gazetteer must not know the name); the real gazetteer and pipeline run."""

from __future__ import annotations

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

DESK, DAY = Source(publisher="Desk"), date(2025, 1, 10)


@pytest.fixture(scope="module")
def events() -> dict[str, list[Event]]:
    pipeline = Pipeline(default_stages(Settings()))
    docs = [
        Analysis(Document(f"n{i}", f"n{i}", text, published=DAY, source=DESK))
        for i, (text, *_) in enumerate(NOTES)
    ]
    return {a.document.text: list(a.events) for a in pipeline.run(docs)}


# note, country, place name, geo_precision
NOTES = [
    ("On 12 March 2024, pastoralists attacked herders near Baragoi town (Samburu), "
     "killing two. 2 fatalities.", "KE", "Baragoi", 2),
    ("On 9 April 2024, gunmen abducted a trader in Ikorodu (Lagos).", "NG", "Ikorodu", 1),
    ("On 18 July 2024, Russian forces shelled Kurakhove (Donetsk), killing one civilian. "
     "1 fatality.", "UA", "Kurakhove", 1),
    ("On 5 January 2024, Houthi forces shelled Zzyxqar village (Hajjah). 1 fatality.",
     "YE", "Ḩajjah", 3),
    ("On 7 August 2024, ISWAP militants attacked troops in Zzyxwa (Borno). 3 fatalities.",
     "NG", "Borno State", 3),
    ("On 11 May 2024, Al Shabaab militants clashed with SNA forces in Qqwerty Bar (Gedo). "
     "Fatalities unknown.", "SO", "Gedo", 3),
    ("On 3 March 2024, M23 rebels clashed with Wazalendo fighters in Qqarisi territory "
     "(North Kivu).", "CD", "Nord Kivu", 3),
    ("On 1 October 2024, students of Moi Zzyx Technical College (Nandi) protested the "
     "closure.", "KE", "Nandi", 3),
    ("On 6 May 2024, gunmen killed a farmer in Qqarabu, Kaduna state. 1 fatality.",
     "NG", "Kaduna State", 3),
    ("On 8 May 2024, militants attacked a police post in Zzyrra in Khost province, killing "
     "two policemen. 2 fatalities.", "AF", "Khowst", 3),
    ("On 22 September 2024, protesters gathered in Kano city (Kano) against the tax hike.",
     "NG", "Kano", 1),
    ("On 9 November 2024, demonstrators marched in Kitui in Kitui county against land "
     "grabbing.", "KE", "Kitui", 1),
    ("On 2 April 2024, JNIM militants clashed with the army near Tessit (Ansongo, Gao). "
     "5 fatalities.", "ML", "Tessit", 2),
    ("On 4 June 2024, bandits abducted six travellers near Zzyxville (Gboko, Benue).",
     "NG", "Gboko", 2),
    ("On 15 August 2024, farmers protested water cuts in Sparta village (Samburu).",
     "KE", "Samburu County", 3),
    ("On 3 June 2024, rioters torched a shop at Zzyxa market, Kipkelion East constituency, "
     "in protest over a killing.", "KE", "Kipkelion", 2),
    ("On 21 February 2024, police arrested 14 opposition activists in Hyderabad (Sindh).",
     "PK", "Hyderabad", 1),
]  # fmt: skip


@pytest.mark.parametrize(("text", "country", "name", "precision"), NOTES)
def test_a_qualified_note_lands_inside_its_qualifier(
    events: dict[str, list[Event]], text: str, country: str, name: str, precision: int
) -> None:
    found = events[text]
    assert len(found) == 1, [e.place for e in found]  # the qualifier is no second event
    place = found[0].place
    assert place is not None
    assert (place.country_code, place.name, place.geo_precision) == (country, name, precision)
    if precision == 3:
        assert (place.place_basis or "").startswith("qualifier")
