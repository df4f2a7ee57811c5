"""Round-5 rule: a name's own mentions do not vote for its own reading."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_focus import focus_without
from warwire.types import Mention, Place, Sentence, Span, Token

US = "United States"
PLACES: list[tuple[Place, list[str]]] = [
    (Place("Alexandria", 31.2, 29.9, "Egypt", "EG", "Alexandria", 1, "PPL", 5_000_000), []),
    (Place("Alexandria", 38.8, -77.05, US, "US", "Virginia", 2, "PPL", 160_000), []),
    (Place("Virginia", 37.5, -78.9, US, "US", "Virginia", 3, "ADM1", 8_000_000), []),
    (Place("Egypt", 27.0, 30.0, "Egypt", "EG", None, 4, "PCLI", 100_000_000), []),
    (Place("Dublin", 53.35, -6.26, "Ireland", "IE", "Leinster", 5, "PPLC", 1_000_000), []),
    (Place("Dublin", 40.1, -83.1, US, "US", "Ohio", 6, "PPL", 45_000), []),
    (Place("Dublin City", 53.35, -6.26, "Ireland", "IE", "Leinster", 7, "ADM2", 550_000), []),
    (Place("Columbus", 39.96, -83.0, US, "US", "Ohio", 8, "PPL", 900_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def resolved(text: str, entities: list[str], gaz: MemoryGazetteer) -> list[str | None]:
    token = Token(0, text[:1], 0, 1, text[:1], "X", "X", "dep", 0)
    mentions, at = [], 0
    for surface in entities:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(Mention(Span("d", start, at), "GPE", surface))
    sentences = [Sentence(Span("d", 0, len(text)), (token,), tuple(mentions))]
    return [t.place.admin1 if t.place else None for t in toponyms_for(text, sentences, gaz, "d")]


def test_repeated_name_does_not_outvote_the_state_named_once(gaz: MemoryGazetteer) -> None:
    text = (
        "Alexandria police said the Alexandria man was held. Alexandria detectives "
        "asked Virginia officials for help."
    )
    got = resolved(text, ["Alexandria", "Alexandria", "Alexandria", "Virginia"], gaz)
    assert got == ["Virginia"] * 4


def test_repeated_name_keeps_its_famous_reading_in_a_foreign_story(gaz: MemoryGazetteer) -> None:
    text = "Alexandria and Alexandria's port grew as Egypt traded."
    got = resolved(text, ["Alexandria", "Alexandria", "Egypt"], gaz)
    assert got[:2] == ["Alexandria", "Alexandria"]


def test_longer_form_of_the_name_is_left_out_too(gaz: MemoryGazetteer) -> None:
    text = "Dublin City Council met in Dublin, near Columbus."
    got = resolved(text, ["Dublin City", "Dublin", "Columbus"], gaz)
    assert got[1] == "Ohio"


def test_focus_without_ignores_the_name_and_its_longer_forms(gaz: MemoryGazetteer) -> None:
    options = [gaz.lookup("Dublin"), gaz.lookup("Dublin City"), gaz.lookup("Columbus")]
    focus = focus_without(options, ["dublin", "dublin city", "columbus"], "dublin")
    assert focus.countries == {"US": 1.0}
    assert focus.regions == {"Ohio": 1.0}
