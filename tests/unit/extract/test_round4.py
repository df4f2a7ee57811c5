"""Round 4: figurative war words, one-sided raids, dates inside figures, weekly tolls,
"Earlier" windows, implied shooters of lost drones."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.extract.aggregates import AggregateKind, find_aggregate
from warwire.extract.events import _earlier
from warwire.extract.numbers import fatalities
from warwire.types import Analysis, When


def test_day_of_month_is_not_a_victim_count() -> None:
    got = fatalities("Clashes between rebels and the army in Goma on 20 June left 12 dead.")
    assert got is not None and got.value == 12


def test_modal_may_is_not_a_month() -> None:
    got = fatalities("Five soldiers may have been killed in the ambush.")
    assert got is not None and got.value == 5


def test_neutralised_counts_as_killed() -> None:
    got = fatalities("Ten militants were neutralised during the operation.")
    assert got is not None and got.value == 10


@given(st.integers(min_value=1, max_value=27), st.sampled_from(["June", "March", "October"]))
def test_a_range_of_days_is_a_total(day: int, month: str) -> None:
    text = f"Between {day} and {day + 1} {month}, 213 people were reported killed in the region."
    agg = find_aggregate(text)
    assert agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL and agg.value == 213


def test_earlier_ends_at_the_last_dated_day() -> None:
    last = When(date(2020, 5, 23), date(2020, 5, 23), 1)
    got = _earlier("Earlier, the group claimed a contractor was killed.", last)
    assert got == When(date(2020, 5, 1), date(2020, 5, 23), 3)
    assert _earlier("Meanwhile, the group claimed it.", last) is None
    assert _earlier("Earlier, the group claimed it.", None) is None


def _run(texts: list[str]) -> list[Analysis]:
    from warwire.config import Settings
    from warwire.pipeline import Pipeline
    from warwire.registry import default_stages
    from warwire.types import Document, Source

    docs = [
        Analysis(Document(f"r4-{i}", "t", t, published=date(2024, 7, 1), source=Source("Desk")))
        for i, t in enumerate(texts)
    ]
    return Pipeline(default_stages(Settings())).run(docs)


@pytest.mark.slow
def test_pipeline_round4_cases() -> None:
    figurative, bodies, sides, place = _run(
        [
            "The central bank launched a new attack on inflation on Tuesday in Accra.",
            "Villagers near Bunia found nine bodies on 2 June after a raid by CODECO militants.",
            "On Saturday the RSF and the army fought in Nyala, leaving four dead.",
            "Russian forces shelled Kharkiv on 12 June, killing two men.",
        ]
    )
    assert not figurative.events
    assert [e.sub_event_type for e in bodies.events] == ["Attack"]
    clash = sides.events[0]
    assert clash.actor1 and clash.actor2 and clash.actor1.name != clash.actor2.name
    shelling = place.events[0]
    assert (
        shelling.actor2 is None and shelling.location_text and "Kharkiv" in shelling.location_text
    )
