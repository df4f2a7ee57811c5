"""What a place candidate is, and the basic tests every detector shares.

Kept apart from :mod:`warwire.resolve.places_detect` so that the extra cues of
:mod:`warwire.resolve.places_cues` build on it without importing the detector.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warwire.resolve.gazetteer import normalise
from warwire.types import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CONTEXT = "CONTEXT"  # a mis-tagged name that the words around it place ("in Newberry")
REGION_FEATURES = frozenset(
    {"PCLI", "PCL", "PCLD", "PCLS", "ADM1", "ADM2", "ADM3", "RGN", "AREA", "CONT"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that may name a place, and why we think so."""

    start: int
    end: int
    text: str
    source: str  # an entity label, "DEMONYM" or "CAPS"
    country_code: str | None = None  # set for demonyms


def demonyms() -> dict[str, str]:
    """Normalised demonym (and plural) -> ISO2 country code, from the one demonym
    authority (:func:`warwire.resolve.countries.demonyms`) under this module's keys."""
    return _demonyms_by_key()


@cache
def _demonyms_by_key() -> dict[str, str]:
    from warwire.resolve.countries import demonyms as table

    return {normalise(word): code for word, code in table().items()}


# Adjectives of continents and world regions: "European" ministers point at Europe.
REGION_DEMONYMS = {
    "european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
    "asian": "Asia", "asians": "Asia", "north american": "North America",
    "south american": "South America", "middle eastern": "Middle East",
}  # fmt: skip


def is_demonym(key: str) -> bool:
    """Whether a normalised word names a people: a country's or a continent's."""
    return key in demonyms() or key in REGION_DEMONYMS


def trimmed(text: str, start: int) -> tuple[str, int]:
    """Strip a leading "the" and a trailing possessive from an entity."""
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip(" .,;:"), start


NON_NAME_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
)


GENERIC_WORDS = frozenset(
    "north south east west central northern southern eastern western capital coast "  # noqa: SIM905
    "national international united new upper lower middle greater village valley union "
    "island islands centre center south north east west northwest northeast southwest "
    "southeast mall bridge river lake park".split()
)


def named_as(place: Place, key: str) -> bool:
    """The place is called so, not merely listed with it as an alternate ("Rapid")."""
    return place.feature in REGION_FEATURES or normalise(place.name) == key
