"""Admin1 areas for the change map: nearest-town cells inside the country's outline."""

from __future__ import annotations

from warwire.report import maps
from warwire.report.areas import admin1_areas
from warwire.report.charts import BAND_COLOURS
from warwire.report.model import Trend
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.types import Place

SQUARE = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
LAKE = [(1.5, 1.5), (2.5, 1.5), (2.5, 2.5), (1.5, 2.5), (1.5, 1.5)]


def _town(name: str, lon: float, lat: float, admin1: str | None, population: int = 1000) -> Place:
    return Place(name=name, latitude=lat, longitude=lon, country_code="XA", admin1=admin1,
                 population=population)  # fmt: skip


WEST, EAST = _town("Westtown", 1.0, 2.0, "Westland"), _town("Easttown", 3.0, 2.0, "Eastland")


def test_each_cell_takes_its_nearest_towns_admin1() -> None:
    areas = admin1_areas([SQUARE], [WEST, EAST, _town("Nowhere", 3.5, 3.5, None)])
    assert areas is not None
    assert areas.names == ("Eastland", "Westland")
    height, width = areas.cells.shape
    assert areas.cells[height // 2, 0] == areas.names.index("Westland")
    assert areas.cells[height // 2, width - 1] == areas.names.index("Eastland")
    west = areas.centre(areas.names.index("Westland"))
    assert west is not None and west[0] < 2.0 < areas.centre(0)[0]  # type: ignore[index]


def test_a_hole_in_the_outline_stays_outside_and_borders_run_between_areas() -> None:
    areas = admin1_areas([SQUARE, LAKE], [WEST, EAST])
    assert areas is not None
    height, width = areas.cells.shape
    assert areas.cells[height // 2, width // 2] == -1
    assert areas.cells[2, 2] != -1
    edges = areas.borders()
    assert edges[2, :].any() and not edges[2, :3].any()


def test_no_outline_or_no_towns_gives_no_areas() -> None:
    assert admin1_areas([], [WEST]) is None
    assert admin1_areas([SQUARE], [_town("Nowhere", 1.0, 1.0, None)]) is None


def test_memory_gazetteer_lists_one_countrys_places() -> None:
    other = Place(name="Faraway", latitude=9.0, longitude=9.0, country_code="XB")
    gazetteer = MemoryGazetteer([(WEST, ("West Town",)), EAST, other])
    assert sorted(p.name for p in gazetteer.in_country("xa")) == ["Easttown", "Westtown"]


def test_change_map_fills_reported_regions_in_their_band_and_circles_the_rest() -> None:
    areas = admin1_areas([SQUARE], [WEST, EAST])
    rows = [
        ("Westland", Trend(9, 3.0, 200.0, "large increase"), ()),
        ("Unplaced", Trend(2, 4.0, -50.0, "large decrease"), ()),
    ]
    svg = maps.change_map(rows, {"Unplaced": (2.0, 1.0)}, "Nowhereland", None, areas)
    assert "Westland +200%" in svg and "Unplaced -50%" in svg
    assert "nearest town" in svg
    assert BAND_COLOURS["large decrease"] in svg  # the circle of the region without an area
    plain = maps.change_map(rows, {"Westland": (1.0, 2.0)}, "Nowhereland", None, None)
    assert "nearest town" not in plain
