"""How well one gazetteer place suits one name of a story, and the rules that overrule the score.

:func:`warwire.resolve.places.resolve` ranks each name's options by the sum of
:func:`prior` (population, feature class, the story's focus), :func:`proximity`,
:func:`region_bonus` and :func:`overshadowed`, then lets the exceptions here
(a country named so, a sea, a stray namesake) have the last word; keeping the
weights together keeps their balance in one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from warwire.geodesy import distance_km
from warwire.resolve.gazetteer import normalise
from warwire.resolve.places_candidate import REGION_FEATURES, Candidate
from warwire.resolve.places_context import Region, in_region
from warwire.resolve.places_detect import (
    NATURAL_CLASSES,
    NEAR,
    NEAR_LIST,
    PART_AFTER,
    PART_FEATURES,
    REGION_AFTER,
    WIDE_FEATURES,
)
from warwire.resolve.places_focus import Focus
from warwire.resolve.places_units import unit_named
from warwire.resolve.places_words import common_word
from warwire.types import Place

POPULATION_WEIGHT = 1 / 7  # per order of magnitude
REGION_FOCUS_WEIGHT = 1.0
ALTERNATE_PENALTY = 1.5


def prior(place: Place, key: str, siblings: Sequence[Place], focus: Focus) -> float:
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


def proximity(place: Place, others: Sequence[Place], countries: Sequence[Place] = ()) -> float:
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


def best_by_prior(options: Sequence[Place], key: str, focus: Focus) -> Place | None:
    return max(options, key=lambda p: prior(p, key, options, focus)) if options else None


STRONG_FOCUS = 0.5


def is_stray(place: Place, key: str, focus: Focus) -> bool:
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


def common_abroad(cand: Candidate, place: Place, focus: Focus) -> bool:
    """An everyday word ("Valley", "Union") read as a small place outside the story's country."""
    if not common_word(cand.text) or (place.feature or "").startswith("PCL"):
        return False
    code, weight = max(focus.countries.items(), key=lambda kv: kv[1], default=("", 0.0))
    return weight >= STRONG_FOCUS and place.country_code != code


REGION_BONUS = 1.2
BIG_CITY = 1_000_000  # New York City outweighs New York State even in a New York story
LOCAL_VOTES = 5  # a story this local may mean Palestine TX rather than Palestine


def region_bonus(place: Place, key: str, options: Sequence[Place], region: Region | None) -> float:
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


def biggest_city(key: str, options: Sequence[Place]) -> int:
    """The population of the largest town called exactly ``key``."""
    return max(
        (p.population for p in options if (p.feature or "").startswith("PPL")
         and normalise(p.name) == key), default=0,
    )  # fmt: skip


def overshadowed(place: Place, key: str, biggest: int, region: Region | None) -> float:
    """Penalty for a town far smaller than a city of the same name (Portland, Texas).

    Neighbouring names nudge towards the small town, but "Portland" in a
    sports round-up is Portland, Oregon; the story's own local region, or
    several names of the town's state, keep the small town. ``biggest`` is
    :func:`biggest_city` of the name, worked out once per mention.
    """
    if biggest < SHADOW_CITY or place.population * 10 > biggest:
        return 0.0
    if not (place.feature or "").startswith("PPL") or in_region(place, key, region):
        return 0.0
    return SHADOW_WEIGHT * (math.log10(biggest / max(place.population, 1)) - 1)


def country_first(
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


def water_first(place: Place, options: Sequence[Place], key: str, region: Region | None) -> Place:
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
