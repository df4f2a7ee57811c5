"""A place name inside an armed group's name is not a place of the story."""

from warwire.resolve.places import outside_actor_names
from warwire.types import Place, Span, Toponym


def _toponym(text: str, word: str) -> Toponym:
    start = text.index(word)
    return Toponym(Span("d", start, start + len(word)), word, Place(word, 0.0, 0.0))


def test_place_inside_a_group_name_is_dropped() -> None:
    text = "Fighters of Boko Haram raided a village."
    assert outside_actor_names(text, [_toponym(text, "Haram")]) == []


def test_place_beside_a_group_name_stays() -> None:
    text = "Boko Haram fighters raided Gwoza on Monday."
    kept = outside_actor_names(text, [_toponym(text, "Gwoza")])
    assert [t.text for t in kept] == ["Gwoza"]
