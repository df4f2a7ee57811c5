"""Neighbourhoods: "X neighbourhood in Y" is coded at the city Y, never at a namesake abroad."""

from __future__ import annotations

from warwire.resolve.places_parts import city_parts
from warwire.types import Place, Span, Toponym

# invented places
CITY = Place("Velmora", 10.0, 20.0, "Ruritania", "RU", "Upland", None, "PPL", 400_000)
OTHER = Place("Dostra", 12.0, 22.0, "Ruritania", "RU", "Upland", None, "PPL", 90_000)
ABROAD = Place("Qarim", 40.0, -5.0, "Elsewhere", "EL", "Coast", None, "PPL", 50_000)
HOME_FAR = Place("Qarim", 11.5, 21.5, "Ruritania", "RU", "Upland", None, "PPL", 3_000)
HOME_NEAR = Place("Qarim", 10.1, 20.1, "Ruritania", "RU", "Upland", None, "PPL", 3_000)


def _tops(text: str, places: dict[str, Place | None]) -> list[Toponym]:
    return [
        Toponym(Span("d", text.index(n), text.index(n) + len(n)), n, p) for n, p in places.items()
    ]


def _part(text: str, places: dict[str, Place | None], home: str | None = "RU") -> Place | None:
    return city_parts(text, _tops(text, places), home)[0].place


def test_a_neighbourhood_in_a_named_city_is_that_city_at_precision_one() -> None:
    for text in (
        "Shells hit the Qarim neighbourhood in Velmora on Monday",
        "Shells hit the Qarim Jadid neighborhood of the capital Velmora",
        "Shells hit the Qarim quarter, Velmora",
    ):
        place = _part(text, {"Qarim": ABROAD, "Velmora": CITY})
        assert place is not None and (place.name, place.geo_precision) == ("Velmora", 1), text


def test_with_no_city_after_it_the_one_town_of_the_sentence_is_its_city() -> None:
    text = "Shells hit the Qarim neighbourhood and clashes go on around Velmora"
    place = _part(text, {"Qarim": HOME_FAR, "Velmora": CITY})
    assert place is not None and (place.name, place.geo_precision) == ("Velmora", 2)


def test_a_namesake_beside_a_town_of_the_sentence_stays() -> None:
    text = "Shells hit the Qarim neighbourhood and clashes go on around Velmora"
    assert _part(text, {"Qarim": HOME_NEAR, "Velmora": CITY}) == HOME_NEAR


def test_a_namesake_abroad_with_no_city_is_no_place() -> None:
    assert _part("Shells hit the Qarim neighbourhood overnight", {"Qarim": ABROAD}) is None
    text = "Shells hit the Qarim neighbourhood; Velmora and Dostra were calm"
    assert _part(text, {"Qarim": ABROAD, "Velmora": CITY, "Dostra": OTHER}) is None


def test_names_that_are_no_neighbourhood_are_left_alone() -> None:
    text = "Shells hit Qarim and the neighbourhood of Velmora"
    assert _part(text, {"Qarim": ABROAD, "Velmora": CITY}) == ABROAD
    text = "Shells hit Qarim town in Velmora"
    assert _part(text, {"Qarim": HOME_FAR, "Velmora": CITY}) == HOME_FAR


def test_the_capital_of_a_headline_is_the_capital_it_names_not_a_demonyms() -> None:
    from warwire.resolve.gazetteer import MemoryGazetteer
    from warwire.resolve.places_candidate import Candidate
    from warwire.resolve.places_story import named_capital

    capital = Place("Velmora", 10.0, 20.0, "Ruritania", "RU", "Upland", None, "PPLC", 900_000)
    namesake = Place("Velmora", 40.0, -80.0, "Elsewhere", "EL", "Coast", None, "PPL", 2_000)
    gaz = MemoryGazetteer([capital, namesake])
    text = "Shells on the capital hit the Freedonian embassy and a police station of Velmora"
    start = text.index("Velmora")
    found = [Candidate(start, start + 7, "Velmora", "GPE")]
    assert named_capital(found, gaz) == "RU"
    assert named_capital([], gaz) is None


def test_a_headline_of_no_place_country_is_set_where_its_armed_group_is_based() -> None:
    from warwire.resolve.places_story import group_country

    assert group_country("Al-Shabaab fighters attack a base near the border") == "SO"
    assert group_country("Kenyan troops repel an attack on a base") is None  # state forces
    assert group_country("Boko Haram and al-Shabaab fighters praised") is None  # two countries


def test_a_neighbourhood_s_namesake_abroad_does_not_move_the_story_abroad() -> None:
    from warwire.resolve.gazetteer import MemoryGazetteer
    from warwire.resolve.places import resolve
    from warwire.resolve.places_candidate import Candidate
    from warwire.resolve.places_parts import city_part

    text = "Fierce battles near the Qarim neighborhood in Velmora city"
    assert city_part(text, text.index(" neighborhood"))
    assert not city_part("Fierce battles near Qarim and Velmora", len("Fierce battles near Qarim"))
    city = Place("Velmora", 10.0, 20.0, "Ruritania", "RU", "Upland", None, "PPL", 40_000)
    gaz = MemoryGazetteer([ABROAD, (city, ["Velmora City"])])
    cands = [
        Candidate(text.index("Qarim"), text.index("Qarim") + 5, "Qarim", "LOC"),
        Candidate(text.index("Velmora"), text.index("Velmora") + 7, "Velmora", "GPE"),
    ]
    places = [t.place for t in resolve(text, cands, gaz)]
    assert [p.name if p else None for p in places] == ["Velmora", "Velmora"]
