"""Transliteration variants: a name spelled otherwise still meets its place, but only
a close spelling anywhere, and a looser one only within a given country."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.resolve.gazetteer import SPELLING, MemoryGazetteer, SqliteGazetteer
from warwire.resolve.gazetteer_build import build_index
from warwire.resolve.gazetteer_keys import joined, skeleton
from warwire.types import Place

MANBIJ = (Place("Manbij", 36.53, 37.95, "Syria", "SY", "Aleppo", 1, "PPL", 99000), ["Menbij"])
DEIR = Place("Deir ez-Zor", 35.34, 40.14, "Syria", "SY", "Deir ez-Zor", 2, "PPL", 270000)
KAFR = Place("Kafr Nabl", 35.61, 36.56, "Syria", "SY", "Idlib", 3, "PPL", 45000)
IDLIB = Place("Idlib", 35.93, 36.63, "Syria", "SY", "Idlib", 7, "PPL", 128000)
MANBIJ_ABROAD = Place("Menbi", 10.0, 10.0, "Nigeria", "NG", None, 4, "PPL", 500)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Menbej", "Manbij"),
        ("Deir Ezzor", "Deir ez-Zor"),
        ("Kafrnabal", "Kafr Nabl"),
        ("al-Shaddadi", "Ash Shaddadah"),
        ("Edlib", "Idlib"),
        ("Qalamoun", "Kalamun"),
    ],
)
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b) != ""


def test_short_names_have_no_skeleton() -> None:
    assert skeleton("Homs") == "" and skeleton("Ur") == ""
    assert joined("Kafr Nabl") == "kafrnabl"


@given(st.text(max_size=40))
def test_skeleton_never_fails_and_is_letters(text: str) -> None:
    shape = skeleton(text)
    assert shape == "" or shape.isalpha()


def test_memory_loose_lookup_within_a_country_and_anywhere() -> None:
    gaz = MemoryGazetteer([MANBIJ, DEIR, KAFR, IDLIB, MANBIJ_ABROAD])
    assert gaz.lookup("Menbej") == []
    found = gaz.lookup_loose("Menbej", "sy")
    assert [p.name for p in found] == ["Manbij"] and found[0].place_basis == SPELLING
    assert [p.name for p in gaz.lookup_loose("Menbej")] == ["Manbij"]  # close to "Menbij"
    assert [p.name for p in gaz.lookup_loose("Edlib", "SY")] == ["Idlib"]
    assert gaz.lookup_loose("Edlib") == []  # anywhere, "edlib"/"idlib" is too far apart
    assert gaz.lookup_loose("Mambaja", "SY") == []
    assert [p.name for p in gaz.lookup_loose("Deir Ezzor")] == ["Deir ez-Zor"]
    assert gaz.lookup_loose("Deir Ezzor", "IQ") == []
    assert gaz.lookup_loose("Damascus", "SY") == []


def test_index_loose_lookup_round_trip(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    rows = [(1, "Manbij", "Menbij", 36.53, 37.95, 99000), (2, "Kafr Nabl", "", 35.61, 36.56, 0)]
    head = ["P", "PPL", "SY", "", "01", "", "", ""]
    tail = ["", "0", "Asia/Damascus", "2024-01-01"]
    lines = [
        [str(g), n, n, alts, str(lat), str(lon), *head, str(pop), *tail]
        for g, n, alts, lat, lon, pop in rows
    ]
    dump.write_text("".join("\t".join(cols) + "\n" for cols in lines), encoding="utf-8")
    index = tmp_path / "index.sqlite"
    build_index(index, str(dump))
    gaz = SqliteGazetteer(index)
    assert [p.geonameid for p in gaz.lookup_loose("Kafrnabal", "SY")] == [2]
    assert [p.geonameid for p in gaz.lookup_loose("Menbej", "SY")] == [1]
    assert gaz.lookup_loose("Menbej", "TR") == []


def test_a_generic_head_alone_is_never_matched_by_spelling() -> None:
    jablah = Place("Jablah", 35.36, 35.93, "Syria", "SY", "Latakia", 5, "PPL", 65000)
    gaz = MemoryGazetteer([jablah])
    assert gaz.lookup_loose("Jablah", "SY") == [replace(jablah, place_basis=SPELLING)]
    assert gaz.lookup_loose("Jabal", "SY") == []


def test_a_spelling_keeps_its_first_letter() -> None:
    hollywood = (Place("Hollywood", 26.0, -80.1, "US", "US", None, 6, "PPL", 150000), ["Holefoods"])
    gaz = MemoryGazetteer([hollywood])
    assert gaz.lookup_loose("Whole Foods", "US") == []
    assert [p.name for p in gaz.lookup_loose("Hole Foods", "US")] == ["Hollywood"]
