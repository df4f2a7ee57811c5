"""Story geography: the story's country decides villages, common words and datelines."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.gazetteer_points import unit_aliases
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_story import is_dateline, story_place
from warwire.resolve.places_words import after_title, common_word, placed_by_context
from warwire.testing import parsed_sentence
from warwire.types import Place, Span, Toponym

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Ruritania", 10.0, 20.0, "Ruritania", "RU", None, 1, "PCLI", 9_000_000), ["Ruritanian"]),
    (Place("Strelsau", 10.5, 20.5, "Ruritania", "RU", "Capital", 2, "PPLC", 800_000), []),
    (Place("Zenda", 10.2, 20.9, "Ruritania", "RU", "Hills", 3, "PPL", 0), []),
    (Place("Zenda", 45.0, -90.0, "United States", "US", "Ohio", 4, "PPL", 3_000), []),
    (Place("Valley", 18.2, -63.0, "Anguilla", "AI", "Valley", 5, "ADM1", 2_000), []),
    (Place("Borduria", 40.0, 30.0, "Borduria", "BO", None, 6, "PCLI", 5_000_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def found(text: str, entities: list[str], gaz: MemoryGazetteer) -> list[tuple[str, str | None]]:
    sentences = [parsed_sentence(text, [(surface, "GPE") for surface in entities])]
    return [
        (t.text, t.place.country_code if t.place else None)
        for t in toponyms_for(text, sentences, gaz, "d")
    ]


def test_a_village_of_the_storys_country_is_believed_where_the_text_places_it(
    gaz: MemoryGazetteer,
) -> None:
    text = (
        "Ruritania said rebels hit Strelsau and Ruritania closed roads. "
        "Gunmen burned houses in Zenda on Friday. Zenda was quiet later."
    )
    got = found(text, ["Ruritania", "Strelsau", "Ruritania"], gaz)
    assert got.count(("Zenda", "RU")) == 2


def test_a_village_name_without_place_context_stays_unread(gaz: MemoryGazetteer) -> None:
    text = "Ruritania and Strelsau officials met. Ruritania named Zenda Smith as envoy."
    got = found(text, ["Ruritania", "Strelsau", "Ruritania"], gaz)
    assert ("Zenda", "RU") not in got and ("Zenda", "US") not in got


def test_a_common_word_abroad_is_no_place(gaz: MemoryGazetteer) -> None:
    text = "Ruritania and Strelsau: troops patrolled the Valley after Ruritania closed it."
    got = found(text, ["Ruritania", "Strelsau", "Valley", "Ruritania"], gaz)
    assert all(name != "Valley" for name, _ in got)


def test_words_around_a_name() -> None:
    assert common_word("Time") and not common_word("Strelsau")
    text = "said Brig-Gen Zenda Smith"
    assert after_title(text, text.index("Zenda"))
    text = "a market in Zenda and Zenda district"
    assert placed_by_context(text, 12, 17)
    assert placed_by_context(text, 22, 27)
    assert not placed_by_context("Zenda Smith spoke", 0, 5)


def test_datelines() -> None:
    text = "STRELSAU, March 3 - Shelling hit Zenda.\nZenda (Reuters) - More."
    assert is_dateline(text, 0, 8)
    assert not is_dateline(text, text.index("Zenda"), text.index("Zenda") + 5)
    assert is_dateline(text, text.index("\n") + 1, text.index("\n") + 6)


def test_the_storys_place_is_its_most_named_specific_place() -> None:
    zenda = Place("Zenda", 10.2, 20.9, "Ruritania", "RU", "Hills", 3, "PPL", 0)
    whole = Place("Ruritania", 10.0, 20.0, "Ruritania", "RU", None, 1, "PCLI", 9_000_000)
    tops = [
        Toponym(Span("d", 10, 15), "Zenda", zenda),
        Toponym(Span("d", 30, 39), "Ruritania", whole),
        Toponym(Span("d", 900, 905), "Zenda", zenda),
    ]
    assert story_place(tops, "", "RU") is tops[0]
    assert story_place(tops, "", "BO") is None


def test_a_headlines_one_home_area_is_its_place() -> None:
    """A headline names its town once, maybe as its area ("the countryside of X"): an
    article must name it twice, or once up top as the town itself."""
    zenda = Place("Zenda", 10.2, 20.9, "Ruritania", "RU", "Hills", 3, "PPL", 0, geo_precision=2)
    tops = [Toponym(Span("d", 30, 35), "Zenda", zenda)]
    headline = "Shells hit the countryside of Zenda and an unnamed village"
    assert story_place(tops, headline, "RU") is tops[0]
    assert story_place(tops, headline + " " + "More. " * 60, "RU") is None


def test_official_unit_names_get_their_press_names() -> None:
    assert unit_aliases("Kabupaten Sentosa") == ("Sentosa", "Sentosa regency")
    assert unit_aliases("Lakeside District") == ("Lakeside", "Lakeside district")
    assert unit_aliases("Lakeside") == ()
