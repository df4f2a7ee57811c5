"""Date expressions -> ACLED windows: parametrised rule tables plus property tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.resolve.dates import best_date, resolve_dates, undated_window
from warwire.types import Span, When

MON = date(2020, 5, 25)  # a Monday, the reference of the Libya example
TUE = date(2023, 3, 14)


def _one(text: str, ref: date | None) -> When:
    found = resolve_dates(text, 0, "d", ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "ref", "start", "end", "precision", "surface"),
    [
        (
            "Clashes erupted north of the town early on May 24.",
            MON,
            "2020-05-24",
            "2020-05-24",
            1,
            "May 24",
        ),
        (
            "It shot down 13 drones during the last 3 days.",
            MON,
            "2020-05-22",
            "2020-05-25",
            2,
            "during the last 3 days",
        ),
        ("On May 23, sources said the men withdrew.", MON, "2020-05-23", "2020-05-23", 1, "May 23"),
        (
            "Fighting resumed on 24 May 2020 at dawn.",
            MON,
            "2020-05-24",
            "2020-05-24",
            1,
            "24 May 2020",
        ),
        ("A raid on 3 March killed two.", TUE, "2023-03-03", "2023-03-03", 1, "3 March"),
        ("The convoy was hit on Sunday.", TUE, "2023-03-12", "2023-03-12", 1, "on Sunday"),
        ("The convoy was hit on Tuesday.", TUE, "2023-03-14", "2023-03-14", 1, "on Tuesday"),
        ("The convoy was hit last Tuesday.", TUE, "2023-03-07", "2023-03-07", 1, "last Tuesday"),
        ("Police dispersed the crowd yesterday.", TUE, "2023-03-13", "2023-03-13", 1, "yesterday"),
        ("Shelling continued overnight.", TUE, "2023-03-13", "2023-03-13", 1, "overnight"),
        ("Drones struck the base last night.", TUE, "2023-03-13", "2023-03-13", 1, "last night"),
        ("Protesters gathered today.", TUE, "2023-03-14", "2023-03-14", 1, "today"),
        ("A blast hit the market this week.", TUE, "2023-03-13", "2023-03-14", 2, "this week"),
        ("A blast hit the market last week.", TUE, "2023-03-06", "2023-03-12", 2, "last week"),
        ("Raids went on over the weekend.", TUE, "2023-03-11", "2023-03-12", 2, "over the weekend"),
        (
            "Troops arrived earlier this month.",
            TUE,
            "2023-03-01",
            "2023-03-13",
            3,
            "earlier this month",
        ),
        ("Troops arrived last month.", TUE, "2023-02-01", "2023-02-28", 3, "last month"),
        (
            "Strikes hit it in the past 48 hours.",
            TUE,
            "2023-03-12",
            "2023-03-14",
            2,
            "in the past 48 hours",
        ),
        (
            "Attacks rose over the past two weeks.",
            TUE,
            "2023-02-28",
            "2023-03-14",
            3,
            "over the past two weeks",
        ),
        ("Fighting flared in February.", TUE, "2023-02-01", "2023-02-28", 3, "in February"),
        ("Fighting flared in June.", TUE, "2022-06-01", "2022-06-30", 3, "in June"),
        ("The offensive began in July 2019.", TUE, "2019-07-01", "2019-07-31", 3, "July 2019"),
        ("Clashes on May 20-22 left many dead.", MON, "2020-05-20", "2020-05-22", 2, "May 20-22"),
        (
            "The report, dated 2021-11-05, said so.",
            None,
            "2021-11-05",
            "2021-11-05",
            1,
            "2021-11-05",
        ),
        (
            "Gunmen struck on Saturday, March 11, 2023.",
            TUE,
            "2023-03-11",
            "2023-03-11",
            1,
            "Saturday, March 11, 2023",
        ),
        ("Jets struck on Sept. 9.", date(2023, 9, 20), "2023-09-09", "2023-09-09", 1, "Sept. 9"),
    ],
)
def test_rules(
    text: str, ref: date | None, start: str, end: str, precision: int, surface: str
) -> None:
    got = _one(text, ref)
    assert (str(got.start), str(got.end), got.time_precision) == (start, end, precision)
    assert got.span is not None
    assert text[got.span.start : got.span.end] == surface


@pytest.mark.parametrize(
    ("text", "ref", "year"),
    [
        ("It happened on December 30.", date(2021, 1, 2), 2020),  # across New Year
        ("It happened on January 3.", date(2020, 12, 30), 2021),  # a week ahead: scheduled
        ("It happened on 29 February.", date(2021, 3, 1), 2020),
        ("It happened on May 26.", date(2020, 5, 25), 2020),
        ("It happened on June 30.", date(2020, 5, 25), 2019),
    ],
)
def test_year_inference(text: str, ref: date, year: int) -> None:
    got = _one(text, ref)
    assert got.start is not None and got.start.year == year


@pytest.mark.parametrize(
    "text",
    [
        "They may strike again.",
        "Some 3 soldiers and 12 civilians died; march toward the capital.",
        "Officials said they would decide in due course.",
        "The 2020 offensive failed.",
        "He will march on.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert resolve_dates(text, 0, "d", TUE) == []


def test_without_reference_relative_dates_stay_unresolved() -> None:
    text = "Yesterday, on Sunday and on May 3, and also on 5 May 2019."
    got = resolve_dates(text, 0, "d", None)
    assert [text[w.span.start : w.span.end] for w in got if w.span] == [
        "Yesterday", "on Sunday", "May 3", "5 May 2019"
    ]  # fmt: skip
    assert [w.start for w in got[:3]] == [None, None, None]
    assert got[3].start == date(2019, 5, 5)


def test_offsets_are_document_offsets() -> None:
    doc = "Intro sentence. Then on 3 March gunmen attacked."
    start = doc.index("Then")
    (got,) = resolve_dates(doc[start:], start, "doc1", TUE)
    assert got.span == Span("doc1", doc.index("3 March"), doc.index("3 March") + 7)


def test_impossible_date_is_skipped() -> None:
    assert resolve_dates("on 31 April 2020", 0, "d", MON) == []


def test_undated_window() -> None:
    assert undated_window(None) == When()
    w = undated_window(MON)
    assert (w.start, w.end, w.time_precision) == (MON, MON, 2)


def test_best_date_prefers_resolved_and_precise() -> None:
    week = When(date(2020, 5, 18), date(2020, 5, 24), 2)
    day = When(date(2020, 5, 24), date(2020, 5, 24), 1)
    later_day = When(date(2020, 5, 22), date(2020, 5, 22), 1)
    assert best_date([When(None, None, 1), week, day, later_day]) == day
    assert best_date([When(None, None, 1)]) is None
    assert best_date([]) is None


_WORDS = st.sampled_from(
    ["on", "May", "may", "24", "3", "March", "last", "week", "Sunday", "yesterday", "the",
     "past", "9999", "days", "hours", "in", "2020", "-", ",", "overnight", "weekend", "31",
     "February", "29", "this", "month", "earlier", "of", "2019-02-30", "0", "during"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.one_of(_WORDS, st.text(max_size=5)), max_size=12),
    ref=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))),
    offset=st.integers(min_value=0, max_value=10_000),
)
def test_never_raises_spans_slice_and_ordered(
    words: list[str], ref: date | None, offset: int
) -> None:
    text = " ".join(words)
    for w in resolve_dates(text, offset, "d", ref):
        assert w.span is not None
        assert 0 <= w.span.start - offset < w.span.end - offset <= len(text)
        if w.start is not None and w.end is not None:
            assert w.start <= w.end
            assert w.time_precision in (1, 2, 3)


SAT = date(2024, 6, 29)  # a Saturday
NEW_YEAR = date(2025, 1, 2)  # a Thursday just after New Year


@pytest.mark.parametrize(
    ("text", "ref", "start", "end", "precision"),
    [
        ("Guns fired on the port overnight on 27 June.", SAT, "2024-06-27", "2024-06-27", 1),
        ("14:05 - Drones hit a depot overnight.", SAT, "2024-06-28", "2024-06-28", 1),
        ("Strikes on the night of 26-27 June hit a depot.", SAT, "2024-06-26", "2024-06-26", 1),
        ("On the night of 26 to 27 June, a blast.", SAT, "2024-06-26", "2024-06-26", 1),
        ("Shelling overnight into Friday woke residents.", SAT, "2024-06-28", "2024-06-28", 1),
        ("Late on Thursday gunmen stormed a checkpoint.", SAT, "2024-06-27", "2024-06-27", 1),
        ("In the early hours of Friday a blast hit.", SAT, "2024-06-28", "2024-06-28", 1),
        ("Militias clashed in mid-May near the dam.", SAT, "2024-05-11", "2024-05-20", 2),
        ("Militias clashed in the middle of May.", SAT, "2024-05-11", "2024-05-20", 2),
        ("Militias clashed in May near the dam.", SAT, "2024-05-01", "2024-05-31", 3),
        ("A shell hit the school this morning.", SAT, "2024-06-29", "2024-06-29", 1),
        ("The raid came last weekend.", date(2024, 7, 1), "2024-06-29", "2024-06-30", 2),
        ("Rebels attacked in mid-December.", NEW_YEAR, "2024-12-11", "2024-12-20", 2),
        ("Rebels attacked on December 30.", NEW_YEAR, "2024-12-30", "2024-12-30", 1),
        ("Rebels attacked last week.", NEW_YEAR, "2024-12-23", "2024-12-29", 2),
        ("Rebels attacked last month.", NEW_YEAR, "2024-12-01", "2024-12-31", 3),
        ("Rebels attacked last night.", NEW_YEAR, "2025-01-01", "2025-01-01", 1),
    ],
)
def test_nights_and_vague_windows(
    text: str, ref: date, start: str, end: str, precision: int
) -> None:
    """Round 5: nights code to the day the report names; mid-month is a 10-day window."""
    best = best_date(resolve_dates(text, 0, "d", ref))
    assert best is not None
    assert (str(best.start), str(best.end), best.time_precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:05 A drone struck a car in the city.", "2024-06-29"),
        ("14:05 GMT - A drone struck a car.", "2024-06-29"),
        ("09:40 - Shelling on 27 June hit the port.", "2024-06-27"),
        ("09:40 - Shelling overnight hit the port.", "2024-06-28"),
    ],
)
def test_liveblog_stamp_dates_entry_to_reference_day(text: str, expected: str) -> None:
    best = best_date(resolve_dates(text, 0, "d", SAT))
    assert best is not None and str(best.start) == expected


@pytest.mark.parametrize(
    "text", ["At 14:05 a blast hit.", "12.5 percent fled.", "10:30 am a blast"]
)
def test_clock_times_elsewhere_are_not_dates(text: str) -> None:
    assert resolve_dates(text, 0, "d", SAT) == []


_MID_OCTOBER = date(2021, 10, 14)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Dozens were held after the June riots in the port.", ("2021-06-01", "2021-06-30", 3)),
        ("August's raids on the camps drew protests.", ("2021-08-01", "2021-08-31", 3)),
        ("Traders recalled the December strike.", ("2020-12-01", "2020-12-31", 3)),
        ("Students marched after the October vote.", ("2021-10-14", "2021-10-14", 2)),
    ],
)
def test_a_month_naming_an_incident(text: str, window: tuple[str, str, int]) -> None:
    (got,) = resolve_dates(text, 0, "d", _MID_OCTOBER)
    assert (str(got.start), str(got.end), got.time_precision) == window


@pytest.mark.parametrize(
    "text",
    [
        "The march to the ministry was blocked.",
        "The March towards the border stalled.",
        "Officials said the crowd may gather again.",
    ],
)
def test_march_and_may_as_words_are_no_months(text: str) -> None:
    assert resolve_dates(text, 0, "d", _MID_OCTOBER) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # letters a case-blind pattern reads as ASCII ones: the word gates must not skip them
        ("Shelling resumed laſt night.", "2020-05-24"),
        ("Shelling resumed THİS MORNING.", "2020-05-25"),
        ("Shelling resumed on 2 MAY.", "2020-05-02"),
    ],
)
def test_word_gates_keep_case_blind_matches(text: str, start: str) -> None:
    when = _one(text, MON)
    assert when.start == date.fromisoformat(start)


@pytest.mark.parametrize("written", ["12 Aprıl", "12 APRİL", "12 ſeptember"])
def test_month_names_with_letters_a_case_blind_pattern_reads_as_ascii(written: str) -> None:
    # a dotless i or a long s matches the month pattern; its month must be found too
    (when,) = resolve_dates(f"Gunmen raided the post on {written}.", 0, "d", date(2024, 10, 1))
    assert when.start is not None and when.start.day == 12 and when.start.month in {4, 9}
