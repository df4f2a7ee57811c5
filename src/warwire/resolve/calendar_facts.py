"""Calendar facts date reading relies on: month and weekday names, number words,
which days exist, and which year a yearless date belongs to."""

from __future__ import annotations

from datetime import date, timedelta

MONTH_NAMES = (
    "january jan",
    "february feb",
    "march mar",
    "april apr",
    "may",
    "june jun",
    "july jul",
    "august aug",
    "september sept sep",
    "october oct",
    "november nov",
    "december dec",
)
MONTHS = {m: i + 1 for i, names in enumerate(MONTH_NAMES) for m in names.split()}
# Letters a case-blind pattern matches to an ASCII letter whose lower case is not it
ODD_CASES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def month_number(word: str) -> int:
    """The month a matched name stands for ("Aprıl" too: a case-blind pattern takes it)."""
    return MONTHS[word.rstrip(".").translate(ODD_CASES).casefold()]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "couple of": 2, "few": 3, "several": 5,
}  # fmt: skip


def infer_year(month: int, day: int, ref: date) -> int:
    try:
        candidate = date(ref.year, month, day)
    except ValueError:  # 29 February in a non-leap reference year
        return ref.year - 1 if (ref.year - 1) % 4 == 0 else ref.year
    if candidate > ref + timedelta(days=7):
        return ref.year - 1
    if (
        (month, day) != (2, 29)
        and month < ref.month
        and date(ref.year + 1, month, day) <= ref + timedelta(days=7)
    ):
        return ref.year + 1  # "January 3" announced on 30 December
    return ref.year


def month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def day_exists(year: int, month: int, day: int) -> bool:
    """Whether the calendar has this day (no 31 April, 29 February only in leap years)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
