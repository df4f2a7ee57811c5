"""A death figure beyond plausibility (``largest_toll`` in casualties.yaml) is a
claim flagged ``implausible``, never an event's fatalities and never replaced by
the no-number guess; a digit string too long to be a quantity is such a figure,
kept at a lower bound the store can hold."""

from __future__ import annotations

import pytest

from warwire.extract.aggregates import AggregateKind, find_aggregate
from warwire.extract.numbers import fatalities
from warwire.extract.quantities import lexicon


@pytest.mark.parametrize(
    ("figure", "kept"),
    [
        ("30000000", 30_000_000),
        ("4000000000000000000000", 10**18),  # 22 digits: at least 10**21, kept as 10**18
        ("7" + "0" * 400, 10**18),
        ("12,000,000,000,000,000,000", 10**18),
    ],
)
def test_a_figure_past_the_ceiling_is_a_flagged_claim(figure: str, kept: int) -> None:
    text = f"Gunmen killed {figure} villagers in the hills on Monday, officials said."
    deaths = fatalities(text)
    assert deaths is not None and deaths.value == 0 and deaths.figure is None
    (total,) = deaths.totals
    assert total.kind == "implausible" and total.figure.value == kept < 2**63
    assert text[total.figure.start : total.figure.end] == figure
    aggregate = find_aggregate(text)
    assert aggregate is not None and aggregate.qualifier == "implausible"
    assert aggregate.kind is AggregateKind.IN_PASSING  # the attack itself is still told


def test_the_ceiling_itself_is_not_flagged_and_ordinary_figures_are_tolls() -> None:
    ceiling = lexicon()["numbers"]["largest_toll"]
    deaths = fatalities(f"Gunmen killed {ceiling} villagers in the hills.")
    assert deaths is not None and all(t.kind != "implausible" for t in deaths.totals)
    deaths = fatalities("Gunmen killed 14 villagers in the hills.")
    assert deaths is not None and deaths.value == 14 and not deaths.totals


def test_a_long_digit_string_that_counts_no_deaths_is_not_a_toll() -> None:
    assert fatalities("The ledger showed 12345678901234567890 entries.") is None
