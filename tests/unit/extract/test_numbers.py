"""Word numbers and ACLED fatality rules."""

from hypothesis import given
from hypothesis import strategies as st

from warwire.extract.aggregates import AggregateKind, find_aggregate
from warwire.extract.equipment import find_equipment
from warwire.extract.numbers import fatalities, parse_number
from warwire.extract.triggers import is_candidate


def test_word_numbers() -> None:
    assert parse_number("two") == 2
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred") == 200
    assert parse_number("1,200") == 1200
    assert parse_number("dozens") == 12
    assert parse_number("tens") == 10
    assert parse_number("hundreds") == 100
    assert parse_number("banana") is None


@given(st.integers(min_value=0, max_value=10**6))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


def test_conservative_and_qualified() -> None:
    assert fatalities("Gunmen killed at least 14 miners near Butembo.").value == 14  # type: ignore[union-attr]
    assert fatalities("Over 20 soldiers were killed in the ambush.").value == 20  # type: ignore[union-attr]
    both = fatalities("The blast killed four police officers and two passers-by in Quetta.")
    assert both is not None and both.value == 6


def test_injuries_are_not_deaths() -> None:
    assert fatalities("Seven villagers were injured when the shell landed.").value == 0  # type: ignore[union-attr]
    mixed = fatalities("Some 40 fighters were killed or injured near the dam.")
    assert mixed is not None and mixed.value == 0 and mixed.mixed


def test_no_number_convention() -> None:
    assert fatalities("Bandits killed villagers in a massacre near Zurmi.").value == 10  # type: ignore[union-attr]
    assert fatalities("A patrol was ambushed and soldiers were killed.").value == 3  # type: ignore[union-attr]
    assert fatalities("No casualties were reported after the rocket hit.").value == 0  # type: ignore[union-attr]
    assert fatalities("The convoy reached the camp safely.") is None


def test_aggregates() -> None:
    total = find_aggregate("The death toll from weeks of fighting in El Fasher has reached 782.")
    assert total is not None and total.kind is AggregateKind.RUNNING_TOTAL
    assert (total.value, total.qualifier) == (782, "cumulative")
    window = find_aggregate(
        "The air force said it destroyed 9 rebel trucks during the last 4 days."
    )
    assert window is not None and window.kind is AggregateKind.MULTI_DAY and window.value == 9
    assert find_aggregate("On Monday, rebels killed three soldiers near Gao.") is None


def test_equipment() -> None:
    text = "Rebels said they downed three Iranian-made Mohajer-6 drones supplied by Tehran."
    (item,) = find_equipment(text, 100, "d")
    assert (item.name, item.kind, item.count, item.origin) == ("Mohajer-6", "drone", 3, "Iran")
    assert item.supplied_by == "Tehran"
    assert item.evidence is not None and item.evidence.start == 100 + text.index("drones")


def test_candidate_scan() -> None:
    assert is_candidate("Militants ambushed a convoy near Diffa.")
    assert is_candidate("Hundreds of students marched in Dhaka.")
    assert is_candidate("Police detained the party leader.")
    assert not is_candidate("The central bank raised interest rates by half a point.")


def test_a_preposition_before_an_article_is_no_qualifier() -> None:
    passing = fatalities("A relative wept over a man found dead by the road.")
    assert passing is not None and passing.value == 1 and passing.rough
    dozen = fatalities("More than a dozen people were killed.")
    assert dozen is not None and dozen.value == 12 and not dozen.rough


def test_a_whole_named_before_its_parts_is_no_part() -> None:
    whole = fatalities("Nine villagers, among them two women and a child, lost their lives.")
    assert whole is not None and whole.value == 9 and not whole.rough
    part = fatalities("Two of them were killed.")
    assert part is not None and part.rough
