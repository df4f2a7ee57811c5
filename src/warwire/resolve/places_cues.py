"""Cues beyond the tagger's labels that a name is a place, or where it lies.

An institution's name opens with the town it serves ("Torrington Fire
Department"); an all-capitals word before a dash opens a dateline; a sum names
its country ("US dollars"); a named facility ("Karl Bremer Hospital") lies in
its town; and a name read as a place once is the place at its other mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import (
    CONTEXT,
    GENERIC_WORDS,
    NON_NAME_LABELS,
    Candidate,
    demonyms,
    is_demonym,
    named_as,
    trimmed,
)
from warwire.resolve.places_facility import FACILITY, facility_name
from warwire.resolve.places_words import after_title, common_word, institution_after, street_name
from warwire.types import Sentence, Span

MENTION = "MENTION"  # another mention of a name read as a place: believed only if placed

_LEAD = re.compile(r"(?:[Tt]he\s+)?")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_UNIT_WORD = re.compile(r" (?:County|Parish)(?=\s)")


def served_place(text: str, span: Span, label: str, gazetteer: Gazetteer) -> Candidate | None:
    """The town that opens an institution's name: "Torrington Fire Department".

    The institution word after the name says it is a place even where the
    town is too small to be believed bare; the gazetteer must know a place
    called exactly so. The name is one to three capitalised words, with
    "County" or "Parish" when one follows.
    """
    if label in NON_NAME_LABELS:
        return None
    at = _LEAD.match(text, span.start, span.end).end()  # type: ignore[union-attr]
    start, ends = at, []
    for _ in range(3):
        word = _NAME_WORD.match(text, at, span.end)
        if not word:
            break
        unit = _UNIT_WORD.match(text, word.end(), span.end)
        ends.append(unit.end() if unit else word.end())
        at = word.end() + 1
        if text[word.end() : at] not in (" ", "-"):
            break
    for end in ends:
        surface = text[start:end]
        key = normalise(surface)
        if key in GENERIC_WORDS or common_word(surface) or is_demonym(key):
            return None
        if institution_after(text, end) and any(
            named_as(p, key) for p in gazetteer.lookup(surface)
        ):
            return Candidate(start, end, surface, "GPE")
    return None


# "PLEASANTON, Calif. --", "BEIRUT (Reuters) -", "HUME – A delegation": a dateline.
_DATELINE = re.compile(
    r"[ \t\"'“]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})"
    r"(?=(?:,\s*[A-Z][\w. ]{0,20}?)?\s*(?:\((?:AP|AFP|Reuters|UPI|IANS|PTI|dpa)\)"
    r"|--|[—–]|-\s))"
)


def datelines(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer) -> list[Candidate]:
    """The all-capitals town opening a line or a sentence before a dash: a dateline."""
    starts = {0, *(s.span.start for s in sentences)}
    starts |= {m.end() for m in re.finditer(r"\n", text)}
    out = []
    for start in sorted(starts):
        match = _DATELINE.match(text, start)
        if not match or len(match.group(1).replace(".", "")) < 3:
            continue
        surface = match.group(1).rstrip(".")
        key = normalise(surface)
        if not is_demonym(key) and any(named_as(p, key) for p in gazetteer.lookup(surface)):
            a = match.start(1)
            out.append(Candidate(a, a + len(surface), surface, "GPE"))
    return out


_CURRENCY_OWNER = re.compile(
    r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?) (?:dollars?|pounds?|euros?|yuan|rupees?)\b"
)


def currency_countries(text: str, span: Span, gazetteer: Gazetteer) -> list[Candidate]:
    """ "6 billion US dollars", "Hong Kong dollars": the country is named in the sum."""
    out = []
    for match in _CURRENCY_OWNER.finditer(span.text_in(text)):
        surface = match.group(1)
        start = span.start + match.start(1)
        key = normalise(surface)
        if is_demonym(key):
            out.append(Candidate(start, start + len(surface), surface, "DEMONYM",
                                 demonyms().get(key)))  # fmt: skip
        elif any((p.feature or "").startswith("PCL") for p in gazetteer.lookup(surface)):
            out.append(Candidate(start, start + len(surface), surface, "GPE"))
    return out


def facility(text: str, span: Span) -> Candidate | None:
    """ "Karl Bremer Hospital": a named facility, placed later at its town."""
    surface, start = trimmed(span.text_in(text), span.start)
    if "'" in surface or "’" in surface:  # "Derry's Altnagelvin Hospital": the facility
        cut = max(surface.rfind("'"), surface.rfind("’")) + 1
        if surface[cut : cut + 2] == "s ":
            start, surface = start + cut + 2, surface[cut + 2 :]
    if not facility_name(surface):
        return None
    return Candidate(start, start + len(surface), surface, FACILITY)


def every_mention(
    text: str, sentences: Sequence[Sentence], kept: list[Candidate]
) -> list[Candidate]:
    """A name read as a place once is the place at its other mentions too.

    One sense per story: "Cavan" found in "Cavan Town Hall" is also the
    "Cavan" of "Cavan County Council". People's names are left alone.
    """
    people = [
        (e.span.start, e.span.end) for s in sentences for e in s.entities if e.label == "PERSON"
    ]
    names = {c.text: c for c in kept if c.source != "DEMONYM" and c.text[:1].isupper()}
    extra: list[Candidate] = []
    taken = [(c.start, c.end) for c in kept]
    for name, cand in names.items():
        for a, b in _whole_word_spans(text, name):
            if any(a < e and s < b for s, e in taken) or any(s <= a and b <= e for s, e in people):
                continue
            if after_title(text, a) or street_name(text, b):
                continue
            taken.append((a, b))
            source = cand.source if cand.source in (FACILITY, CONTEXT) else MENTION
            extra.append(Candidate(a, b, name, source, cand.country_code))
    return sorted([*kept, *extra], key=lambda c: c.start) if extra else kept


def _joins(char: str) -> bool:
    """A character that would make a name part of a longer word (``\\w``, ' ’ -)."""
    return char.isalnum() or char in "_'’-"


def _whole_word_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` stands as a whole word in ``text``, left to right and not
    overlapping: plain ``str.find``, so no pattern is compiled for each name."""
    out, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
            out.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return out
