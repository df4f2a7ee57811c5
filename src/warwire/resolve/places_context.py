"""Document context for place disambiguation: containment and the local region.

Local news names small towns that share names with countries and capitals
(Palestine TX, Jordan MN, Paris TN). Two cues settle them: an explicit
container ("Paris, Tenn.", "Lebanon, Pa.", "Tripoli, Libya") and the
region most of the story's other names point to (Shreveport and DeSoto
Parish put "Mansfield" in Louisiana).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import Candidate
from warwire.types import Place

# US states: AP-style abbreviations and postal codes. Only trusted right after "Town, ".
_STATES = {
    "Alabama": "Ala AL", "Alaska": "AK", "Arizona": "Ariz AZ", "Arkansas": "Ark AR",
    "California": "Calif Cal CA", "Colorado": "Colo CO", "Connecticut": "Conn CT",
    "Delaware": "Del DE", "District of Columbia": "DC", "Florida": "Fla FL",
    "Georgia": "Ga GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "Ill IL",
    "Indiana": "Ind IN", "Iowa": "IA", "Kansas": "Kan Kans KS", "Kentucky": "Ky KY",
    "Louisiana": "La LA", "Maine": "Me ME", "Maryland": "Md MD", "Massachusetts": "Mass MA",
    "Michigan": "Mich MI", "Minnesota": "Minn MN", "Mississippi": "Miss MS",
    "Missouri": "Mo MO", "Montana": "Mont MT", "Nebraska": "Neb Nebr NE", "Nevada": "Nev NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "Okla OK",
    "Oregon": "Ore Oreg OR", "Pennsylvania": "Pa Penn Penna PA", "Rhode Island": "RI",
    "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "Tenn TN", "Texas": "Tex TX",
    "Utah": "UT", "Vermont": "Vt VT", "Virginia": "Va VA", "Washington": "Wash WA",
    "West Virginia": "WVa WV", "Wisconsin": "Wis Wisc WI", "Wyoming": "Wyo WY",
}  # fmt: skip
# Canadian provinces as the press abbreviates them after a town ("Churchill, Man.").
_PROVINCES = {
    "Alberta": "Alta AB", "British Columbia": "BC", "Manitoba": "Man MB",
    "New Brunswick": "NB", "Newfoundland and Labrador": "Nfld NL", "Nova Scotia": "NS",
    "Ontario": "Ont ON", "Prince Edward Island": "PEI", "Quebec": "Que Qc QC",
    "Saskatchewan": "Sask SK",
}  # fmt: skip
STATE_ABBREVIATIONS: dict[str, str] = {
    normalise(abbr): state for state, abbrs in _STATES.items() for abbr in abbrs.split()
}
_PROVINCE_ABBREVIATIONS: dict[str, str] = {
    normalise(abbr): name for name, abbrs in _PROVINCES.items() for abbr in abbrs.split()
}
_AFTER_COMMA = re.compile(r",\s*([A-Z][A-Za-z.]{1,15}(?: [A-Z][a-z]+)?)")
_ABBREVIATED = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
CONTAINERS = frozenset({"PCLI", "PCL", "PCLD", "PCLS", "ADM1"})


@dataclass(frozen=True, slots=True)
class Region:
    """The first-level region a story is set in, and how many of its names agree."""

    country_code: str
    admin1: str
    votes: int


def _named(place: Place, key: str) -> bool:
    name = normalise(place.name)
    return name == key or name.startswith(key + " ") or key.startswith(name + " ")


def _state(surface: str, gazetteer: Gazetteer) -> list[Place]:
    """The US state a post-comma abbreviation or name stands for ("Tenn.", "TX")."""
    key = normalise(surface)
    for table, code in ((STATE_ABBREVIATIONS, "US"), (_PROVINCE_ABBREVIATIONS, "CA")):
        full = table.get(key)
        if full is not None:
            return [p for p in gazetteer.lookup(full, code) if p.feature == "ADM1"]
    return []


def _container_after(
    text: str, cand: Candidate, nxt: tuple[Candidate, list[Place]] | None, gazetteer: Gazetteer
) -> list[Place]:
    """Countries or first-level regions named right after ``cand`` and a comma."""
    match = _AFTER_COMMA.match(text, cand.end)
    if not match:
        return []
    if nxt is not None and nxt[0].start == match.start(1):
        found = [p for p in nxt[1] if p.feature in CONTAINERS]
        if found:
            return found
    words = match.group(1).split()
    for surface in (" ".join(words), words[0]):
        found = _state(surface.rstrip("."), gazetteer)
        if found:
            return found
    return []


def _inside(place: Place, container: Place) -> bool:
    if place.country_code != container.country_code or place is container:
        return False
    return container.feature != "ADM1" or place.admin1 == container.admin1


def apply_containment(
    text: str, candidates: Sequence[Candidate], options: Sequence[list[Place]],
    gazetteer: Gazetteer,
) -> tuple[list[list[Place]], list[bool]]:  # fmt: skip
    """Narrow "Town, Container" to places inside the container; the container to a region.

    Returns the new options and, per candidate, whether a container decided it.
    """
    out = [list(o) for o in options]
    decided = [False] * len(out)
    for i, cand in enumerate(candidates):
        before = text[max(0, cand.start - 40) : cand.start]
        if _ABBREVIATED.search(before) and text.startswith(".", cand.end):
            state = _state(cand.text, gazetteer)  # "Churchill, Man.": the province
            if state:
                out[i], decided[i] = state, True
                continue
        nxt = (candidates[i + 1], out[i + 1]) if i + 1 < len(candidates) else None
        containers = _container_after(text, cand, nxt, gazetteer)
        inside = [p for p in out[i] if any(_inside(p, c) for c in containers)]
        if not inside:
            continue
        out[i], decided[i] = inside, True
        if nxt is not None and nxt[0].start == _AFTER_COMMA.match(text, cand.end).start(1):  # type: ignore[union-attr]
            out[i + 1] = [c for c in containers if any(_inside(p, c) for p in inside)]
            decided[i + 1] = True
    return out, decided


def local_region(
    keys: Sequence[str], options: Sequence[list[Place]], decided: Sequence[bool]
) -> Region | None:
    """The region most distinct names of the story can lie in, if it clearly leads.

    A name votes for every region holding a place so called (not merely
    listing it as an alternate); names settled by a container vote twice.
    """
    votes: defaultdict[tuple[str, str], float] = defaultdict(float)
    seen: set[tuple[str, str, str]] = set()
    for key, opts, sure in zip(keys, options, decided, strict=True):
        for p in opts:
            feature = p.feature or ""
            if not (p.country_code and p.admin1) or feature.startswith("PCL"):
                continue
            if not _named(p, key) or (p.country_code, p.admin1, key) in seen:
                continue
            seen.add((p.country_code, p.admin1, key))
            votes[(p.country_code, p.admin1)] += 2.0 if sure else 1.0
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    (code, admin1), best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best < 3 or best < second + 2:
        return None
    return Region(code, admin1, int(best))


def in_region(place: Place, key: str, region: Region | None) -> bool:
    """A populated place or county of the local region that bears the name itself."""
    if region is None or place.country_code != region.country_code:
        return False
    return place.admin1 == region.admin1 and _named(place, key)
