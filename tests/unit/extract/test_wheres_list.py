"""Every place of an incident list is an event place; actors and routes are not."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

REF = date(2024, 7, 1)


def _events(text: str) -> list[Event]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.slow
def test_list_after_together_with_gives_every_village() -> None:
    events = _events(
        "Israeli artillery pounded the edges of Deir Mimas together with Blat, "
        "Kfar Hamam and Wadi Hujeir on Tuesday."
    )
    assert any(e.location_text == "Deir Mimas" for e in events)


@pytest.mark.slow
def test_every_listed_village_is_its_own_event() -> None:
    events = _events(
        "Israeli artillery shelled Deir Mimas, Blat and Kfar Hamam on Tuesday, "
        "the army said. Beirut said the shelling of the border villages went on."
    )
    assert {"Deir Mimas", "Blat", "Kfar Hamam"} <= {e.location_text for e in events}


@pytest.mark.slow
def test_people_are_not_places() -> None:
    events = _events("Gunmen attacked Hassan Ali and Musa Bako in Maiduguri on Monday.")
    assert {e.location_text for e in events} == {"Maiduguri"}


@pytest.mark.slow
def test_brand_is_not_a_place() -> None:
    events = _events(
        "A drone hit a Toyota pickup near Kidal on Monday, killing two fighters, residents said."
    )
    assert all(e.place is None or e.place.country_code == "ML" for e in events)


def test_a_listed_village_the_gazetteer_lacks_is_near_the_one_before_it() -> None:
    events = _events(
        "Government artillery shelled Kadugli, Qqorbat and Dilling in South Kordofan on "
        "Monday, residents said."
    )
    by_name = {e.location_text: e for e in events}
    assert set(by_name) == {"Kadugli", "Qqorbat", "Dilling"}
    unfound = by_name["Qqorbat"].place
    assert unfound is not None and unfound.name == "Kadugli" and unfound.geo_precision == 2
    assert unfound.place_basis == "near town"


def test_names_an_appositive_calls_villages_are_places() -> None:
    events = _events(
        "The army said its troops recaptured Zorvanka and Melkino, two villages of the "
        "eastern district, on Monday."
    )
    assert [e.sub_event_type for e in events] == ["Government regains territory"] * 2


def test_captured_people_are_no_list_of_places() -> None:
    events = _events("Rebels captured Ahmed Salah and Omar Idris near the border on Monday.")
    assert not {"Ahmed Salah", "Omar Idris"} & {e.location_text for e in events}
