"""Resolve each detected place name of a document to one gazetteer place.

Disambiguation scores every candidate place by population, feature class,
the document's country and region focus, and closeness to the other places
of the story, so "Tripoli" in a Libya story is Tripoli, Libya. Detection
lives in :mod:`warwire.resolve.places_detect`; the units written after a name
("X (Y)", "X, Y state") narrow or settle it in :mod:`warwire.resolve.places_qualifier`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from warwire.geodesy import distance_km
from warwire.resolve.countries import short_form
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_abroad import (
    NAMESAKE_CITY,
    at_home,
    home_country,
    named_countries,
    needs_evidence,
    outside_actor_names,
    vouched,
)
from warwire.resolve.places_candidate import (
    CONTEXT,
    REGION_DEMONYMS,
    REGION_FEATURES,
    Candidate,
    demonyms,
)
from warwire.resolve.places_context import Region, apply_containment, in_region, local_region
from warwire.resolve.places_detect import (
    NATURAL_CLASSES,
    NEAR,
    NEAR_LIST,
    PART_AFTER,
    PART_FEATURES,
    REGION_AFTER,
    WIDE_FEATURES,
    detect,
)
from warwire.resolve.places_facility import FACILITY, facility_name, host_places
from warwire.resolve.places_focus import Focus, demonym_weights, focus_without
from warwire.resolve.places_home import (
    hinted_home,
    home_namesake,
    outlet_country,
    spelled_at_home,
)
from warwire.resolve.places_parts import city_part, city_parts
from warwire.resolve.places_qualifier import apply_qualifiers, qualified_candidates
from warwire.resolve.places_story import CAPITAL, STORY, capital_places, story_candidates
from warwire.resolve.places_units import trimmed_forms, unit_choice, unit_named, with_unit
from warwire.resolve.places_words import common_word
from warwire.types import Analysis, Place, Sentence, Span, Toponym

__all__ = ["Candidate", "ToponymStage", "demonyms", "detect", "geoparse", "resolve",
           "toponyms_for"]  # fmt: skip


def _candidates(cand: Candidate, gazetteer: Gazetteer) -> list[Place]:
    if cand.source == "DEMONYM":
        home = _country_places(gazetteer, cand.country_code)
        if home:  # "Somali" is Somalia, not Ethiopia's Somali Region
            return home
        region = REGION_DEMONYMS.get(normalise(cand.text))
        if region:
            return [p for p in gazetteer.lookup(region) if p.feature in REGION_FEATURES]
        return [p for p in gazetteer.lookup(cand.text) if p.feature in REGION_FEATURES] or [
            p for p in _country_places(gazetteer, cand.country_code)
        ]
    if cand.source == CAPITAL:
        return capital_places(gazetteer, cand.country_code)
    if cand.source == STORY:  # a village believed for the story's country: only there
        return gazetteer.lookup(cand.text, cand.country_code) or gazetteer.lookup_loose(
            cand.text, cand.country_code
        )
    short = short_form(cand.text)  # "Congo" of the wires is the DRC, not its namesake
    places = _country_places(gazetteer, short) if short else gazetteer.lookup(cand.text)
    if places:
        return places
    for surface in trimmed_forms(cand.text):
        places = gazetteer.lookup(surface)
        if places:
            return places
    return []


def _country_places(gazetteer: Gazetteer, code: str | None) -> list[Place]:
    from warwire.resolve.countries import country

    found = country(code) if code else None
    if not found:
        return []
    return [p for p in gazetteer.lookup(found.name, code) if p.feature in REGION_FEATURES]


WEAK_SOURCES = frozenset({CONTEXT, FACILITY})
POPULATION_WEIGHT = 1 / 7  # per order of magnitude
REGION_FOCUS_WEIGHT = 1.0
ALTERNATE_PENALTY = 1.5


def _prior(place: Place, key: str, siblings: Sequence[Place], focus: Focus) -> float:
    score: float = math.log10(place.population + 1) * POPULATION_WEIGHT
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
    name = normalise(place.name)
    if name == key:
        score += 0.15
    elif key not in name and feature not in REGION_FEATURES:
        score -= 0.3  # an alternate name ("Boni" for Bonn) is weaker evidence than the name
        if any(normalise(p.name) == key for p in siblings):
            score -= ALTERNATE_PENALTY  # and weaker still when another place bears the name
    if place.country_code:
        score += 2.0 * focus.countries.get(place.country_code, 0.0)
    elif feature in WIDE_FEATURES:
        score += 2.0 * max(focus.countries.values(), default=0.0)  # seas lie in every story
    if place.admin1:
        score += REGION_FOCUS_WEIGHT * focus.regions.get(place.admin1, 0.0)
    return score


def _proximity(place: Place, others: Sequence[Place], countries: Sequence[Place] = ()) -> float:
    """Closeness to the story's other places; a country named counts by its centre point.

    "Gaza" in a story naming Israel is the Gaza by Israel, not a province in Mozambique.
    """
    score = 0.0
    if others:
        nearest = min(distance_km(place, o) for o in others)
        score = 0.8 if nearest < 50 else 0.5 if nearest < 200 else 0.2 if nearest < 500 else 0.0
    if (
        countries
        and not (place.feature or "").startswith("PCL")
        and min(distance_km(place, c) for c in countries) < NEAR_COUNTRY_KM
    ):
        score = max(score, COUNTRY_NEARBY)
    return score


NEAR_COUNTRY_KM = 300
COUNTRY_NEARBY = 0.5


def _geo_precision(text: str, cand: Candidate, place: Place) -> int:
    feature = place.feature or ""
    if feature == "ADM2" and not REGION_AFTER.match(text, cand.end):
        return 2  # a district or county: ACLED's "part of a region"
    if feature in REGION_FEATURES or feature.startswith(NATURAL_CLASSES):
        return 3
    if REGION_AFTER.match(text, cand.end):
        return 3
    before = text[max(0, cand.start - 80) : cand.start]
    near = NEAR.search(before) or NEAR_LIST.search(before)
    if feature in PART_FEATURES or near or PART_AFTER.match(text, cand.end):
        return 2
    return 1


def unit_precision(text: str, cand: Candidate, place: Place) -> int:
    """A town standing for its district ("Bannu district") is coded "part of a region"."""
    precision = _geo_precision(text, cand, place)
    if unit_named(text, cand) == "province" and place.feature in REGION_FEATURES:
        return 3
    if unit_named(text, cand) == "district" and (place.feature or "").startswith("PPL"):
        return max(precision, 2)
    return precision


def _best(options: Sequence[Place], key: str, focus: Focus) -> Place | None:
    return max(options, key=lambda p: _prior(p, key, options, focus)) if options else None


STRONG_FOCUS = 0.5


def _stray(place: Place, key: str, focus: Focus) -> bool:
    """A town matched only by an alternate name, outside a story's clear focus country.

    "Boni" in a Mali story is not Bonn (whose alternate names include Boni):
    better no place than a confident one on another continent.
    """
    name, words = set(normalise(place.name).split()), set(key.split())
    if not focus.countries or name <= words or words <= name:  # "Quebec City" is Québec
        return False
    if not (place.feature or "").startswith("PPL") or place.geonameid is None:
        return False
    if place.feature == "PPLC" or place.population >= 500_000:
        return False  # "Kiev" for Kyiv: a capital or a big city is no stray
    code, weight = max(focus.countries.items(), key=lambda kv: kv[1])
    return weight >= STRONG_FOCUS and place.country_code != code


def _common_abroad(cand: Candidate, place: Place, focus: Focus) -> bool:
    """An everyday word ("Valley", "Union") read as a small place outside the story's country."""
    if not common_word(cand.text) or (place.feature or "").startswith("PCL"):
        return False
    code, weight = max(focus.countries.items(), key=lambda kv: kv[1], default=("", 0.0))
    return weight >= STRONG_FOCUS and place.country_code != code


