"""Administrative qualifiers after a place name ("X (Y)", "X (Y, Z)", "X town (Y)",
"X, Y state", "X in Y province") narrow the name to the unit or settle it there.
Invented places and sentences written for these tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import resolve
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_qualifier import (
    FALLBACK,
    QUALIFIED,
    QUALIFIER,
    qualified_candidates,
)
from warwire.resolve.places_qualifier_units import inside, qualifier_after, unit_places
from warwire.types import Mention, Place, Sentence, Span, Toponym

HOME, AWAY = "RU", "EL"
UPLAND = Place(
    "Upland State", 10.0, 20.0, "Ruritania", HOME, "Upland State", None, "ADM1", 2_000_000
)
LOWLAND = Place("Lowland", 0.0, 0.0, "Ruritania", HOME, "Lowland", None, "ADM1", 3_000_000)
KORVA = Place("Korva", 10.2, 20.1, "Ruritania", HOME, "Upland State", None, "PPL", 40_000)
KORVA_DIST = Place("Korva", 10.25, 20.1, "Ruritania", HOME, "Upland State", None, "ADM2", 90_000)
MIRNO_HOME = Place("Mirno", 10.5, 20.4, "Ruritania", HOME, "Upland State", None, "PPL", 2_000)
MIRNO_LOW = Place("Mirno", 0.3, 0.2, "Ruritania", HOME, "Lowland", None, "PPL", 80_000)
MIRNO_AWAY = Place("Mirno", 50.0, 5.0, "Elbonia", AWAY, "Coast", None, "PPL", 500_000)
TASK = Place("Task", 45.0, 8.0, "Elbonia", AWAY, "Coast", None, "PPL", 30_000)
NORD = Place("Nord Brava", 5.0, 5.0, "Ruritania", HOME, "Nord Brava", None, "ADM1", 900_000)
OBLAST = Place("Velkivska Oblast", 30.0, 30.0, "Ruritania", HOME, "Velkivska Oblast", None, "ADM1")
RAION = Place("Velkiv Raion", 30.1, 30.1, "Ruritania", HOME, "Velkivska Oblast", None, "ADM2", 9)
DORVO = Place("Dorvo", 31.5, 31.0, "Ruritania", HOME, "Velkivska Oblast", None, "PPL", 5_000)
MARRA_FAR = Place("Marra", -30.0, 60.0, "Elbonia", AWAY, "Marra", None, "ADM1", 5_000_000)
MARRA_NEAR = Place("Marra", 10.8, 20.8, "Ruritania", HOME, "Upland State", None, "ADM2", 1_000)
NORLAND = Place("Norland", 40.0, 40.0, None, None, None, None, "CONT", 0)
RURITANIA = Place("Ruritania", 8.0, 15.0, "Ruritania", HOME, None, None, "PCLI", 9_000_000)
# a district named after its small town, and a bigger town abroad spelt the same
SELO_DIST = Place("Selo", 12.0, 22.0, "Ruritania", HOME, "Upland State", None, "ADM2", 60_000)
SELO = Place("Selo", 12.05, 22.02, "Ruritania", HOME, "Upland State", None, "PPL", 8_000)
SELO_AWAY = Place("Selo", 47.0, 9.0, "Elbonia", AWAY, "Coast", None, "PPL", 200_000)
GAZ = MemoryGazetteer(
    [
        (UPLAND, ["Upland"]),
        LOWLAND,
        KORVA,
        KORVA_DIST,
        MIRNO_HOME,
        MIRNO_LOW,
        MIRNO_AWAY,
        TASK,
        NORD,
        OBLAST,
        (RAION, ["Velkiv"]),
        DORVO,
        MARRA_FAR,
        MARRA_NEAR,
        RURITANIA,
        NORLAND,
        SELO_DIST,
        SELO,
        SELO_AWAY,
    ]
)


def _resolve(text: str, *names: str, source: str = "GPE") -> list[Toponym]:
    cands = []
    for name in names:
        start = text.index(name)
        cands.append(Candidate(start, start + len(name), name, source))
    return resolve(text, cands, GAZ)


def test_a_district_the_gazetteer_lacks_is_its_town_without_the_compass_word() -> None:
    assert KORVA in unit_places("Korva East constituency", GAZ)
    assert {p.name for p in unit_places("West Korva", GAZ)} == {"Korva"}
    assert unit_places("Korva Hills", GAZ) == []


def test_a_name_placed_before_a_unit_worded_comma_qualifier_becomes_a_candidate() -> None:
    text = "Youths torched a kiosk at Zelvo market, Korva East constituency, on Friday."
    found = qualified_candidates(text, [], GAZ)
    assert [c.text for c in found] == ["Zelvo"]
    (zelvo,) = resolve(text, found, GAZ)
    assert zelvo.place is not None and zelvo.place.name == "Korva"
    assert zelvo.place.geo_precision == 2
    unplaced = "Minister Zelvo Dara, Korva East constituency, spoke on Friday."
    assert qualified_candidates(unplaced, [], GAZ) == []


def test_a_bare_region_name_finds_the_unit_spelled_with_its_unit_word() -> None:
    assert unit_places("Upland", GAZ) == [UPLAND]
    assert unit_places("South Brava", GAZ) == []
    assert unit_places("North Brava", GAZ) == [NORD]  # the press translates "Nord"


def test_a_qualifier_narrows_a_name_to_its_namesake_inside_the_unit() -> None:
    mirno, upland = _resolve("Herders clashed in Mirno (Upland) on Monday.", "Mirno", "Upland")
    assert mirno.place == MIRNO_HOME  # not the bigger Mirno of Lowland or abroad
    assert upland.place is not None and upland.place.place_basis == QUALIFIER


def test_a_name_with_no_namesake_in_the_unit_falls_back_to_the_unit() -> None:
    (task, _) = _resolve("Gunmen raided Task village (Upland) at night.", "Task", "Upland")
    assert task.place is not None
    assert (task.place.name, task.place.country_code) == ("Upland State", HOME)
    assert task.place.geo_precision == 3
    assert task.place.place_basis == FALLBACK + "admin1"


def test_an_inner_district_settles_a_name_at_district_precision() -> None:
    (task, korva, _) = _resolve(
        "Militants attacked Task (Korva, Upland) at dawn.", "Task", "Korva", "Upland"
    )
    assert task.place is not None and task.place.geo_precision == 2
    assert task.place.place_basis == FALLBACK + "district"
    assert korva.place is not None and korva.place.place_basis == QUALIFIER


def test_a_district_qualifier_reaches_its_neighbourhood_only() -> None:
    assert inside(MIRNO_HOME, KORVA_DIST)
    assert not inside(MIRNO_LOW, KORVA_DIST)
    assert inside(MIRNO_LOW, RURITANIA) and not inside(MIRNO_AWAY, RURITANIA)
    assert inside(KORVA, UPLAND) and not inside(MIRNO_LOW, UPLAND)


def test_a_region_is_matched_by_the_stem_of_its_official_name() -> None:
    """ "Dorvo (Velkiv)": Dorvo lies in "Velkivska Oblast", though far from Velkiv Raion."""
    (dorvo, _) = _resolve("Drones struck Dorvo (Velkiv) overnight.", "Dorvo", "Velkiv")
    assert dorvo.place == DORVO


def test_a_fallback_takes_the_namesake_unit_near_the_story() -> None:
    text = "Troops from Korva raided Zelvo village (Marra) at dawn."
    found = _resolve(text, "Korva", "Zelvo", "Marra")
    zelvo = next(t for t in found if t.text == "Zelvo")
    assert zelvo.place is not None and zelvo.place.country_code == HOME
    assert zelvo.place.geo_precision == 2


def test_unit_word_forms_after_a_comma_and_after_in() -> None:
    (mirno, _) = _resolve("Police shot a youth in Mirno, Lowland state.", "Mirno", "Lowland")
    assert mirno.place == MIRNO_LOW
    (task, _) = _resolve("A bomb went off in Task in Upland province.", "Task", "Upland")
    assert task.place is not None and task.place.feature == "ADM1"


def test_a_bare_region_after_a_comma_only_narrows() -> None:
    """ "Task, Upland" could open a list of places: no namesake inside, no fall-back."""
    task = _resolve("Strikes hit Task, Upland overnight.", "Task", "Upland")[0]
    assert task.place == TASK


def test_a_list_after_a_comma_is_no_qualifier() -> None:
    assert qualifier_after("in Task, Ruritania and Elbonia", 7, GAZ) is None
    assert qualifier_after("in Task, Ruritania, Elbonia", 7, GAZ) is None
    assert qualifier_after("in Task, Ruritania, on Monday", 7, GAZ) is not None
    assert qualifier_after("in Task, Ruritania.", 7, GAZ) is not None


def test_an_area_before_a_country_is_not_settled_in_it() -> None:
    text = "In Norland, Ruritania remains a small trading partner."
    (norland, _) = _resolve(text, "Norland", "Ruritania")
    assert norland.place is not None and norland.place.feature == "CONT"


def test_acronyms_figures_and_news_agencies_are_no_qualifiers() -> None:
    for text in ("Task (AFP)", "Task (12 km)", "Task (Reuters)", "Task (see map)"):
        assert qualifier_after(text, 4, GAZ) is None, text


def test_a_qualified_name_missing_from_the_gazetteer_becomes_a_candidate() -> None:
    text = "On Monday gunmen stormed Zelvo Dara (Upland), residents said."
    found = qualified_candidates(text, [], GAZ)
    assert [(c.text, c.source) for c in found] == [("Zelvo Dara", QUALIFIED)]
    partial = [Candidate(text.index("Dara"), text.index("Dara") + 4, "Dara", "GPE")]
    assert [c.text for c in qualified_candidates(text, partial, GAZ)] == ["Zelvo Dara"]


def test_an_organisation_before_a_qualifier_is_no_place_unless_the_text_places_it() -> None:
    text = "The Upland Press Agency (Korva) said shells fell on a market."
    agency = Span("t", 4, 23)
    sentence = Sentence(Span("t", 0, len(text)), entities=(Mention(agency, "ORG", "x"),))
    assert qualified_candidates(text, [], GAZ, [sentence]) == []
    placed = "Riots broke out in Zelvo Market (Korva) on Friday."
    market = Span("t", placed.index("Zelvo"), placed.index(" ("))
    sentence = Sentence(Span("t", 0, len(placed)), entities=(Mention(market, "ORG", "x"),))
    assert [c.text for c in qualified_candidates(placed, [], GAZ, [sentence])] == ["Zelvo Market"]


def test_a_name_holding_a_demonym_is_no_qualified_place() -> None:
    text = "Ruritanian Zelvo Guards (Korva) opened fire."
    demonym = Candidate(0, 10, "Ruritanian", "DEMONYM", HOME)
    assert qualified_candidates(text, [demonym], GAZ) == [demonym]


def test_a_sentence_opening_word_is_not_part_of_the_qualified_name() -> None:
    text = "In Zelvo (Upland), traders closed their shops."
    assert [c.text for c in qualified_candidates(text, [], GAZ)] == ["Zelvo"]


def test_a_facility_settles_at_a_town_its_name_begins_with() -> None:
    text = "Students of Korva Teachers College (Upland) marched on Friday."
    (cand,) = qualified_candidates(text, [], GAZ)
    (college,) = resolve(text, [cand], GAZ)
    assert college.place == KORVA


@given(st.text(alphabet="Az (),.é-1", max_size=40))
def test_qualifier_parsing_never_fails_on_odd_text(text: str) -> None:
    for end in range(len(text) + 1):
        qualifier_after(text, end, GAZ)
    qualified_candidates(text, [], GAZ)


def test_a_district_named_after_its_town_is_not_the_namesake_abroad() -> None:
    text = "Troops raided Selo camp (Selo) on Monday and detained four men."
    assert SELO_AWAY not in unit_places("Selo", GAZ)
    (found, _) = _resolve(text, "Selo camp", "Selo")
    assert found.place is not None and found.place.country_code == HOME
