"""Find place names in a document and resolve each to one gazetteer place.

Detection trusts spaCy's GPE/LOC/FAC entities, rescues its PERSON/ORG/NORP
mistakes ("Bani Walid" tagged PERSON) when the gazetteer knows the name, and
scans capitalised words in sentences that were not parsed. Demonyms
("Libyan") resolve to their country, never to a town of that name.

Disambiguation scores every candidate place by population, feature class,
the document's country and region focus, and closeness to the other places
of the story, so "Tripoli" in a Libya story is Tripoli, Libya.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.types import Analysis, Place, Sentence, Span, Toponym

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
REGION_FEATURES = frozenset(
    {"PCLI", "PCL", "PCLD", "PCLS", "ADM1", "ADM2", "ADM3", "RGN", "AREA", "CONT"}
)
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

_NEAR = re.compile(
    r"(?:\bnear|\boutside|\boutskirts of|\bsuburbs? of|\bclose to|\bvicinity of|\baround"
    r"|\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?(?: part)? of"
    r"|\bkm from|\bkilometers from|\bkilometres from|\bmiles from)"
    r"(?:\s+the\s+(?:town|city|village|area)\s+of)?\s*$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"\s*(?:district|neighbou?rhood|suburbs?|outskirts|area)\b", re.I)
_REGION_AFTER = re.compile(
    r"\s*(?:province|governorate|region|state|county|oblast|prefecture|department)\b", re.I
)
_TRIM_WORDS = re.compile(
    r"^(?:the|northern|southern|eastern|western|central|greater|upper|lower|north|south|east"
    r"|west|north-?west|north-?east|south-?west|south-?east|northwest(?:ern)?|northeast(?:ern)?"
    r"|southwest(?:ern)?|southeast(?:ern)?)\s+"
    r"|\s+(?:province|governorate|region|district|county|parish|city|state|area|municipality)$",
    re.IGNORECASE,
)
_CAPS = re.compile(
    r"[A-Z][\w'’‘.-]*(?:[ -](?:(?:al|el|ad|ar|as|ash|bin|ibn|de|del|da|du|la)[ -])?"
    r"[A-Z][\w'’‘.-]*)*"
)
_STOP_WORDS = (
    "the a an in on at he she it they we this that these those his her its their there "
    "but and or if as by for from of to with after before when while monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december mr mrs ms dr president minister general"
)
_STOP_START = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that may name a place, and why we think so."""

    start: int
    end: int
    text: str
    source: str  # an entity label, "DEMONYM" or "CAPS"
    country_code: str | None = None  # set for demonyms


@cache
def demonyms() -> dict[str, str]:
    """Normalised demonym (and plural) -> ISO2 country code."""
    from warwire.resolve.gazetteer_build import country_table

    table: dict[str, str] = {}
    rows = sorted(country_table().items(), key=lambda kv: -int(kv[1]["gn"]["population"] or 0))
    for code, row in rows:
        for word in str(row.get("demonym") or "").replace(",", "/").split("/"):
            word = word.strip()
            if word:
                table.setdefault(normalise(word), code)
                table.setdefault(normalise(word + "s"), code)
    for word, code in (("Turkish", "TR"), ("Emirati", "AE"), ("British", "GB"), ("Dutch", "NL")):
        table[normalise(word)] = code
    return table


def _trimmed(text: str, start: int) -> tuple[str, int]:
    """Strip a leading "the" and a trailing possessive from an entity."""
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip(" .,;:"), start


def detect(text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer) -> list[Candidate]:
    """Every place-name candidate in ``text``, in order, without overlaps."""
    found: list[Candidate] = []
    for sentence in sentences:
        blocked: list[tuple[int, int]] = []
        for ent in sentence.entities:
            cand = _from_entity(ent.label, ent.text, ent.span.start, gazetteer)
            if cand:
                found.append(cand)
                blocked.append((cand.start, cand.end))
            elif ent.label in RESCUE_LABELS:
                blocked.append((ent.span.start, ent.span.end))
        for cand in _scan_caps(text, sentence.span, gazetteer):
            if not any(cand.start < e and s < cand.end for s, e in blocked):
                found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


