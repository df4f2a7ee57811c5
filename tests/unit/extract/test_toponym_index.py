"""The document's names found by bisection equal a scan over every name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warwire.extract.records import (
    toponyms_covering,
    toponyms_near,
    toponyms_starting,
    toponyms_within,
)
from warwire.types import Span, Toponym

spans = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 40)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=30,
)
windows = st.tuples(st.integers(0, 340), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1]))


def _names(pairs: list[tuple[int, int]]) -> tuple[Toponym, ...]:
    return tuple(Toponym(Span("d", a, b), f"n{k}", None) for k, (a, b) in enumerate(pairs))


@given(spans, windows)
def test_names_inside_covering_and_starting_in_a_window(
    pairs: list[tuple[int, int]], window: tuple[int, int]
) -> None:
    tops, (lo, hi) = _names(pairs), window
    assert toponyms_within(tops, lo, hi) == [
        t for t in tops if lo <= t.span.start and t.span.end <= hi
    ]
    assert toponyms_covering(tops, lo, hi) == [
        t for t in tops if t.span.start <= lo and hi <= t.span.end
    ]
    assert toponyms_starting(tops, lo, hi) == [t for t in tops if lo <= t.span.start < hi]


@given(spans, windows, st.integers(0, 50))
def test_names_near_a_span_hold_every_name_within_reach(
    pairs: list[tuple[int, int]], window: tuple[int, int], reach: int
) -> None:
    tops, (lo, hi) = _names(pairs), window
    near = toponyms_near(tops, lo, hi, reach)
    assert near == [t for t in tops if t in near]  # document order
    for t in tops:
        gap = t.span.start - hi if t.span.start >= hi else lo - t.span.end
        if 0 <= gap <= reach:
            assert t in near
