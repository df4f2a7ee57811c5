"""Find the stretches of a document's text that may name a place.

Detection trusts spaCy's GPE/LOC/FAC entities, rescues its PERSON/ORG/NORP
mistakes ("Bani Walid" tagged PERSON) when the gazetteer knows the name,
looks inside entities for the place they embed ("Dublin Arts Council",
"the Conference Board of Canada") and scans capitalised words the model
left untagged. Demonyms ("Libyan") are candidates tied to their country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import (
    CONTEXT,
    GENERIC_WORDS,
    NON_NAME_LABELS,
    PLACE_LABELS,
    REGION_FEATURES,
    Candidate,
    demonyms,
    is_demonym,
    named_as,
    trimmed,
)
from warwire.resolve.places_cues import (
    currency_countries,
    datelines,
    every_mention,
    facility,
    served_place,
)
from warwire.resolve.places_words import (
    after_title,
    brand_word,
    common_word,
    placed_by_context,
    street_name,
)
from warwire.types import Place, Sentence, Span

RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PART_FEATURES = frozenset({"PPLX", "AIRB", "AIRP", "AIRF", "MILB", "INSM"})
NATURAL_CLASSES = (
    "MT",
    "DSRT",
    "VAL",
    "LK",
    "RV",
    "STM",
    "SEA",
    "GULF",
    "BAY",
    "ISL",
    "PLN",
    "OCN",
)
WIDE_FEATURES = frozenset({"RGN", "OCN", "SEA", "GULF", "CONT"})

_NEAR_WORDS = (
    r"(?:\bnear|\boutside|\boutskirts of|\bsuburbs? of|\bclose to|\bvicinity of|\baround"
    r"|\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?(?: part)? of"
    r"|\bkm from|\bkilometers from|\bkilometres from|\bmiles from)"
    r"(?:\s+the\s+(?:towns?|city|cities|villages?|areas?)\s+of)?\s*"
)
NEAR = re.compile(_NEAR_WORDS + "$", re.IGNORECASE)
# "near Bani Walid and Qaryat": the later places of a list share its "near".
NEAR_LIST = re.compile(
    f"(?i:{_NEAR_WORDS})"
    + r"[A-Z][\w'’‘-]*(?: [A-Z][\w'’‘-]*){0,3}(?:, [A-Z][\w'’‘ -]*)*,? (?:and|or) $"
)
PART_AFTER = re.compile(r"\s*(?:district|neighbou?rhood|suburbs?|outskirts|area)\b", re.I)
REGION_AFTER = re.compile(
    r"\s*(?:province|governorate|region|state|county|oblast|prefecture|department)\b", re.I
)
TRIM_WORDS = re.compile(
    r"^(?:the|northern|southern|eastern|western|central|greater|upper|lower|north|south|east"
    r"|west|north-?west|north-?east|south-?west|south-?east|northwest(?:ern)?|northeast(?:ern)?"
    r"|southwest(?:ern)?|southeast(?:ern)?)\s+"
    r"|\s+(?:province|governorate|region|district|county|parish|city|state|area|municipality"
    r"|airport|air ?base|military base|base|camp|market|university|hospital|checkpoint"
    r"|(?:border )?crossing|police station|prison|stadium|square|bridge)$",
    re.IGNORECASE,
)
# a run of capitalised words; a name may open with a lower-case Arabic article
# ("al-Qardaha", "Khan al-Shih"), which the gazetteer key drops
_CAPS = re.compile(
    r"(?:(?<![\w'’‘-])(?:al|el|ad|ar|as|ash|at|az|an|ad|ed|es|en)-)?"
    r"[A-Z][\w'’‘.-]*(?:[ -](?:(?:al|el|ad|ar|as|ash|az|ed|es|ez|bin|ibn|de|del|da|du|la)[ -])?"
    r"[A-Z][\w'’‘.-]*)*"
)
_STOP_WORDS = (
    "the a an in on at he she it they we this that these those his her its their there "
    "but and or if as by for from of to with after before when while monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december mr mrs ms dr president minister general"
)
_STOP_START = frozenset(_STOP_WORDS.split())


def detect(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer) -> list[Candidate]:
    """Every place-name candidate in ``text``, in order, without overlaps."""

    found: list[Candidate] = list(datelines(text, sentences, gazetteer))
    noise = _noise_words(text, sentences)
    for sentence in sentences:
        blocked: list[tuple[int, int]] = []
        unplaced: list[tuple[int, int]] = []
        for ent in sentence.entities:
            if ent.label == "MONEY":
                found.extend(currency_countries(text, ent.span, gazetteer))
            if ent.label in NON_NAME_LABELS:
                if " " in ent.text.strip():  # "5.30pm Local Time"; not a lone mis-tag
                    unplaced.append((ent.span.start, ent.span.end))
                continue
            cand = _from_entity(ent.label, ent.text, ent.span.start, gazetteer, text)
            if cand is not None and _noise(cand, noise, gazetteer):
                cand = None
            inner: list[Candidate] = []
            if cand is None or (cand.source in PLACE_LABELS and not _known(cand.text, gazetteer)):
                inner = _inner(text, ent.span, ent.label, gazetteer)
                head = served_place(text, ent.span, ent.label, gazetteer)
                if head is not None and not any(c.start == head.start for c in inner):
                    inner = [head, *(c for c in inner if c.start >= head.end)]
            if cand is None and not inner and ent.label in RESCUE_LABELS | {"FAC"}:
                cand = facility(text, ent.span)
            if inner:
                found.extend(inner)
                blocked.append((ent.span.start, ent.span.end))
            elif cand:
                found.append(cand)
                blocked.append((cand.start, cand.end))
            elif ent.label in RESCUE_LABELS:
                unplaced.append((ent.span.start, ent.span.end))
        for cand in _scan_caps(text, sentence.span, gazetteer):
            # An entity that gave no place blocks only what it wholly covers:
            # "Salah ad-Din" outgrows the model's NORP "Salah" and stays.
            overlaps = any(cand.start < e and s < cand.end for s, e in blocked) or any(
                s <= cand.start and cand.end <= e for s, e in unplaced
            )
            if not overlaps and not _noise(cand, noise, gazetteer):
                found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for cand in found:
        if brand_word(cand.text) or (cand.source != "DEMONYM" and street_name(text, cand.end)):
            continue  # "a Toyota pickup", "York Street": no town
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return every_mention(text, sentences, kept)


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z]+(?![\w'’])")
_CONTRACTION = re.compile(r"\w['’](?:ve|ll|re|d|m|t)$", re.IGNORECASE)


def _noise_words(text: str, sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words the story uses in lower case, and people's surnames ("Barack Obama")."""
    words = {w for w in _LOWER_WORD.findall(text)}
    for sentence in sentences:
        for ent in sentence.entities:
            parts = ent.text.split()
            if ent.label == "PERSON" and len(parts) > 1:
                words.add(normalise(parts[-1]))
    return frozenset(words)


