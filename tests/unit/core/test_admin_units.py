"""ACLED's admin2 from the gazetteer's town table: towns get theirs, areas none."""

import csv
import io
from dataclasses import replace

import pytest
from test_export import analysis

from warwire.export import analysis_records, write_all
from warwire.resolve.admin_units import admin2_at
from warwire.types import Place

# GeoNames points of two towns whose district the town table names
TAIZ = Place("Taiz", 13.57952, 44.02091, country="Yemen", country_code="YE", admin1="Ta‘izz")
ZHYTOMYR = Place("Zhytomyr", 50.26487, 28.67669, country="Ukraine", country_code="UA")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def acled(place: Place) -> dict[str, str]:
    base = analysis()
    event = replace(base.events[0], place=place)
    out = io.StringIO()
    write_all(analysis_records(replace(base, events=(event,))), "acled-csv", out)
    return next(csv.DictReader(io.StringIO(out.getvalue())))


def test_a_town_gets_its_district() -> None:
    assert admin2_at(TAIZ.latitude, TAIZ.longitude) == "Salh"
    assert admin2_at(ZHYTOMYR.latitude, ZHYTOMYR.longitude) == "Zhytomyr Raion"
    row = acled(TAIZ)
    assert (row["admin1"], row["admin2"], row["admin3"]) == ("Ta‘izz", "Salh", "")


def test_a_point_that_is_no_town_or_a_country_gets_none() -> None:
    assert admin2_at(13.6, 44.1) is None and admin2_at(None, 44.0) is None
    assert acled(replace(TAIZ, latitude=13.6))["admin2"] == ""
    assert acled(replace(TAIZ, name="Yemen", admin1=None))["admin2"] == ""
