"""The story's focus: which countries and first-level regions its place names point to.

Each name votes only when it is unambiguous about its country ("Georgia" alone
says neither US nor GE); a name's own focus leaves its other mentions out, so
a name repeated ten times cannot outvote the story's other names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from warwire.resolve.places_candidate import REGION_FEATURES, Candidate
from warwire.resolve.places_story import SHORT_TEXT
from warwire.types import Place


@dataclass(frozen=True, slots=True)
class Focus:
    countries: dict[str, float]
    regions: dict[str, float]


Votes = tuple[dict[str, float], dict[str, float]]


def _votes(places: Sequence[Place]) -> Votes:
    """What one mention says of the story's countries and regions (nothing if ambiguous)."""
    countries: dict[str, float] = {}
    regions: dict[str, float] = {}
    if not places or any(p.country_code is None for p in places):
        return countries, regions  # "Sahel", "Atlantic": a macro-region or sea says nothing
    codes = {p.country_code for p in places if p.country_code}
    top = places[0]
    if top.feature in REGION_FEATURES and (top.feature or "").startswith("PCL"):
        countries[top.country_code or ""] = 2.0
    elif len(codes) == 1:
        countries[codes.pop()] = 1.0
        if top.admin1:
            regions[top.admin1] = 1.0
    elif top.country_code and not any((p.feature or "").startswith("PCL") for p in places):
        countries[top.country_code] = 0.3  # "Georgia" alone says neither US nor GE
    if top.feature == "ADM1" and top.admin1:
        regions[top.admin1] = regions.get(top.admin1, 0.0) + 1.0
    return countries, regions


def _normalised(votes: Iterable[Votes]) -> Focus:
    countries: defaultdict[str, float] = defaultdict(float)
    regions: defaultdict[str, float] = defaultdict(float)
    for c, r in votes:
        for k, v in c.items():
            countries[k] += v
        for k, v in r.items():
            regions[k] += v
    total_c = sum(countries.values()) or 1.0
    total_r = sum(regions.values()) or 1.0
    return Focus(
        {k: v / total_c for k, v in countries.items()},
        {k: v / total_r for k, v in regions.items()},
    )


def _same_name(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def focus_without(
    options: Sequence[list[Place]],
    keys: Sequence[str],
    key: str,
    adjectives: Sequence[float] | None = None,
) -> Focus:
    """The focus from the story's other names only.

    A name repeated ten times ("Alexandria" in an Alexandria, Virginia paper)
    must not outvote the story's other names for its own most populous
    reading; "Dublin City" counts as the same name as "Dublin". ``adjectives``
    weighs each name's vote: a demonym ("Turkish forces") mostly names an
    attacker's country, not the story's, so it counts for less than a town.
    """
    weights = adjectives or [1.0] * len(keys)
    return _normalised(
        _scaled(_votes(places), weight)
        for places, k, weight in zip(options, keys, weights, strict=True)
        if weight > 0 and not _same_name(k, key)
    )


def _scaled(votes: Votes, weight: float) -> Votes:
    if weight == 1.0:
        return votes
    countries, regions = ({k: v * weight for k, v in part.items()} for part in votes)
    return countries, regions


def demonym_weights(text: str, candidates: Sequence[Candidate]) -> list[float]:
    """How much each name's vote counts toward the focus: in a headline a demonym
    ("Russian warplanes pound X") names the attacker, so it does not vote there."""
    if not 0 < len(text) <= SHORT_TEXT:
        return [1.0] * len(candidates)
    return [0.0 if c.source == "DEMONYM" else 1.0 for c in candidates]