def _noise(cand: Candidate, noise: frozenset[str], gazetteer: Gazetteer) -> bool:
    """A one-word candidate that is a common word or a surname in this story.

    "Police", "Spring" and "Union" also occur in lower case; "Obama" after
    "Barack Obama" is the man. Countries and first-level regions are kept.
    """
    if cand.source == "DEMONYM" or " " in cand.text.strip():
        return False
    if _CONTRACTION.search(cand.text):
        return True
    if cand.source in PLACE_LABELS and cand.text.lower() not in noise:
        return False
    word = normalise(cand.text)
    if cand.text.lower() not in noise and word not in noise:
        return False
    return not any(
        p.feature in REGION_FEATURES and p.feature != "ADM2" for p in gazetteer.lookup(cand.text)
    )


def _known(surface: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer has the name, or the name less "northern", "province" ..."""
    shorter = TRIM_WORDS.sub("", surface).strip()
    return bool(gazetteer.lookup(surface) or (shorter and gazetteer.lookup(shorter)))


def _inner(text: str, span: Span, label: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Places embedded in a longer name: "Dublin Arts Council", "Greece Italy".

    Only well-established places count (countries, regions, big towns): an
    organisation's name is full of words that are also some village's name.
    People's names are left alone ("Jack London").
    """
    if label == "PERSON":
        return []
    out = []
    for c in _scan_caps(text, span, gazetteer, first_word_ok=True):
        key = normalise(c.text)
        if c.source == "DEMONYM" or (
            key not in GENERIC_WORDS
            and _plausible([p for p in gazetteer.lookup(c.text) if named_as(p, key)], embedded=True)
        ):
            out.append(c)
    return out


def _from_entity(
    label: str, raw: str, start: int, gazetteer: Gazetteer, text: str = ""
) -> Candidate | None:
    surface, start = trimmed(_before_bracket(raw), start)
    if not surface:
        return None
    key = normalise(surface)
    if is_demonym(key) and label in RESCUE_LABELS | PLACE_LABELS:
        return Candidate(start, start + len(surface), surface, "DEMONYM", demonyms().get(key))
    if label in PLACE_LABELS:
        return Candidate(start, start + len(surface), surface, label)
    if _acronym(surface) or key in GENERIC_WORDS:
        return None  # "Western partners" (NORP) is no Western Province
    if common_word(surface) or (label == "PERSON" and after_title(text, start)):
        return None
    places = gazetteer.lookup(surface)
    if label == "PERSON" and " " not in surface:  # "Ahmad" is not Al Ahmadi
        places = [p for p in places if named_as(p, key) or normalise(p.name).startswith(key + " ")]
    if label in RESCUE_LABELS and _plausible(places, strict=_lone_org(label, surface)):
        return Candidate(start, start + len(surface), surface, label)
    if label in ("PERSON", "ORG") and " " not in surface and not surface.isupper():
        end = start + len(surface)  # "a robbery in Newberry": the text places it
        if placed_by_context(text, start, end) and any(named_as(p, key) for p in places):
            return Candidate(start, end, surface, CONTEXT)
    return None


def _before_bracket(raw: str) -> str:
    """ "Xtown (Y county": a tagger's span that runs into a qualifier ends before it."""
    head = raw.split("(")[0]
    return head if head.strip() else raw


def _lone_org(label: str, surface: str) -> bool:
    """A group's name or an all-capitals organisation needs a region, not a town."""
    return label == "NORP" or (label == "ORG" and " " not in surface and surface.isupper())


def _acronym(surface: str) -> bool:
    """ "GNA", "LNA": organisations, unless a place is spelt so ("US", "UAE", "N.J.")."""
    letters = surface.replace(".", "").replace(" ", "")
    if "." in surface and len(letters) <= 3:
        return False  # dotted initials: a state or province ("N.J.", "B.C."), if known
    return letters.isupper() and len(letters) <= 5 and letters not in PLACE_ACRONYMS


PLACE_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "EU", "NSW", "DC"})


