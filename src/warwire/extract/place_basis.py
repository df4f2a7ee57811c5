"""How an event's place was chosen (``Place.place_basis``): the rungs of the place
chain from a named town down to the country's point."""

from __future__ import annotations

from dataclasses import replace

from warwire.types import Place, Toponym

# how an event's place was chosen (Place.place_basis), from the most to the least direct
NAMED_TOWN, NEAR_TOWN, DISTRICT, ADMIN1, COUNTRY = (
    "named town", "near town", "district", "admin1", "country"
)  # fmt: skip
NAMED_FEATURE = "named feature"  # a mountain, a river, a base: the place named, not a town
STORY_PLACE, NEAR_STORY_PLACE, STORY_COUNTRY = "story place", "near story place", "story country"


def basis_of(place: Place) -> str:
    """The rung of the place chain a named place stands on (town, district, admin1,
    country), read off its feature class and geo_precision."""
    feature = place.feature or ""
    if feature.startswith("PCL"):
        return COUNTRY
    if feature == "ADM1" or place.geo_precision >= 3:
        return ADMIN1
    if feature.startswith("ADM"):
        return DISTRICT
    if not feature.startswith("PPL"):
        return NAMED_FEATURE
    return NEAR_TOWN if place.geo_precision == 2 else NAMED_TOWN


def based(top: Toponym, basis: str) -> Toponym:
    """``top`` with its place marked as chosen on ``basis``."""
    if top.place is None:
        return top
    return replace(top, place=replace(top.place, place_basis=basis))


def country_point(code: str | None) -> Place | None:
    """A country at its GeoNames point, precision 3 (the last rung of the place chain)."""
    from warwire.resolve.countries import country
    from warwire.resolve.gazetteer_points import country_points

    found = country(code) if code else None
    point = country_points().get(code or "")
    if found is None or point is None:
        return None
    return Place(found.name, point[0], point[1], found.name, found.iso2, None, None, "PCLI",
                 found.population, 3, STORY_COUNTRY)  # fmt: skip
