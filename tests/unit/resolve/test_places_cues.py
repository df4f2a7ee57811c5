"""Place cues beyond the tagger's labels: datelines, institutions, sums, facilities,
names placed by their words, and one reading per story."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_facility import facility_name
from warwire.testing import parsed_sentence
from warwire.types import Place

US = "United States"
PLACES: list[tuple[Place, list[str]]] = [
    (Place("Oakridge", 44.1, -92.4, US, "US", "Minnesota", 1, "PPL", 2_000), []),
    (Place("Minnesota", 46.0, -94.0, US, "US", "Minnesota", 2, "ADM1", 5_000_000), []),
    (Place("Fernvale", 40.0, -80.0, US, "US", "Ohio", 3, "PPL", 3_000), []),
    (Place("Ohio", 40.3, -82.8, US, "US", "Ohio", 4, "ADM1", 11_000_000), []),
    (Place("United States", 39.8, -98.6, US, "US", None, 5, "PCLI", 330_000_000), ["US"]),
    (Place("Fernvale", 47.0, 2.0, "France", "FR", None, 6, "PPL", 300), []),
    (Place("Columbus", 39.96, -83.0, US, "US", "Ohio", 7, "PPL", 900_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def found(
    text: str, entities: list[tuple[str, str]], gaz: MemoryGazetteer
) -> list[tuple[str, str | None]]:
    """(surface, admin1 or country of the chosen place) for each toponym."""
    sentences = [parsed_sentence(text, entities)]
    return [
        (t.text, (t.place.admin1 or t.place.country_code) if t.place else None)
        for t in toponyms_for(text, sentences, gaz, "d")
    ]


def test_an_all_capitals_dateline_is_a_place(gaz: MemoryGazetteer) -> None:
    text = "OAKRIDGE, Minn. -- The school board met on Tuesday in Minnesota."
    assert ("OAKRIDGE", "Minnesota") in found(text, [("Minnesota", "GPE")], gaz)


def test_a_capitalised_word_before_a_dash_that_no_gazetteer_knows_is_no_place(
    gaz: MemoryGazetteer,
) -> None:
    text = "UPDATE -- The school board met on Tuesday in Minnesota."
    assert [s for s, _ in found(text, [("Minnesota", "GPE")], gaz)] == ["Minnesota"]


def test_the_town_an_institution_serves_is_a_place(gaz: MemoryGazetteer) -> None:
    text = "The Fernvale Fire Department put out the blaze, officials in Ohio said."
    got = found(text, [("The Fernvale Fire Department", "ORG"), ("Ohio", "GPE")], gaz)
    assert ("Fernvale", "Ohio") in got


def test_an_organisation_without_an_institution_word_gives_no_town(
    gaz: MemoryGazetteer,
) -> None:
    text = "Fernvale Holdings bought the plant, officials in Ohio said."
    got = found(text, [("Fernvale Holdings", "ORG"), ("Ohio", "GPE")], gaz)
    assert [s for s, _ in got] == ["Ohio"]


def test_a_name_read_as_a_place_once_is_the_place_at_every_mention(
    gaz: MemoryGazetteer,
) -> None:
    text = "The Fernvale Police Department said Fernvale was calm. Ohio police agreed."
    got = found(text, [("The Fernvale Police Department", "ORG"), ("Ohio", "GPE")], gaz)
    assert [s for s, _ in got].count("Fernvale") == 2


def test_the_country_of_a_sum_is_named(gaz: MemoryGazetteer) -> None:
    text = "The deal is worth 4 billion US dollars, Columbus officials said."
    got = found(text, [("4 billion US dollars", "MONEY"), ("Columbus", "GPE")], gaz)
    assert ("US", "US") in got


def test_a_mistagged_name_the_text_places_is_believed_at_home_only(
    gaz: MemoryGazetteer,
) -> None:
    home = "Police in Columbus and Ohio said a robbery in Fernvale left two hurt."
    got = found(home, [("Columbus", "GPE"), ("Ohio", "GPE"), ("Fernvale", "PERSON")], gaz)
    assert ("Fernvale", "Ohio") in got
    away = "A robbery in Fernvale left two hurt, a spokesman said."
    assert found(away, [("Fernvale", "PERSON")], gaz) == []


def test_an_unknown_facility_lies_in_the_town_named_with_it(gaz: MemoryGazetteer) -> None:
    text = "Gunmen stormed the Riverside Memorial Hospital in Columbus, Ohio on Monday."
    got = found(
        text,
        [("the Riverside Memorial Hospital", "ORG"), ("Columbus", "GPE"), ("Ohio", "GPE")],
        gaz,
    )
    assert ("Riverside Memorial Hospital", "Ohio") in got


def test_a_facility_with_no_town_in_the_story_is_left_out(gaz: MemoryGazetteer) -> None:
    text = "Gunmen stormed the Riverside Memorial Hospital on Monday."
    assert found(text, [("the Riverside Memorial Hospital", "ORG")], gaz) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Karl Marx Hospital", True),
        ("Riverside Community College", True),
        ("Hospital", False),
        ("Riverside Holdings", False),
        ("the new hospital", False),
    ],
)
def test_facility_names(name: str, expected: bool) -> None:
    assert facility_name(name) is expected


def test_a_town_near_a_country_the_story_names_beats_a_namesake_far_away() -> None:
    gaz = MemoryGazetteer(
        [
            (Place("Kestra", 31.5, 34.5, "Palestine", "PS", None, 1, "PPL", 410_000), []),
            (
                Place(
                    "Kestra Province", -23.0, 33.0, "Mozambique", "MZ", "Kestra", 2, "ADM1", 10**6
                ),
                ["Kestra"],
            ),
            (Place("Israel", 31.5, 34.75, "Israel", "IL", None, 3, "PCLI", 9_000_000), []),
        ]
    )
    text = "Rockets were fired from Kestra into Israel on Monday."
    got = found(text, [("Kestra", "GPE"), ("Israel", "GPE")], gaz)
    assert ("Kestra", "PS") in got
