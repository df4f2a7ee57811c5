"""How much one resolved name, and the outlet, say about the country a story happens in.

A demonym mostly names a side ("Turkish forces", "Russian warplanes"), so it
loses a tie to a place; a country written as a location ("in northern Syria")
says where the story is, so it wins a tie with a country named as an actor
("Turkey kills three militants in northern Syria"). An outlet or monitor named for
a people ("the Syrian Observatory") tells the country of a story too short to
name its own (a headline that names one village).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from warwire.resolve.countries import country, country_of_demonym
from warwire.resolve.gazetteer import Gazetteer
from warwire.resolve.gazetteer_points import EXTRA_COUNTRY_NAMES
from warwire.resolve.places_abroad import NAMESAKE_CITY, needs_evidence
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_units import trimmed_forms
from warwire.types import Document, Place, Toponym

ADJECTIVE, LOCATED = 0.5, 1.5

_LOCATIVE = re.compile(
    r"\b(?:in|inside|across|throughout|into)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?$",
    re.IGNORECASE,
)


# "Chinese-made", "Turkish-backed", "Ankara-loyal": whose a thing or a side is
ATTRIBUTIVE = re.compile(
    r"^-(?:made|backed|based|led|funded|built|supplied|owned|allied|loyal|aligned|affiliated"
    r"|sponsored|supported)\b"
)
# "pro-Turkey factions", "anti-Kyiv rebels": the side's allegiance, not a place
ALLEGIANCE = re.compile(r"\b(?:pro|anti)-$", re.I)
# "the border with Jordan", "the Chad-CAR border": a neighbour across the line
_BORDER_BEFORE = re.compile(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(
    r"(?<![\s–-])(?:\s*[-–]\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+(?:border|frontier)\b"
)


@cache
def _state_force() -> re.Pattern[str]:
    """ "Uganda army", "Chad troops": a state's force named by its country."""
    from warwire.resolve.actor_keys import actor_words

    nouns = {n for kind in actor_words().state_nouns.values() for n in kind}
    words = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(rf"(?<!\s)\s+(?:{words})\b", re.I)


def as_side(text: str, top: Toponym) -> bool:
    """A country named as a side's ("Turkish-backed", "pro-Ankara", "Uganda army") or
    as a neighbour across a border ("the border with Jordan"): no say in where the story
    happens."""
    start, end = top.span.start, top.span.end
    lead = text[max(0, start - 24) : start]
    return bool(
        ATTRIBUTIVE.match(text[end : end + 12])
        or ALLEGIANCE.search(lead)
        or _BORDER_BEFORE.search(lead)
        or _BORDER_AFTER.match(text, end)
        or _state_force().match(text, end)
    )


def story_weight(text: str, top: Toponym) -> float:
    """The vote of ``top`` for the story's country (1 for a plain place)."""
    place = top.place
    whole = place is not None and (place.feature or "").startswith("PCL")
    if country_of_demonym(top.text) is not None or (whole and as_side(text, top)):
        return ADJECTIVE
    if whole and _LOCATIVE.search(text[max(0, top.span.start - 30) : top.span.start]):
        return LOCATED
    return 1.0


# a capitalised word or two ("Afghan", "Sri Lankan", "DR Congo", "S. Sudan")
_NAMES = re.compile(r"\b(?:[A-Z][A-Za-z]*\.?\s)?[A-Z][a-z]+\b|\b[A-Z]{2,3}\b")
_COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West", "C.": "Central"}


def _country_named(words: str, demonyms_only: bool = False) -> str | None:
    """The country a nationality word or a country's name or short form names."""
    first, _, rest = words.partition(" ")
    if rest and first in _COMPASS:
        words = f"{_COMPASS[first]} {rest}"
    # an upper-case word is no ISO code here ("IS" is a group, not Iceland), nor a short
    # word ("Al-Sham" is not Albania, "At the end" not Austria): no country is so short
    found = country_of_demonym(words)
    if found is None and not demonyms_only and not words.isupper() and len(words) > 3:
        found = country(words)
    if found is not None:
        return found.iso2
    if demonyms_only:
        return None
    folded = words.casefold()
    return next(
        (code for code, names in EXTRA_COUNTRY_NAMES.items() if folded in map(str.casefold, names)),
        None,
    )


def country_votes(text: str, demonyms_only: bool = False) -> Counter[str]:
    """Countries the text's nationality words and country names point to; a pair
    of words ("Sri Lankan") is read before its words alone ("Afghan", "Taliban")."""
    votes: Counter[str] = Counter()
    for match in _NAMES.finditer(text):
        words = match.group(0)
        code = _country_named(words, demonyms_only)
        found = [code] if code else [_country_named(w, demonyms_only) for w in words.split(" ")[:2]]
        votes.update(c for c in found if c)
    return votes


def outlet_of(doc: Document) -> str | None:
    """Who tells the story: the source it reposts, else its publisher."""
    return doc.source.original_source or doc.source.publisher


def outlet_votes(publisher: str) -> Counter[str]:
    """The countries an outlet is named for, by the name it goes by or its registered
    full name ("SOHR" is the Syrian Observatory). A country's name is not enough
    ("America Voted" reposts stories from anywhere): only a people's name counts."""
    from warwire.resolve.sources import lookup_source

    known = lookup_source(publisher)
    return country_votes(f"{publisher} | {known.name}" if known else publisher, demonyms_only=True)


def outlet_country(doc: Document) -> str | None:
    """The one country the document's outlet is named for, if any."""
    publisher = outlet_of(doc)
    votes = outlet_votes(publisher) if publisher else Counter[str]()
    return votes.most_common(1)[0][0] if len(votes) == 1 else None


def spelled_at_home(cand: Candidate, gazetteer: Gazetteer, home: str | None) -> Place | None:
    """A tagged place name the gazetteer knows at home only by another spelling
    ("Deir Ezzor", "Arbin" for Irbin, "Xville City"): the home country's place so spelled."""
    if cand.source not in ("GPE", "LOC"):
        return None
    return home_namesake(cand, gazetteer, home)


def home_namesake(cand: Candidate, gazetteer: Gazetteer, home: str | None) -> Place | None:
    """The home country's place spelled like ``cand``, however the tagger labelled it."""
    if home is None:
        return None
    for surface in (cand.text, *trimmed_forms(cand.text)):  # "Xville City": Xville
        found = gazetteer.lookup_loose(surface, home)
        if found:
            return found[0]
    return None


def hinted_home(
    hint: str | None,
    candidates: Sequence[Candidate],
    first: Sequence[Place | None],
    gazetteer: Gazetteer,
) -> str | None:
    """The outlet's country as the story's home, unless the story names a country or a
    city abroad that needs no introduction and nothing of the outlet's country (a
    monitor's report from abroad). A demonym names a side, not where the story is; a
    city abroad with a namesake in the outlet's country may be that namesake."""
    if hint is None:
        return None
    named = [(c, p) for c, p in zip(candidates, first, strict=True) if p and c.source != "DEMONYM"]
    if any(p.country_code == hint for _, p in named):
        return hint
    abroad = any(
        p.country_code
        and not needs_evidence(p, hint)
        and (
            not needs_evidence(p, hint, NAMESAKE_CITY) or home_namesake(c, gazetteer, hint) is None
        )
        for c, p in named
    )
    return None if abroad else hint
