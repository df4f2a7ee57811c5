"""Totals over several events are claims, never an event's fatalities."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.extract.aggregates import AggregateKind, find_aggregate
from warwire.extract.numbers import fatalities


@pytest.mark.parametrize(
    "text",
    [
        "Air raids have killed more than 40,000 people in the territory since October.",
        "So far this year 312 civilians have been killed in the province.",
        "The insurgency has killed at least 2,300 people, the United Nations says.",
        "A string of raids across the region has killed at least 52 people.",
        "Over the past two years the fighting has claimed 1,900 lives.",
        "In total, 87 people have died in the unrest.",
        "Nationwide, 140 protesters have been killed by security forces.",
        "Between 3 and 9 May, 64 people were reported killed in the district.",
        "More than 5,000 people were killed in the country last year.",
    ],
)
def test_totals_are_no_event_toll(text: str) -> None:
    got = fatalities(text)
    assert got is None or got.value == 0, text
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL, text


@pytest.mark.parametrize(
    ("text", "own", "total"),
    [
        ("Two soldiers died on Monday, bringing the toll since January to 45.", 2, 45),
        ("The mortar killed four pupils; the war has killed 9,000 since it began.", 4, 9000),
        ("A bomb killed six traders, raising the death toll this month to 38.", 6, 38),
    ],
)
def test_own_toll_beside_a_total(text: str, own: int, total: int) -> None:
    got = fatalities(text)
    assert got is not None and got.value == own
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.IN_PASSING and agg.value == total


def test_a_total_in_passing_leaves_the_event() -> None:
    text = "An offensive that has killed over 300 rebels let the army retake the town."
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.IN_PASSING and agg.value == 300
    got = fatalities(text)
    assert got is not None and got.value == 0


def test_a_toll_dated_by_its_year_is_an_older_incidents() -> None:
    text = "Rebels raided a camp in Oreb on Monday, a valley where 14 herders were killed in 2017."
    got = fatalities(text)
    assert got is not None and got.value == 0
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.IN_PASSING and agg.value == 14


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was the deadliest attack this year: 23 people were killed.", 23),
        ("The death toll from Tuesday's car bombing rose to 19.", 19),
        ("The earthquake-scale blast at the depot killed 1,200 people.", 1200),
        ("Attacks over the weekend left three guards and a driver dead.", 4),
    ],
)
def test_single_events_keep_their_toll(text: str, value: int) -> None:
    got = fatalities(text)
    assert got is not None and got.value == value, text


def test_multi_day_counts() -> None:
    agg = find_aggregate("Over the past three days 27 militants were killed in air strikes.")
    assert agg is not None and agg.kind is AggregateKind.MULTI_DAY and agg.value == 27
    drones = find_aggregate("Air defences downed 41 drones over the last 5 days.")
    assert drones is not None and drones.kind is AggregateKind.MULTI_DAY and drones.value == 41


@given(st.integers(min_value=1000, max_value=9_000_000))
def test_thousands_are_totals(n: int) -> None:
    got = fatalities(f"Fighting has killed {n:,} people.")
    assert got is None or got.value == 0


def test_a_counted_number_that_reached_a_figure_is_a_total() -> None:
    text = "The number of foreign fighters killed in the region reportedly reached 208."
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL and agg.value == 208
    got = fatalities(text)
    assert got is None or got.value == 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monitors report that over 700 villagers were killed in the crackdown.", 700),
        ("Eleven teachers were killed during the months of unrest, their union said.", 11),
        ("Nearly 3,000 fighters died over the course of the rebellion.", 3000),
        ("Over 2,000 students were detained in the course of the uprising.", 2000),
    ],
)
def test_campaign_tolls_are_totals(text: str, value: int) -> None:
    got = fatalities(text)
    assert got is None or got.value == 0, text
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL and agg.value == value


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Five marchers were killed in the crackdown on Thursday's sit-in at the square.", 5),
        ("Two miners were killed in the crackdown on 12 April outside the pit.", 2),
        ("Three guards were killed in the operation near the dam.", 3),
    ],
)
def test_a_dated_incident_in_a_campaign_keeps_its_toll(text: str, own: int) -> None:
    got = fatalities(text)
    assert got is not None and got.value == own and not got.totals, text
