"""Admin1 areas for the change map, drawn without boundary files.

No admin1 polygons ship with warwire (nor with any package we may depend
on), but the gazetteer knows the admin1 of every town. Each point of the
country is given the admin1 of its nearest gazetteer town: the cells of
one admin1 approximate its area well where towns are dense and roughly
where they are sparse, which is what a change map needs (which regions
rose or fell), not a survey line. The map says it is approximate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import cos, radians

import numpy as np
from matplotlib.path import Path as Outline

from warwire.types import Place

Ring = list[tuple[float, float]]
#: cells across the country's longest side; enough for a page-wide map
RESOLUTION = 220
#: towns kept per country (the most populous): bounds the nearest-town search
MOST_TOWNS = 4000
_OUTSIDE = -1


@dataclass(frozen=True, slots=True)
class Areas:
    """A grid over ``extent`` (lon0, lon1, lat0, lat1): each cell holds an index
    into ``names`` or -1 outside the country; row 0 is the southern edge."""

    extent: tuple[float, float, float, float]
    cells: np.ndarray
    names: tuple[str, ...]

    def centre(self, index: int) -> tuple[float, float] | None:
        """The mean position (lon, lat) of an admin1's cells, None when it has none."""
        rows, cols = np.nonzero(self.cells == index)
        if not len(rows):
            return None
        lon0, lon1, lat0, lat1 = self.extent
        height, width = self.cells.shape
        return (
            lon0 + (cols.mean() + 0.5) * (lon1 - lon0) / width,
            lat0 + (rows.mean() + 0.5) * (lat1 - lat0) / height,
        )

    def borders(self) -> np.ndarray:
        """Cells inside the country whose neighbour east or north is another admin1."""
        inside = self.cells != _OUTSIDE
        edge = np.zeros_like(inside)
        edge[:, :-1] |= (self.cells[:, :-1] != self.cells[:, 1:]) & inside[:, 1:]
        edge[:-1, :] |= (self.cells[:-1, :] != self.cells[1:, :]) & inside[1:, :]
        return edge & inside


def _inside(rings: Sequence[Ring], lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Even-odd containment over every ring, so that holes (lakes, enclaves) stay out."""
    points = np.column_stack([lon.ravel(), lat.ravel()])
    parity = np.zeros(len(points), dtype=bool)
    for ring in rings:
        if len(ring) >= 3:
            parity ^= Outline(ring).contains_points(points)
    return parity.reshape(lon.shape)


def admin1_areas(rings: Sequence[Ring], towns: Sequence[Place]) -> Areas | None:
    """The nearest-town admin1 of each cell inside ``rings``; None without rings or towns."""
    located = sorted((t for t in towns if t.admin1), key=lambda t: -t.population)[:MOST_TOWNS]
    if not rings or not located:
        return None
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    lon0, lon1, lat0, lat1 = min(xs), max(xs), min(ys), max(ys)
    squeeze = max(0.2, cos(radians((lat0 + lat1) / 2)))  # degrees of longitude are shorter
    span = max((lon1 - lon0) * squeeze, lat1 - lat0, 1e-6)
    width = max(2, round(RESOLUTION * (lon1 - lon0) * squeeze / span))
    height = max(2, round(RESOLUTION * (lat1 - lat0) / span))
    lon = lon0 + (np.arange(width) + 0.5) * (lon1 - lon0) / width
    lat = lat0 + (np.arange(height) + 0.5) * (lat1 - lat0) / height
    grid_lon, grid_lat = np.meshgrid(lon, lat)
    inside = _inside(rings, grid_lon, grid_lat)
    names = tuple(sorted({t.admin1 for t in located if t.admin1}))
    index = {name: i for i, name in enumerate(names)}
    town_x = np.array([t.longitude * squeeze for t in located])
    town_y = np.array([t.latitude for t in located])
    town_area = np.array([index[t.admin1] for t in located if t.admin1])
    cells = np.full(inside.shape, _OUTSIDE, dtype=np.int32)
    at = np.flatnonzero(inside)
    cell_x, cell_y = grid_lon.ravel()[at] * squeeze, grid_lat.ravel()[at]
    for start in range(0, len(at), 2048):  # chunks keep the distance matrix small
        part = slice(start, start + 2048)
        distance = (cell_x[part, None] - town_x) ** 2 + (cell_y[part, None] - town_y) ** 2
        cells.ravel()[at[part]] = town_area[distance.argmin(axis=1)]
    return Areas(extent=(lon0, lon1, lat0, lat1), cells=cells, names=names)
