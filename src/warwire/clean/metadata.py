"""Header and footer lines that are metadata, not article text.

Scraped and syndicated pages put the publisher, the original outlet and dates
in short lines above the body ("Global Research, May 26, 2020", "South Front
25 May 2020", "By South Front") or in a footer ("The original source of this
article is South Front"); wire copy opens with a dateline ("MARIB, Yemen,
March 4, 2024 (Coastline Wire) -"). These become fields of the document and
leave the canonical text, so no stage mistakes them for reporting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# the name starts with no space (lines are stripped): inside a run of spaces a try
# fails at once, so a search is linear in the run, not quadratic
_DATELINE = re.compile(
    rf"(?:(?P<name>[^\d,|\s][^\d,|]{{1,59}}?)(?:\s*[,|·–—-])?\s+)?(?P<date>{_DATE})"
)
_BYLINE = re.compile(r"^(?:by|written by|posted by)\s+(?P<name>[^.!?]{2,80})$", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^\W{0,3}(?:the\s+)?original source of this (?:article|story|report) is\s+(?P<name>.+?)\.?$",
    re.IGNORECASE,
)
_WIRE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’. -]{{1,40}}(?:,\s*[A-Z][\w'’. -]{{1,40}})?),\s*"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*"
    r"(?:\((?P<agency>[^)]{2,40})\)\s*)?[-–—]{1,3}\s+"
)
_WHEN_WORDS = re.compile(
    r"(?:(?:first |last )?(?:posted|published|updated)(?: on| at)?|date|dated|on)", re.IGNORECASE
)
_DATELINE_MAX = 100  # name (60) + date; longer lines are prose
_LINE_MAX = 300  # header and footer lines are short; the cap keeps every pattern linear
_LABEL = re.compile(r"^(?:region|theme|tags?|topics?|filed under|categories?)\s*:", re.I)


@dataclass(frozen=True, slots=True)
class Dateline:
    name: str | None
    when: date | None


@dataclass(slots=True)
class Metadata:
    """What header and footer lines said; later fields win only when unset."""

    title: str | None = None
    author: str | None = None
    original_source: str | None = None
    datelines: list[Dateline] = field(default_factory=list)
    wire_publisher: str | None = None
    wire_date: date | None = None


def parse_date(text: str) -> date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _name(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = text.strip(" \t*_,.:;|·–—-")
    return cleaned or None


def dateline(line: str) -> Dateline | None:
    """``"Global Research, May 26, 2020"`` -> (Global Research, 2020-05-26).

    "Posted on May 26, 2020" is a dateline without a name: the words say when,
    not who.
    """
    text = line.strip()
    match = _DATELINE.fullmatch(text) if len(text) <= _DATELINE_MAX else None
    if not match:
        return None
    name = _name(match.group("name"))
    if name and _WHEN_WORDS.fullmatch(name):
        name = None
    return Dateline(name, parse_date(match.group("date")))


def byline(line: str) -> str | None:
    match = _BYLINE.match(line.strip()[:_LINE_MAX])
    return _name(match.group("name")) if match else None


def original_source(line: str) -> str | None:
    text = line.strip()
    match = _ORIGINAL.match(text) if len(text) <= _LINE_MAX else None
    return _name(match.group("name")) if match else None


def wire_dateline(paragraph: str) -> tuple[int, str | None, date | None] | None:
    """A wire dateline prefix: (its length, agency, date when it has a year)."""
    match = _WIRE.match(paragraph[:_LINE_MAX])
    if not match:
        return None
    raw_date = match.group("date")
    when = parse_date(raw_date) if re.search(r"\d{4}", raw_date) else None
    return match.end(), _name(match.group("agency")), when


def is_label(line: str) -> bool:
    return bool(_LABEL.match(line.strip()))


def same_outlet(a: str | None, b: str | None) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", s.lower())

    return bool(a and b and norm(a) == norm(b))