REGION_BONUS = 1.2
BIG_CITY = 1_000_000  # New York City outweighs New York State even in a New York story
LOCAL_VOTES = 5  # a story this local may mean Palestine TX rather than Palestine


def _region_bonus(place: Place, key: str, options: Sequence[Place], region: Region | None) -> float:
    """Favour the local region's place, but not a town over a state so called."""
    if not in_region(place, key, region):
        return 0.0
    if (
        place.feature != "ADM1"
        and place.population < BIG_CITY
        and any(
            p.feature == "ADM1"
            and p.country_code == place.country_code
            and normalise(p.name) == key
            for p in options
        )
    ):
        return 0.0
    return REGION_BONUS


SHADOW_CITY = 100_000
SHADOW_WEIGHT = 0.3


def _biggest_city(key: str, options: Sequence[Place]) -> int:
    """The population of the largest town called exactly ``key``."""
    return max(
        (p.population for p in options if (p.feature or "").startswith("PPL")
         and normalise(p.name) == key), default=0,
    )  # fmt: skip


def _overshadowed(place: Place, key: str, biggest: int, region: Region | None) -> float:
    """Penalty for a town far smaller than a city of the same name (Portland, Texas).

    Neighbouring names nudge towards the small town, but "Portland" in a
    sports round-up is Portland, Oregon; the story's own local region, or
    several names of the town's state, keep the small town. ``biggest`` is
    :func:`_biggest_city` of the name, worked out once per mention.
    """
    if biggest < SHADOW_CITY or place.population * 10 > biggest:
        return 0.0
    if not (place.feature or "").startswith("PPL") or in_region(place, key, region):
        return 0.0
    return SHADOW_WEIGHT * (math.log10(biggest / max(place.population, 1)) - 1)


