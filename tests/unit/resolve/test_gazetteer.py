"""Gazetteer normalisation, the in-memory fake and the GeoNames-dump index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.errors import ModelError
from warwire.resolve.gazetteer import MemoryGazetteer, SqliteGazetteer, normalise
from warwire.resolve.gazetteer_build import build_index, iter_dump, iter_supplement, latin
from warwire.types import Place


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tarhuna", "Tarhunah"),
        ("Tarhouna", "Tarhuna"),
        ("Al-Qaryat", "Qaryat"),
        ("al Qaryat", "Qaryat"),
        ("Al Aşābi‘ah", "Asabiah"),
        ("Ayn Zara", "Ayn-Zara"),
        ("Salah ad-Din", "Salah Din"),
        ("U.S.", "US"),
        ("St. Louis", "Saint Louis"),
        ("MISRATA", "Misrata"),
        ("Misrata", "Missrata"),
    ],
)
def test_spellings_meet(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [("Tripoli", "Tirana"), ("Iran", "Iraq"), ("US", "UK")])
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1)


@given(words)
def test_hyphens_spaces_and_case_do_not_matter(parts: list[str]) -> None:
    spaced = " ".join(parts)
    assert normalise("-".join(parts)) == normalise(spaced) == normalise(spaced.upper())


@given(st.text())
def test_normalise_never_fails(text: str) -> None:
    assert isinstance(normalise(text), str)


def test_latin_filter_drops_codes_and_other_scripts() -> None:
    assert latin("Misratah") and latin("Al Aşābi‘ah")
    assert not latin("MRA") and not latin("طرابلس") and not latin("Route 66")


TRIPOLI_LY = Place("Tripoli", 32.887, 13.187, "Libya", "LY", "Tripoli", 2210247, "PPLC", 1302947)
TRIPOLI_LB = Place("Tripoli", 34.436, 35.849, "Lebanon", "LB", None, 266826, "PPL", 229398)


def test_memory_gazetteer_lookup_get_and_country_filter() -> None:
    gaz = MemoryGazetteer([(TRIPOLI_LY, ["Tarabulus"]), TRIPOLI_LB])
    assert {p.country_code for p in gaz.lookup("TRIPOLI")} == {"LY", "LB"}
    assert gaz.lookup("Tarabulus") == [TRIPOLI_LY]
    assert gaz.lookup("tripoli", "lb") == [TRIPOLI_LB]
    assert gaz.get(266826) == TRIPOLI_LB and gaz.get(1) is None
    assert gaz.lookup("Nowhere") == []


def _dump_line(gid: int, name: str, alts: str, lat: float, lon: float, code: str, pop: int) -> str:
    cols = [str(gid), name, name, alts, str(lat), str(lon), "P", code, "LY", "", "61", "", "", "",
            str(pop), "", "10", "Africa/Tripoli", "2024-01-01"]  # fmt: skip
    return "\t".join(cols) + "\n"


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "LY.txt"
    path.write_text(
        _dump_line(1, "Tarhunah", "Tarhuna,Tarhouna,ترهونة", 32.43, 13.63, "PPL", 52000)
        + _dump_line(2, "Ţarābulus", "Tripoli,Tarabulus", 32.89, 13.19, "PPLC", 1150000),
        encoding="utf-8",
    )
    return path


def test_dump_loader_reads_nineteen_columns(dump: Path) -> None:
    rows = list(iter_dump(dump))
    assert [r.geonameid for r in rows] == [1, 2]
    assert rows[0].feature == "PPL" and rows[1].population == 1150000
    assert "ترهونة" not in rows[0].alternates


def test_dump_index_round_trip(dump: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    build_index(index, str(dump))
    gaz = SqliteGazetteer(index)
    assert [p.geonameid for p in gaz.lookup("Tarhouna")] == [1]
    assert gaz.lookup("Tripoli")[0].feature == "PPLC"
    got = gaz.get(2)
    assert got is not None and got.country_code == "LY" and got.country == "Libya"
    assert gaz.lookup("Tripoli", "TN") == []


def test_bad_dump_and_missing_index_raise(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(ModelError):
        list(iter_dump(bad))
    with pytest.raises(ModelError):
        SqliteGazetteer(tmp_path / "missing.sqlite")


def test_region_named_with_its_unit_word_is_its_own_place() -> None:
    """An autonomous region written with "Region" is not its namesake province abroad."""
    index = MemoryGazetteer(
        (
            Place(e.name, e.latitude, e.longitude, None, e.country_code, e.admin1, 0, e.feature),
            e.alternates,
        )
        for e in iter_supplement()
    )
    for name in ("Kurdistan Region", "Iraqi Kurdistan", "Kurdistan region of Iraq"):
        assert [p.country_code for p in index.lookup(name)] == ["IQ"]