def _from_entity(label: str, raw: str, start: int, gazetteer: Gazetteer) -> Candidate | None:
    surface, start = _trimmed(raw, start)
    if not surface:
        return None
    key = normalise(surface)
    if key in demonyms() and label in RESCUE_LABELS | PLACE_LABELS:
        return Candidate(start, start + len(surface), surface, "DEMONYM", demonyms()[key])
    if label in PLACE_LABELS:
        return Candidate(start, start + len(surface), surface, label)
    if _acronym(surface):
        return None
    if label in RESCUE_LABELS and _plausible(gazetteer.lookup(surface), strict=label == "NORP"):
        return Candidate(start, start + len(surface), surface, label)
    return None


def _acronym(surface: str) -> bool:
    """ "GNA", "LNA": organisations, unless the country list spells it ("US", "UAE")."""
    letters = surface.replace(".", "")
    return letters.isupper() and len(letters) <= 5 and letters not in COUNTRY_ACRONYMS


COUNTRY_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "EU"})


def _plausible(places: Sequence[Place], strict: bool = False) -> bool:
    """Enough to believe a mis-tagged name or a bare capitalised word is a place.

    Entries without a GeoNames id come from our supplement or region table,
    which only hold names that conflict reporting uses as places.
    """
    if strict:
        return any(p.feature in REGION_FEATURES for p in places)
    return any(
        p.feature in REGION_FEATURES
        or p.feature in PART_FEATURES
        or p.population >= 20_000
        or p.geonameid is None
        for p in places
    )


def _scan_caps(text: str, span: Span, gazetteer: Gazetteer) -> list[Candidate]:
    """Longest gazetteer matches among capitalised words of an unparsed sentence."""
    chunk = span.text_in(text)
    out: list[Candidate] = []
    for run in _CAPS.finditer(chunk):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                a, b = words[i].start(), words[j - 1].end()
                surface, _ = _trimmed(run.group()[a:b], 0)
                first = surface.split()[0].lower() if surface else ""
                at_start = run.start() + a == 0
                if (
                    not surface
                    or first in _STOP_START
                    or (at_start and j - i == 1)
                    or _acronym(surface)
                ):
                    continue
                start = span.start + run.start() + a
                key = normalise(surface)
                if key in demonyms():
                    out.append(Candidate(start, start + len(surface), surface, "DEMONYM",
                                         demonyms()[key]))  # fmt: skip
                    i = j - 1
                    break
                if _plausible(gazetteer.lookup(surface)):
                    out.append(Candidate(start, start + len(surface), surface, "CAPS"))
                    i = j - 1
                    break
            i += 1
    return out


# --------------------------------------------------------------------------- resolution


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    dlat, dlon = la2 - la1, lo2 - lo1
    h = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _candidates(cand: Candidate, gazetteer: Gazetteer) -> list[Place]:
    if cand.source == "DEMONYM":
        return [p for p in gazetteer.lookup(cand.text) if p.feature in REGION_FEATURES] or [
            p for p in _country_places(gazetteer, cand.country_code)
        ]
    places = gazetteer.lookup(cand.text)
    surface = cand.text
    while not places:
        shorter = _TRIM_WORDS.sub("", surface).strip()
        if shorter == surface or not shorter:
            break
        surface = shorter
        places = gazetteer.lookup(surface)
    return places


def _country_places(gazetteer: Gazetteer, code: str | None) -> list[Place]:
    from warwire.resolve.countries import country

    found = country(code) if code else None
    if not found:
        return []
    return [p for p in gazetteer.lookup(found.name, code) if p.feature in REGION_FEATURES]


@dataclass(frozen=True, slots=True)
class _Focus:
    countries: dict[str, float]
    regions: dict[str, float]


def _focus(options: Sequence[list[Place]]) -> _Focus:
    """Which countries and regions the story is about, from its least ambiguous names."""
    countries: defaultdict[str, float] = defaultdict(float)
    regions: defaultdict[str, float] = defaultdict(float)
    for places in options:
        if not places:
            continue
        codes = {p.country_code for p in places if p.country_code}
        top = places[0]
        if any(p.feature in REGION_FEATURES and p.feature.startswith("PCL") for p in places[:1]):
            countries[top.country_code or ""] += 2.0
        elif len(codes) == 1:
            countries[codes.pop()] += 1.0
            if top.admin1:
                regions[top.admin1] += 1.0
        elif top.country_code:
            countries[top.country_code] += 0.3
        if top.feature == "ADM1" and top.admin1:
            regions[top.admin1] += 1.0
    total_c = sum(countries.values()) or 1.0
    total_r = sum(regions.values()) or 1.0
    return _Focus(
        {k: v / total_c for k, v in countries.items()},
        {k: v / total_r for k, v in regions.items()},
    )


