"""Which of a UCDP row's ``source_headline`` entries may report an event at all.

UCDP's field names its sources, not only their headlines: besides "Rebels
ambush convoy near X" it holds report titles ("Monthly Security Bulletin
03/2019", "Report of the Panel of Experts on ..."), a victim's bare name,
a date, an incident number, and daily tolls ("120 people were killed
yesterday, including ...") that ACLED's rules keep as running totals, never
one event's report. The scorer sets those aside by shape alone, with the rules
below; it never looks at the row's coding. Non-English headlines stay codeable
(warwire reads English; they are counted so the gap is visible).
"""

from __future__ import annotations

import html
import re

__all__ = ["headline_parts", "non_english", "not_codeable"]

_REPORT_WORD = (
    r"(?:report|bulletin|alert|summary|timeline|update|digest|briefing|sitrep|overview|"
    r"yearbook|volume|chapter|rapport|informe|relat[oó]rio|bolet[ií]n|bulletin)s?"
)
# a publication's title: the report word names the document ("... Report: May 2020",
# "Report of the Secretary-General", "Daily Security Report 12/03") rather than
# opening a story about it ("Report says ...", "Report: rebels kill ...")
_TITLE = re.compile(
    rf"(?i)(?<!^)\b{_REPORT_WORD}\b(?:\s*(?:of|on|for|de|sur|du|des)\b|\s*[:\-–|(]?\s*(?:\d|no\b|n°|#|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\s*$)"
    rf"|^\W*{_REPORT_WORD}\s+(?:of|on|for)\b"
)
# a publication covering a period ("... violations 1993-2003") or a letter on file
_PERIOD_OR_LETTER = re.compile(
    r"\b(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d|\d\d)\b|(?i:^\W*letter dated\b)"
)
_STORY_OPENING = re.compile(
    rf"(?i)^\W*(?:{_REPORT_WORD}\s*(?::|says|said|shows|finds)|update\s*\d)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_ONLY = re.compile(
    rf"(?i)^\W*(?:[A-Z]{{2,6}}\s+)?(?:{_WEEKDAY},?\s*)?"
    rf"(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s*\d{{4}}|"
    rf"{_MONTH}\s+\d{{1,2}},?\s*\d{{4}}|{_MONTH}\s*\d{{4}})\W*$"
)
_INCIDENT = re.compile(
    r"(?i)^\W*(?:incident|case|event|record|entry)\s*(?:no\.?|#|n°)?\s*[\w-]*\d+\W*$"
    # a monitor's incident record: "May 3rd 2017: (X123) Old market, Some province"
    r"|^\W*(?:[\w-]+\s+){1,3}\d{4}\s*:\s*\(\w{0,3}\d+\w?\)"
)
_NAME_LABEL = re.compile(r"^\W*Name\b\s*:?\s+[A-Z]|^\W*(?:https?://|www\.)\S+\W*$")
_PARTICLES = frozenset(
    re.findall(r"\w+", "al el ul ud bin ibn abu bint de da di del dos das van von y e and of the")
)
# "140 people were killed yesterday, including ...", "the death toll for 3/4/2016":
# a day's or several days' count over a whole country, not one incident
_TOTAL = re.compile(
    r"(?i)^\W*(?:(?:about|over|more than|at least|nearly|some)\s+)?\d[\d,.]*\b[^;]{0,60}?"
    r"\b(?:killed|died|dead|martyred|deaths)\b[^;]{0,80}?"
    r"\b(?:yesterday|today|so far|in (?:the (?:past|last) )?\d+ days|during \d+ days)\b"
    r"[^;]*\b(?:including|count|toll)\b"
    r"|^\W*(?:\d[\d,.]*\s*,\s*including\b)"
    r"|\b\d[\d,]*\s+(?:\w+\s+){0,3}(?:were\s+)?(?:killed|died)\s+(?:yesterday|today)\b[^;]*\bincluding\b"
    r"|\b(?:final|total|daily|preliminary)\s+(?:death\s+)?(?:toll|count)\s+(?:for|of|on)\b"
    r"|^\W*\d[\d,]*\s+(?:(?:people|persons)\s+)?(?:were\s+)?(?:killed|died)\s+"
    r"(?:yesterday|today|on\s+\w+day)?,?\s*\d{1,2}/\d{1,2}/\d{2,4}\W*$"
)
_FOREIGN = frozenset(
    re.findall(
        r"\w+",
        "de la los las del el en por para con una un que se y "  # Spanish
        "do da dos das em na no ao pelo pela com um uma é "  # Portuguese
        "le les des du au aux et est sur dans une pour par",  # French
    )
)
# words that may tell of an event: the scorer's own short list, so that what counts as
# codeable does not move when the extractor's lexicon grows
_EVENT_WORD = re.compile(
    r"(?i)\b(?:kill|dead|death|die|died|attack|clash|fight|battle|bomb|shell|strike|raid|"
    r"explo|blast|shot|shoot|gunmen|massacre|murder|wound|injur|casualt|martyr|ambush|"
    r"assault|execut|behead|abduct|kidnap|captur|seiz|protest|riot|arrest|airstrike|rocket|"
    r"missile|mortar|drone|mine|ied|grenade|fire|troops|rebels?|militants?)\w*"
)
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def headline_parts(field: str | None) -> list[str]:
    """The field's distinct non-empty headlines; entities are decoded before the
    split, since "&#8217;" carries a ';' of its own."""
    decoded = html.unescape(field or "")
    parts = (" ".join(p.split()) for p in decoded.split(";"))
    return list(dict.fromkeys(p for p in parts if p))


def _bare_name(part: str) -> bool:
    """A few capitalised words and nothing that could tell an event: a person's
    or a publication's name ("Jane Q. Public", "The Book of Records")."""
    words = _WORDS.findall(part)
    if not words or len(words) > 7 or _EVENT_WORD.search(part):
        return False
    return all(_capitalised(w) for w in words)


def _capitalised(word: str) -> bool:
    """ "Hassan", "al-Hassan", "bin": a word a name may hold."""
    head, _, rest = word.partition("-")
    return (
        word[0].isupper()
        or word.lower() in _PARTICLES
        or (head.lower() in _PARTICLES and rest[:1].isupper())
    )


def not_codeable(part: str) -> str | None:
    """Why this headline holds no event report, or None when it may hold one."""
    words = _WORDS.findall(part)
    if _NAME_LABEL.match(part):
        return "name or code"
    if _INCIDENT.match(part):
        return "incident number"
    if _DATE_ONLY.match(part) or not words:
        return "date"
    if _TOTAL.search(part):
        return "running total"
    if (_TITLE.search(part) and not _STORY_OPENING.match(part)) or _PERIOD_OR_LETTER.search(part):
        return "report title"
    if _bare_name(part):
        return "name or code"
    if len(words) <= 2:
        return "fragment"
    return None


def non_english(part: str) -> bool:
    """Spanish, Portuguese or French by their function words (two or more)."""
    words = [w.lower() for w in _WORDS.findall(part)]
    return sum(w in _FOREIGN for w in words) >= 2 and "the" not in words
