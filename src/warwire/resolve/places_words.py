"""Words around and inside a name that say it is no place, or that it is one.

A capitalised common word ("Time", "Police") is a town somewhere; a name after a
title ("Gen. Texas Chukwu") is a person; a small village the gazetteer knows is
believed only in the story's country and where the text treats it as a place
("in X", "X village", "X, a town"). The word list is data
(``warwire/data/place_stopwords.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from warwire.knowledge import data_mapping, data_words


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("place_stopwords.txt"))


def common_word(surface: str) -> bool:
    """A one-word name that is an everyday English word."""
    word = surface.strip()
    return " " not in word and word.casefold() in _stopwords()


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Gen|Brig|Col|Lt|Maj|Capt|Cpl|Sgt|Adm|Cmdr|Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Rep|Gov"
    r"|Sheikh|Imam|Pastor|Bishop|Chief|President|Minister|Governor|General|Colonel|Major"
    r"|Captain|Commander|Spokesman|Spokeswoman|Spokesperson|Senator|Judge|King|Queen"
    r"|Prince|Emir|Mayor|Officer|Sergeant|Brigadier|Lieutenant|Private|Inspector)\.?"
    r"|-Gen\.?)\s+$"
)


def after_title(text: str, start: int) -> bool:
    """ "Brig-Gen Texas Chukwu", "Mr Salerno": a title makes the name a person's."""
    return bool(_TITLE_BEFORE.search(text[max(0, start - 30) : start]))


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|from|into|to|towards?|of|across|between|inside"
    r"|village|town|city|district|area|region|outskirts|vicinity)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"\s*(?:(?:village|town|city|district|area|region|province|county|camp|market"
    r"|locality|municipality|settlement|neighbou?rhood|suburb|township|LGA|division"
    r"|sub-county|constituency|commune|prefecture|governorate)\b"
    r"|,\s+(?:a|the|an)\s+(?:\w+\s+){0,3}(?:village|town|city|district|area|locality)\b)",
    re.IGNORECASE,
)


def placed_by_context(text: str, start: int, end: int) -> bool:
    """The text itself treats the name as a place: "in X", "X district", "X, a town"."""
    return bool(
        _LOCATIVE_BEFORE.search(text[max(0, start - 40) : start]) or _PLACE_AFTER.match(text, end)
    )


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("place_not_names.txt"))


def brand_word(surface: str) -> bool:
    """A brand, company or news agency ("a Toyota pickup", "told Reuters"): never a place."""
    return " ".join(surface.split()).casefold() in _not_names()


_STREET_AFTER = re.compile(
    r"\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Highway|Drive)\b"
    r"(?!\s+Patrol\b)"  # "Florida Highway Patrol" is the state's
)


def street_name(text: str, end: int) -> bool:
    """ "York Street", "Haifa Road": a street called after a town is not the town."""
    return bool(_STREET_AFTER.match(text, end))


@cache
def _institution_after() -> re.Pattern[str]:
    words = data_words("place_institution_words.txt")
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s+(?:{body})(?![\w])")


def institution_after(text: str, end: int) -> bool:
    """ "Torrington Fire Department", "Kansas Highway Patrol": the name is the place served."""
    return bool(_institution_after().match(text, end))


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = data_mapping("place_cue_words.yaml")

    def body(kind: str) -> str:
        words = sorted((str(w) for w in data.get(kind, ())), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    after = re.compile(rf"\s+(?:{body('after')})(?![\w-])", re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])(?:{body('before')})\s+(?:the\s+)?$", re.IGNORECASE)
    capital = re.compile(rf"(?<![\w-])(?:{body('capital')})(?![\w-])", re.IGNORECASE)
    return after, before, capital


def cued_after(text: str, end: int) -> bool:
    """ "Xville countryside", "Xville city": a place word right after the name."""
    return bool(_cue_patterns()[0].match(text, end))


def cued_place(text: str, start: int, end: int) -> bool:
    """A place word right before or after the name: "countryside of X", "eastern X",
    "X outskirts" (``warwire/data/place_cue_words.yaml``)."""
    return cued_after(text, end) or bool(
        _cue_patterns()[1].search(text[max(0, start - 40) : start])
    )


@cache
def _settlement_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted((str(w) for w in data_mapping("place_cue_words.yaml")["settlement"]), key=len)
    body = "|".join(re.escape(w) for w in reversed(words))
    after = re.compile(rf"\s+(?:{body})(?![\w-])")
    before = re.compile(rf"(?<![\w-])(?:{body})\s+of\s+(?:the\s+)?$")
    return after, before


def settlement_cued(text: str, start: int, end: int) -> bool:
    """ "the village of X", "X town": the text names X as an inhabited place (in lower
    case: a title-cased headline's "Remote Villages" says nothing of "Remote")."""
    after, before = _settlement_patterns()
    return bool(after.match(text, end) or before.search(text[max(0, start - 30) : start]))


_NAME_NEXT = re.compile(r",?\s+(?:of\s+)?[A-Z]")


def capital_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of "the capital" that name no city themselves ("the capital Kabul" does)."""
    return [
        m.span() for m in _cue_patterns()[2].finditer(text) if not _NAME_NEXT.match(text, m.end())
    ]


# a writer is a first and a last name ("Jane O'Neil", "Jane M. Doe") ending the line or
# before a stop or a dash ("By Jane Doe. KABUL (AP)"); "By Monday Kabul ..." is no byline
_WORD = r"[A-Z][a-z'’][\w'’-]*"
_WRITER = rf"{_WORD}(?: [A-Z]\.)? {_WORD}"
_BYLINE = re.compile(
    r"(?m)^[ \t\"'“*_]*(?:(?:Written|Reported|Reporting|Story|Words)\s+)?(?:By|BY)\b:?[ \t]+"
    r"({n}(?:(?:,| and| &) {n})*)(?=[ \t]*(?:$|[,.|/(—–-]))".replace("{n}", _WRITER)
)


def byline_spans(text: str) -> list[tuple[int, int]]:
    """The writers' names of a byline line ("By Jane Doe and Sam Roe"): never places."""
    return [m.span(1) for m in _BYLINE.finditer(text)]


@cache
def _speaks() -> re.Pattern[str]:
    words = "|".join(re.escape(str(w)) for w in data_mapping("place_cue_words.yaml")["speaks"])
    return re.compile(rf"\s+(?:has\s+|have\s+)?(?:{words})\b")


def speaking(text: str, end: int) -> bool:
    """ "Beirut said", "Moscow denies": the name stands for its government speaking."""
    return bool(_speaks().match(text, end))