def _country_first(
    place: Place, options: Sequence[Place], key: str, focus: Focus, region: Region | None
) -> Place:
    """A country called exactly so beats towns and capitals ("Mexico" is not Mexico City).

    Exceptions: a town of the story's local region (Palestine TX in an East
    Texas paper) and a state of a story set in that country (Georgia, US).
    """
    feature = place.feature or ""
    if feature.startswith("PCL"):
        return place
    local = region is not None and region.votes >= LOCAL_VOTES and place.population >= 5_000
    if local and in_region(place, key, region):
        return place
    countries = [
        p for p in options
        if (p.feature or "").startswith("PCL") and normalise(p.name) == key
    ]  # fmt: skip
    if not countries:
        return place
    home = focus.countries.get(place.country_code or "", 0.0)
    if (
        feature == "ADM1"
        and home >= STRONG_FOCUS
        and home > focus.countries.get(countries[0].country_code or "", 0.0)
    ):
        return place
    return countries[0]


_WATER = frozenset({"OCN", "SEA", "GULF"})


def _water_first(place: Place, options: Sequence[Place], key: str, region: Region | None) -> Place:
    """A bare "Atlantic" or "Caribbean" is the ocean or sea, not a town named after it.

    Only a town of the story's own region (Pacific, Missouri in a St Louis
    paper) keeps the name.
    """
    if place.feature in _WATER or in_region(place, key, region):
        return place
    for p in options:
        words = normalise(p.name).split()
        if p.feature in _WATER and words[:-1] == key.split() and words[-1] in ("ocean", "sea"):
            return p
    return place


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    gazetteer: Gazetteer,
    doc_id: str = "text",
    hint: str | None = None,
) -> list[Toponym]:
    """Choose one place per candidate (or none), with ACLED geo_precision. ``hint``:
    the country the outlet tells, the story's home when its own places do not say."""
    options = [with_unit(text, c, _candidates(c, gazetteer), gazetteer) for c in candidates]
    options, decided = apply_containment(text, candidates, options, gazetteer)
    options, decided, settled = apply_qualifiers(text, candidates, options, decided, gazetteer)
    keys = [normalise(c.text) for c in candidates]
    region = local_region(keys, options, decided)
    weights = [  # a neighbourhood's namesake town says nothing of the story's country
        0.0 if city_part(text, c.end) else w
        for c, w in zip(candidates, demonym_weights(text, candidates), strict=True)
    ]
    own = {k: focus_without(options, keys, k, weights) for k in set(keys)}  # a name's own focus
    first = [_best(o, k, own[k]) for o, k in zip(options, keys, strict=True)]
    named = named_countries(candidates, options)
    sure = [
        j
        for j, c in enumerate(candidates)
        if c.source not in WEAK_SOURCES and not city_part(text, c.end)
    ]
    home = home_country(  # names believed only at home do not say where home is
        [candidates[j] for j in sure], [first[j] for j in sure], [keys[j] for j in sure]
    ) or hinted_home(hint, candidates, first, gazetteer)
    story = {  # the countries the story names outright (not by a demonym)
        code for c, codes in zip(candidates, named, strict=True) if c.source != "DEMONYM"
        for code in codes
    }  # fmt: skip
    out: list[Toponym] = []
    facilities: list[tuple[int, int, str]] = []
    for i, (cand, opts) in enumerate(zip(candidates, options, strict=True)):
        place: Place | None = settled[i]
        if place is not None:  # a name its qualifier settled, or the qualifier itself
            out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, place))
            continue
        if not opts and cand.source in ("FAC", FACILITY) and facility_name(cand.text):
            facilities.append((cand.start, cand.end, cand.text))
            continue
        if opts:
            mine = own[keys[i]]
            others = [p for j, p in enumerate(first) if p and keys[j] != keys[i]]
            local = [p for p in others if not (p.feature or "").startswith("PCL")]
            nations = [p for p in others if (p.feature or "").startswith("PCL")]
            biggest = _biggest_city(keys[i], opts)

            def score(p: Place) -> float:
                return (
                    _prior(p, keys[i], opts, mine)  # noqa: B023
                    + _proximity(p, local, nations)  # noqa: B023
                    + _region_bonus(p, keys[i], opts, region)  # noqa: B023
                    - _overshadowed(p, keys[i], biggest, region)  # noqa: B023
                )

            place = max(opts, key=score)
            if not decided[i]:
                place = _country_first(place, opts, keys[i], mine, region)
                place = _water_first(place, opts, keys[i], region)
            place = unit_choice(text, cand, place, opts, score)
            if (
                not decided[i]
                and home is not None
                and needs_evidence(place, home, NAMESAKE_CITY)
                and not vouched(text, i, place, candidates, named)
            ):
                small = needs_evidence(place, home)
                nearer = at_home(opts, home, score) or (
                    spelled_at_home(cand, gazetteer, home)
                    if small
                    else home_namesake(cand, gazetteer, home)
                )
                if nearer is not None:
                    place = nearer
                elif small:  # a city of some size abroad stands
                    if cand.source not in ("GPE", "LOC"):
                        continue  # a namesake abroad and no sign of a place: no place
                    out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, None))
                    continue
            believed = {home} if home else story
            if cand.source == CONTEXT and not decided[i] and place.country_code not in believed:
                continue  # a mis-tagged name is believed only in the story's own country
            if not decided[i] and _common_abroad(cand, place, mine):
                continue  # "the Valley" of a Kashmir story is no island of the Caribbean
            stray = _stray(place, keys[i], mine) and place.country_code != home
            if stray and not decided[i] and not vouched(text, i, place, candidates, named):
                place = None
            else:
                place = replace(place, geo_precision=unit_precision(text, cand, place))
        elif cand.source not in ("GPE", "LOC"):
            continue
        else:
            place = spelled_at_home(cand, gazetteer, home)
        out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, place))
    if facilities:
        hosted = host_places(facilities, out, doc_id, home)
        out = sorted([*out, *hosted], key=lambda t: t.span.start)
    return city_parts(text, out, home)


# --------------------------------------------------------------------------- entry points


def toponyms_for(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    doc_id: str = "text",
    include_demonyms: bool = True,
    hint: str | None = None,
) -> list[Toponym]:
    """Detect and resolve the toponyms of one document; ``hint``: its outlet's country."""
    detected = story_candidates(text, sentences, gazetteer, hint)
    candidates = qualified_candidates(text, detected, gazetteer, sentences)
    found = resolve(text, candidates, gazetteer, doc_id, hint)
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
                    outside_actor_names(
                        a.document.text,
                        toponyms_for(
                            a.document.text,
                            a.sentences,
                            self.gazetteer,
                            a.document.doc_id,
                            hint=outlet_country(a.document),
                        ),
                    )
                ),
            )
            for a in batch
        ]