def _prior(place: Place, key: str, siblings: Sequence[Place], focus: _Focus) -> float:
    score: float = math.log10(place.population + 1) / 7
    feature = place.feature or ""
    if feature.startswith("PCL"):
        score += 1.0
    elif feature == "ADM1":
        score += 0.5
        city = max((p.population for p in siblings if (p.feature or "").startswith("PPL")
                    and p.country_code == place.country_code), default=0)  # fmt: skip
        if city >= 50_000:
            score -= 1.0
    elif feature == "PPLC":
        score += 0.4
    elif feature in WIDE_FEATURES:
        score += 0.6
    elif feature in PART_FEATURES:
        score += 0.3
    if normalise(place.name) == key:
        score += 0.15
    score += 2.0 * focus.countries.get(place.country_code or "", 0.0)
    if place.admin1:
        score += 1.0 * focus.regions.get(place.admin1, 0.0)
    return score


def _proximity(place: Place, others: Sequence[Place]) -> float:
    if not others:
        return 0.0
    nearest = min(distance_km(place, o) for o in others)
    return 0.8 if nearest < 50 else 0.5 if nearest < 200 else 0.2 if nearest < 500 else 0.0


def _geo_precision(text: str, cand: Candidate, place: Place) -> int:
    feature = place.feature or ""
    if feature in REGION_FEATURES or feature.startswith(NATURAL_CLASSES):
        return 3
    if _REGION_AFTER.match(text, cand.end):
        return 3
    before = text[max(0, cand.start - 40) : cand.start]
    if feature in PART_FEATURES or _NEAR.search(before) or _PART_AFTER.match(text, cand.end):
        return 2
    return 1


def _best(options: Sequence[Place], key: str, focus: _Focus) -> Place | None:
    return max(options, key=lambda p: _prior(p, key, options, focus)) if options else None


def resolve(
    text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, doc_id: str = "text"
) -> list[Toponym]:
    """Choose one place per candidate (or none), with ACLED geo_precision."""
    options = [_candidates(c, gazetteer) for c in candidates]
    focus = _focus(options)
    keys = [normalise(c.text) for c in candidates]
    first = [_best(opts, k, focus) for opts, k in zip(options, keys, strict=True)]
    out: list[Toponym] = []
    for i, (cand, opts) in enumerate(zip(candidates, options, strict=True)):
        place: Place | None = None
        if opts:
            others = [p for j, p in enumerate(first) if p and keys[j] != keys[i]]
            local = [p for p in others if not (p.feature or "").startswith("PCL")]
            place = max(opts, key=lambda p: _prior(p, keys[i], opts, focus) + _proximity(p, local))
            place = replace(place, geo_precision=_geo_precision(text, cand, place))
        elif cand.source not in ("GPE", "LOC"):
            continue
        out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, place))
    return out


# --------------------------------------------------------------------------- entry points


def toponyms_for(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    doc_id: str = "text",
    include_demonyms: bool = True,
) -> list[Toponym]:
    """Detect and resolve the toponyms of one document."""
    candidates = detect(text, sentences, gazetteer)
    found = resolve(text, candidates, gazetteer, doc_id)
    if include_demonyms:
        return found
    demonym_spans = {(c.start, c.end) for c in candidates if c.source == "DEMONYM"}
    return [t for t in found if (t.span.start, t.span.end) not in demonym_spans]


def geoparse(text: str, doc_id: str = "text", gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Parse ``text`` and return its toponyms; offsets index ``text`` as given."""
    from warwire.nlp import parse_text
    from warwire.resolve.gazetteer import default_gazetteer

    return toponyms_for(text, parse_text(doc_id, text), gazetteer or default_gazetteer(), doc_id)


class ToponymStage:
    """Pipeline stage filling ``Analysis.toponyms``; loads the default gazetteer lazily."""

    name = "toponyms"
    needs = frozenset({"sentences"})
    adds = frozenset({"toponyms"})

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from warwire.resolve.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return [
            replace(
                a,
                toponyms=tuple(
                    toponyms_for(a.document.text, a.sentences, self.gazetteer, a.document.doc_id)
                ),
            )
            for a in batch
        ]
