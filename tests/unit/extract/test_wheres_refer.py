"""Places a sentence points at without naming them: "the capital", "the town"."""

from datetime import date
from typing import Any

import pytest

from warwire.config import Settings
from warwire.extract.records import Context
from warwire.extract.wheres_refer import a_people, force_town, lone_abroad
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Place, Source, Span, Toponym

REF = date(2024, 7, 1)


def _events(text: str) -> list[Event]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.slow
def test_the_capital_is_the_capital_the_story_names() -> None:
    events = _events(
        "Police fired tear gas on Sunday at protesters marching into the heart of the "
        "capital, witnesses said. The unrest spread from Herat, where rallies began last "
        "week. Traders in Herat shut their shops. Schools in Kabul stayed closed."
    )
    assert [e.location_text for e in events] == ["Kabul"]


@pytest.mark.slow
def test_the_town_is_the_town_named_before() -> None:
    events = _events(
        "Gunmen stormed Bama in Borno state on Friday, the army said. Troops retook the "
        "town on Sunday after the militants withdrew, an officer said. Maiduguri, the "
        "state capital, has been calm for weeks, and markets in Maiduguri reopened."
    )
    assert events and all(e.location_text == "Bama" for e in events)


def _ctx(text: str, code: str, names: dict[str, Place | None]) -> Context:
    tops = []
    for name, place in names.items():
        start = text.index(name)
        tops.append(Toponym(Span("d", start, start + len(name)), name, place))
    none: Any = None
    return Context("d", text, "Desk", REF, code, None, tuple(tops), none, none)


def _place(name: str, code: str, feature: str = "PPL", population: int = 2000) -> Place:
    return Place(name, 1.0, 2.0, code, code, None, 1, feature, population, 1, None)


def _top(ctx: Context, name: str) -> Toponym:
    return next(t for t in ctx.toponyms if t.text == name)


def test_a_small_namesake_abroad_with_no_other_place_there_is_no_place() -> None:
    text = "Troops found a bomb north of Oldtown. Gunmen later hit Newtown in the north."
    ctx = _ctx(text, "AA", {"Oldtown": _place("Oldtown", "BB"), "Newtown": _place("N", "AA")})
    assert lone_abroad(ctx, _top(ctx, "Oldtown"))
    assert not lone_abroad(ctx, _top(ctx, "Newtown"))


def test_a_place_abroad_beside_others_there_or_a_city_is_meant() -> None:
    text = "Shelling hit Oldtown and Bigtown across the border in Bland."
    bland = _place("Bland", "BB", "PCLI", 10**6)
    ctx = _ctx(text, "AA", {"Oldtown": _place("Oldtown", "BB"), "Bland": bland})
    assert not lone_abroad(ctx, _top(ctx, "Oldtown"))
    city = _ctx(text, "AA", {"Bigtown": _place("Bigtown", "BB", "PPL", 400_000)})
    assert not lone_abroad(city, _top(city, "Bigtown"))


def test_an_unresolved_name_cued_as_a_people_is_no_place() -> None:
    text = "The dead were ethnic Qorans, and Zubi tribesmen fled to Qaryat."
    ctx = _ctx(text, "AA", {"Qorans": None, "Zubi": None, "Qaryat": None})
    assert a_people(ctx, _top(ctx, "Qorans")) and a_people(ctx, _top(ctx, "Zubi"))
    assert not a_people(ctx, _top(ctx, "Qaryat"))


def test_a_towns_own_police_place_the_event_in_the_town() -> None:
    text = "Oldtown police cleared the camp."
    ctx = _ctx(text, "AA", {"Oldtown": _place("Oldtown", "AA")})
    sentence = Span("d", 0, len(text))
    actor = Span("d", 0, len("Oldtown police"))
    found = force_town(ctx, sentence, [actor])
    assert found is not None and found.text == "Oldtown"
    assert force_town(ctx, sentence, []) is None
