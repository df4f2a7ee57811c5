"""Date expressions in a sentence -> ACLED date windows with time_precision.

Our own regexes find candidate expressions (dateparser's ``search_dates`` takes the
verb "may" and bare numbers for dates) and read the absolute ones, the calendar
saying whether the day exists (dateparser agreed on every day 0-39 of every month
in six years, at ~6 ms a call); our rules handle the relative ones against the
reference (publication) date. The
processing date is never used: without a reference, relative expressions come back
with ``start``/``end`` of ``None`` and yearless dates stay unresolved.

Decisions (ACLED precision: 1 day, 2 week, 3 month):
- "overnight"/"last night" -> the reference day minus one (the night before the
  report), precision 1; "overnight on 29 June" and "the night of 29-30 June" -> the
  named (first) day, as ACLED codes a night to the day the report names.
- "mid-June" -> 11..20 June, precision 2; "in/early/late June" -> the month, precision 3.
- "during the last N days"/"in the past N hours" -> reference - N .. reference, both
  inclusive: a report published on the 25th about "the last 3 days" may include the
  morning of the 25th. Precision 1 up to a day, 2 up to ten days, else 3.
- a sentence opening with a clock stamp ("14:05 - ...", a liveblog entry) and naming
  no date is from the reference day, precision 1.
- "next Saturday/week/month" -> that future window (callers drop plans); "thirty years
  ago" -> that month then, precision 3 (callers drop background).
- a yearless date more than a week after the reference is last year's (a
  "December 30" in a 2 January article); up to a week ahead is kept (scheduled events).
- events with no stated date get :func:`undated_window`: the report's day, precision 2
  because the day is not stated.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from warwire.resolve.calendar_facts import (
    NUMBER_WORDS,
    ODD_CASES,
    WEEKDAYS,
    day_exists,
    infer_year,
    month_end,
    month_number,
)
from warwire.types import Span, When

log = logging.getLogger(__name__)

_MAX_DAYS = 3660

# "May" is a month only when capitalised; the other names also in lower case.
_MONTH = (
    r"(?P<month>(?i:january|february|march|april|june|july|august|september|october|november"
    r"|december)\b|(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?|May\b|MAY\b)"
)
_WD = r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
_N = r"(?P<n>\d{1,4}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"

# "overnight on 29 June", "overnight into Sunday": the named day is the date, not "overnight".
_ANCHOR = (
    r"(?!,?\s*(?:(?i:on|into|of|between|from|to)\s+)?(?:(?i:the)\s+)?(?:(?i:night)\s+(?i:of)\s+)?"
    r"(?:\d|(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|" + _MONTH + r"))"
)
_NIGHT_OF = re.compile(r"(?i)\bnight\s+(?:of|between)\s+(?:the\s+)?(?:\w+\s+)?\Z")
# "14:05 - Troops ...": a liveblog entry's clock stamp; the entry is from the reference day.
_STAMP = re.compile(
    r"\s*(?P<stamp>(?:[01]?\d|2[0-3])[:.][0-5]\d)(?:\s*(?:GMT|UTC|BST|CET|EET))?"
    r"(?!\s*(?i:am|pm|a\.m|p\.m)\b)(?:\s*[-–—:|]\s*|\s+)(?=[A-Z\"'‘“])"
)
# "the July protests", "July's crackdown": a capitalised month naming what follows it
# (lower case, "the march towards", is a word, not a month).
_CAP_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ATTR = (
    r"\b(?:(?P<art>(?i:the|last|this))\s+)?(?P<month>" + _CAP_MONTH + r")"
    r"(?(art)(?:'s|’s)?|(?:'s|’s))(?P<year>)(?=\s+[a-z])"
    r"(?!\s+(?:to|on|of|for|in|into|at|from|by|and|or|against|through|toward|towards|was|were"
    r"|is|are|began|begins|ended|ends|continued|has|had|will|would)\b)"
)
_MID = re.compile(r"(?i)(?:\bmid[\s-]+\Z|mid\b|middle of\b)")

Handler = Callable[[re.Match[str], date | None], tuple[date, date, int] | None]


def _month_day(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    month = month_number(m["month"])
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else None
    if not day_exists(year or 2000, month, day):
        raise ValueError(f"no such day: {m.group()}")  # 31 April and friends
    if year is None:
        if ref is None:
            return None
        year = infer_year(month, day, ref)
    start = date(year, month, day)
    end = start
    if m["day2"] and int(m["day2"]) > day:
        end = date(year, month, int(m["day2"]))
    if int(m["day2"] or 0) == day + 1 and _NIGHT_OF.search(m.string, 0, m.start()):
        end = start  # "the night of 29-30 June": the night begins on the 29th
    return start, end, _precision((end - start).days + 1)


def _month_only(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    month = month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif ref is None:
        return None
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    if _MID.match(m.group()) or _MID.search(m.string, 0, m.start()):
        return date(year, month, 11), date(year, month, 20), 2  # the month's middle third
    return date(year, month, 1), month_end(year, month), 3


def _month_named(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    """ "the July protests": that month when it is over; the report's own month says no
    more than an undated sentence does (the report's day, precision 2)."""
    if ref is not None and month_number(m["month"]) == ref.month:
        return ref, ref, 2
    return _month_only(m, ref)


def _iso(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, 1


def _weekday(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    if ref is None:
        return None
    wanted = WEEKDAYS.index(m["wd"].casefold())
    back = (ref.weekday() - wanted) % 7
    if back == 0 and (m["last"] or "").casefold() == "last":
        back = 7
    day = ref - timedelta(days=back)
    return day, day, 1


def _offset_day(days: int) -> Handler:
    def handler(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
        if ref is None:
            return None
        day = ref - timedelta(days=days)
        return day, day, 1

    return handler


def _overnight(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    return (ref - timedelta(days=1), ref - timedelta(days=1), 1) if ref else None


def _week(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    if ref is None:
        return None
    monday = ref - timedelta(days=ref.weekday())
    if m["which"].casefold() == "past":
        return ref - timedelta(days=7), ref, 2
    if m["which"].casefold() == "last":
        return monday - timedelta(days=7), monday - timedelta(days=1), 2
    end = ref - timedelta(days=1) if m["earlier"] and ref > monday else ref
    return monday, end, 2


def _weekend(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    if ref is None:
        return None
    back = (ref.weekday() - 5) % 7  # days since the latest Saturday
    if (m["which"] or "").casefold() == "last" and back < 2:
        back += 7
    saturday = ref - timedelta(days=back)
    return saturday, min(saturday + timedelta(days=1), ref), 2


def _month_rel(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    if ref is None:
        return None
    first = ref.replace(day=1)
    if m["which"].casefold() == "past":
        return ref - timedelta(days=30), ref, 3
    if m["which"].casefold() == "last":
        prev_end = first - timedelta(days=1)
        return prev_end.replace(day=1), prev_end, 3
    end = ref - timedelta(days=1) if m["earlier"] and ref > first else ref
    return first, end, 3


def _next(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    """ "next Saturday/week/month": after the report, so a plan rather than an event."""
    if ref is None:
        return None
    unit = m["unit"].casefold()
    if unit in WEEKDAYS:
        ahead = (WEEKDAYS.index(unit) - ref.weekday()) % 7 or 7
        day = ref + timedelta(days=ahead)
        return day, day, 1
    if unit == "month":
        first = month_end(ref.year, ref.month) + timedelta(days=1)
        return first, month_end(first.year, first.month), 3
    monday = ref + timedelta(days=7 - ref.weekday())
    return (
        (monday + timedelta(days=5), monday + timedelta(days=6), 2)
        if unit == "weekend"
        else (
            monday,
            monday + timedelta(days=6),
            2,
        )
    )


def _years_ago(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    """ "thirty years ago": that month, that many years back (background, not news)."""
    if ref is None:
        return None
    raw = m["n"].casefold()
    n = (NUMBER_WORDS.get(raw) or int(raw)) * (10 if m["unit"].casefold().startswith("dec") else 1)
    year = ref.year - n
    return date(year, ref.month, 1), month_end(year, ref.month), 3


def _span_back(m: re.Match[str], ref: date | None) -> tuple[date, date, int] | None:
    if ref is None:
        return None
    raw = m["n"].casefold()
    n = NUMBER_WORDS.get(raw) or int(raw)
    unit = m["unit"].casefold()
    days = {"hour": -(-n // 24), "day": n, "week": 7 * n, "month": 30 * n}[unit.rstrip("s")]
    days = max(1, min(days, _MAX_DAYS))
    return ref - timedelta(days=days), ref, _precision(days)


# Each pattern with words one of which every match holds (lower-cased, see _lowered): a
# sentence without them is not scanned. Most sentences name no date at all.
_M = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERNS: tuple[tuple[re.Pattern[str], Handler, tuple[str, ...]], ...] = tuple(
    (re.compile(p), h, g)
    for p, h, g in (
        (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _iso, ("-",)),
        (
            r"(?i)\bnext\s+(?P<unit>week(?:end)?|month|monday|tuesday|wednesday|thursday|friday"
            r"|saturday|sunday)\b",
            _next,
            ("next",),
        ),
        (r"\b" + _WD + _MONTH + r"\s+" + _DAY + _DAY2 + _YEAR, _month_day, _M),
        (r"\b" + _WD + _DAY + _DAY2 + r"\s+(?:(?i:of)\s+)?" + _MONTH + _YEAR, _month_day, _M),
        (r"\b" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)", _month_only, _M),
        (
            r"(?i:\b(?:in|during|since|until|by|throughout|early|late|mid|end of|beginning of"
            r"|middle of|earlier in|later in|last|this)[\s-]+)" + _MONTH + r"(?P<year>)(?!\s*\d)",
            _month_only,
            _M,
        ),
        (_MONTH_ATTR, _month_named, _M),
        (
            r"(?i)\b(?:(?P<last>last|this|on|early|late)\s+)?(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
            _weekday,
            ("day",),
        ),
        (r"(?i)\b" + _N + r"\s+(?P<unit>years?|decades?)\s+ago\b", _years_ago, ("ago",)),
        (r"(?i)\bthe day before yesterday\b", _offset_day(2), ("yesterday",)),
        (r"(?i)\b(?:yesterday|last night)\b", _offset_day(1), ("yesterday", "last night")),
        (
            r"(?i)\b(?:today|tonight|this (?:morning|afternoon|evening))\b",
            _offset_day(0),
            ("today", "tonight", "this "),
        ),
        (r"(?i:\bovernight\b)" + _ANCHOR.replace("?P<month>", "?:"), _overnight, ("overnight",)),
        (r"(?i)\b(?P<earlier>earlier )?(?P<which>this|last|past) week\b", _week, ("week",)),
        (
            r"(?i)\b(?:over |during |at )?(?:the |(?P<which>this|last|past) )weekend\b",
            _weekend,
            ("weekend",),
        ),
        (r"(?i)\b(?P<earlier>earlier )?(?P<which>this|last|past) month\b", _month_rel, ("month",)),
        (
            r"(?i)\b(?:during|in|over|within|for)\s+the\s+(?:last|past|previous)\s+"
            + _N
            + r"\s+(?P<unit>hours?|days?|weeks?|months?)\b",
            _span_back,
            ("last", "past", "previous"),
        ),
    )
)


def _lowered(text: str) -> str:
    """``text`` in lower case, holding a gate word wherever a case-blind pattern could."""
    return text.translate(ODD_CASES).lower()


def resolve_dates(text: str, offset: int, doc_id: str, reference: date | None) -> list[When]:
    """Every date expression in one sentence, in text order, with document-offset spans.

    ``text`` is the sentence and ``offset`` its start in the document. Expressions
    that need a reference (or a year) that is missing come back unresolved.
    """
    found: list[tuple[int, int, Handler, re.Match[str]]] = []
    low = _lowered(text)
    for pattern, handler, gates in _PATTERNS:  # earlier patterns (absolute dates) win overlaps
        for gate in gates:  # a plain loop: cheaper than any() over a generator
            if gate in low:
                break
        else:
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if e > s and all(e <= fs or s >= fe for fs, fe, _, _ in found):
                found.append((s, e, handler, m))
    if not found and (stamp := _STAMP.match(text)):  # a liveblog entry naming no date
        found.append((stamp.start("stamp"), stamp.end("stamp"), _offset_day(0), stamp))
    found.sort(key=lambda f: f[0])
    out: list[When] = []
    for start, end, handler, m in found:
        try:
            window = handler(m, reference)
        except (ValueError, OverflowError) as exc:  # impossible dates, far-off years
            log.debug("unreadable date %r: %s", m.group(), exc)
            continue
        span = Span(doc_id, offset + start, offset + end)
        if window is None:
            out.append(When(None, None, _unresolved_precision(handler), span))
        else:
            out.append(When(window[0], window[1], window[2], span))
    return out


def undated_window(reference: date | None) -> When:
    """The date of an event the text gives no date for: the report's own day.

    News reports what happened since the last edition; an undated incident is
    most often the report's day, coded with precision 2 because the text does not
    state it. Without a reference, nothing.
    """
    if reference is None:
        return When()
    return When(reference, reference, 2)


def best_date(whens: Sequence[When]) -> When | None:
    """The sentence's event date: the most precise resolved one, the first on ties."""
    resolved = [w for w in whens if w.start is not None and w.end is not None]
    if not resolved:
        return None
    return min(enumerate(resolved), key=lambda iw: (iw[1].time_precision or 9, iw[0]))[1]


# --------------------------------------------------------------------------- helpers


def _precision(days: int) -> int:
    return 1 if days <= 1 else 2 if days <= 10 else 3


def _unresolved_precision(handler: Handler) -> int | None:
    coarse: dict[Handler, int] = {
        _month_only: 3, _month_named: 3, _week: 2, _weekend: 2, _month_rel: 3, _years_ago: 3,
        _next: 2,
    }  # fmt: skip
    return coarse.get(handler, 1)
