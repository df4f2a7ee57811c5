from datetime import date

import pytest

from warwire.taxonomy import EVENT_TYPE_OF, SUB_EVENT_TYPES, disorder_type, interaction
from warwire.types import Document, Source, Span, When


def test_span_rejects_negative_or_inverted_ranges() -> None:
    with pytest.raises(ValueError):
        Span("d", 5, 2)
    with pytest.raises(ValueError):
        Span("d", -1, 2)
    assert Span("d", 2, 5).text_in("abcdefg") == "cde"
    assert Span("d", 0, 10).covers(Span("d", 2, 3))
    assert not Span("d", 0, 10).covers(Span("e", 2, 3))


def test_when_event_date_is_the_middle_of_a_range() -> None:
    assert When(date(2020, 5, 18), date(2020, 5, 24), 2).event_date == date(2020, 5, 21)
    assert When(date(2020, 5, 24), date(2020, 5, 24), 1).event_date == date(2020, 5, 24)
    assert When().event_date is None


def test_reference_date_prefers_the_original_outlet() -> None:
    d = Document("x", "x", "t", published=date(2020, 5, 26), original_published=date(2020, 5, 25))
    assert d.reference_date == date(2020, 5, 25)
    assert Document("x", "x", "t", source=Source()).reference_date is None


def test_taxonomy_has_acled_six_types_and_25_sub_types() -> None:
    assert len(SUB_EVENT_TYPES) == 6
    assert len(EVENT_TYPE_OF) == 25


@pytest.mark.parametrize(
    ("sub_event_type", "expected"),
    [
        ("Armed clash", "Political violence"),
        ("Air/drone strike", "Political violence"),
        ("Attack", "Political violence"),
        ("Peaceful protest", "Demonstrations"),
        ("Violent demonstration", "Demonstrations"),
        ("Excessive force against protesters", "Political violence; Demonstrations"),
        ("Agreement", "Strategic developments"),
    ],
)
def test_disorder_type(sub_event_type: str, expected: str) -> None:
    assert disorder_type(sub_event_type) == expected


def test_interaction_puts_the_lower_code_first() -> None:
    assert interaction(2, 1) == "State forces-Rebel group"
    assert interaction(7, None) == "Civilians only"
    assert interaction(None, None) is None