def _plausible(places: Sequence[Place], strict: bool = False, embedded: bool = False) -> bool:
    """Enough to believe a mis-tagged name or a bare capitalised word is a place.

    Entries without a GeoNames id come from our supplement or region table,
    which only hold names that conflict reporting uses as places.
    """
    if strict:  # an organisation's or group's name: only regions and our own rows
        return any(
            (p.feature in REGION_FEATURES and p.feature != "ADM2") or p.geonameid is None
            for p in places
        )
    if embedded:
        return any(
            (p.feature in REGION_FEATURES and p.feature != "ADM2") or p.population >= 50_000
            for p in places
        )
    return any(
        p.feature in REGION_FEATURES
        or p.feature in PART_FEATURES
        or p.population >= 20_000
        or p.geonameid is None
        for p in places
    )


_OPENERS = " \t\n\"'“”‘’([-—–•*"


def _scan_caps(
    text: str, span: Span, gazetteer: Gazetteer, first_word_ok: bool = False
) -> list[Candidate]:
    """Longest gazetteer matches among the capitalised words of ``span``.

    A lone capitalised word opening a sentence is skipped (it is capitalised
    anyway) unless ``first_word_ok``.
    """
    chunk = span.text_in(text)
    out: list[Candidate] = []
    for run in _CAPS.finditer(chunk):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                a, b = words[i].start(), words[j - 1].end()
                surface, a = trimmed(run.group()[a:b], a)
                first = surface.split()[0].lower() if surface else ""
                lead = chunk[: run.start() + a].strip(_OPENERS)
                at_start = not lead and not first_word_ok
                start = span.start + run.start() + a
                if (
                    not surface
                    or first in _STOP_START
                    or (at_start and j - i == 1)
                    or _acronym(surface)
                    or (j - i == 1 and common_word(surface))
                    or after_title(text, start)
                ):
                    continue
                key = normalise(surface)
                if is_demonym(key):
                    out.append(Candidate(start, start + len(surface), surface, "DEMONYM",
                                         demonyms().get(key)))  # fmt: skip
                    i = j - 1
                    break
                if _plausible(gazetteer.lookup(surface)):
                    out.append(Candidate(start, start + len(surface), surface, "CAPS"))
                    i = j - 1
                    break
            i += 1
    return out
