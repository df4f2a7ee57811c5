"""Offline maps: events by type on a labelled basemap, and change by admin1 in four bands.

The basemap is Natural Earth's country borders from the world-atlas TopoJSON
that ``scripts/web_assets.sh`` installs for the dashboard; no tiles are
fetched. Without it the maps still draw the events on a plain background.
No admin1 boundaries ship with warwire: the change map fills areas built
from the gazetteer's towns (:mod:`warwire.report.areas`), and marks a region
it cannot place that way with a circle at the centre of its events.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from functools import cache
from importlib.resources import files
from math import cos, radians, sqrt
from typing import Any

import numpy as np
from matplotlib.collections import PolyCollection

from warwire.report.areas import Areas, admin1_areas
from warwire.report.charts import BAND_COLOURS, colour, new_figure, to_svg
from warwire.report.model import BANDS, Trend
from warwire.store.base import Record

log = logging.getLogger(__name__)

Ring = list[tuple[float, float]]
BORDERS = "countries-50m.json"


@cache
def countries() -> tuple[tuple[str, str, tuple[Ring, ...]], ...]:
    """``(iso numeric id, name, rings)`` of every country, or nothing when not installed."""
    path = files("warwire").joinpath("web", "static", "vendor", BORDERS)
    try:
        topo = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("no basemap (%s): run scripts/web_assets.sh", exc)
        return ()
    return decode_topojson(topo)


def decode_topojson(topo: dict[str, Any]) -> tuple[tuple[str, str, tuple[Ring, ...]], ...]:
    """Quantized, delta-encoded TopoJSON arcs to lon/lat rings per country."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        out: Ring = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    found = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = ([geometry["arcs"]] if kind == "Polygon"
                    else geometry["arcs"] if kind == "MultiPolygon" else [])  # fmt: skip
        rings = tuple(ring(r) for polygon in polygons for r in polygon)
        name = geometry.get("properties", {}).get("name", "")
        found.append((str(geometry.get("id", "")), name, rings))
    return tuple(found)


def _country_rings(iso: int | None, name: str) -> tuple[Ring, ...]:
    for code, label, rings in countries():
        if (iso is not None and code.isdigit() and int(code) == iso) or label == name:
            return rings
    return ()


def _extent(rings: tuple[Ring, ...], points: list[tuple[float, float]]) -> tuple[float, ...]:
    xs = [x for r in rings for x, _ in r] or [p[0] for p in points] or [0.0]
    ys = [y for r in rings for _, y in r] or [p[1] for p in points] or [0.0]
    pad = max(0.5, 0.08 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad


def _basemap(axis: Any, country: str, iso: int | None, points: list[tuple[float, float]]) -> None:
    """Countries in view, the reported one shaded, each labelled; the axes fitted to it."""
    home = _country_rings(iso, country)
    x0, x1, y0, y1 = _extent(home, points)
    shapes: dict[bool, list[Ring]] = {True: [], False: []}
    for _code, name, rings in countries():
        inside = [r for r in rings if _meets(r, x0, x1, y0, y1)]
        if not inside:
            continue
        mine = rings is home
        shapes[mine].extend(inside)
        biggest = max(inside, key=len)
        cx = sum(x for x, _ in biggest) / len(biggest)
        cy = sum(y for _, y in biggest) / len(biggest)
        if x0 <= cx <= x1 and y0 <= cy <= y1:
            axis.text(cx, cy, country if mine else name, fontsize=11 if mine else 8,
                      color="#555" if mine else "#999", ha="center", va="center",
                      style="normal" if mine else "italic", alpha=0.8, zorder=2)  # fmt: skip
    for mine, face, edge, width in ((False, "#fafafa", "#b5b5b5", 0.5),
                                    (True, "#f3efe6", "#6b6b6b", 0.8)):  # fmt: skip
        axis.add_collection(PolyCollection(shapes[mine], facecolors=face, edgecolors=edge,
                                           linewidths=width, zorder=1), autolim=False)  # fmt: skip
    axis.set_xlim(x0, x1)
    axis.set_ylim(y0, y1)
    axis.set_aspect(1 / max(0.2, cos(radians((y0 + y1) / 2))))
    axis.set_xticks([])
    axis.set_yticks([])
    axis.set_facecolor("#e8f0f7")


def _meets(ring: Ring, x0: float, x1: float, y0: float, y1: float) -> bool:
    """Whether the ring's bounding box meets the view (cheap, and enough for clipping)."""
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs) <= x1 and max(xs) >= x0 and min(ys) <= y1 and max(ys) >= y0


def _located(found: list[Record]) -> list[Record]:
    return [r for r in found if r.get("latitude") is not None and r.get("longitude") is not None]


def events_map(found: list[Record], country: str, iso: int | None) -> str:
    """Each event a dot in its type's colour, sized by fatalities; busiest places named."""
    located = _located(found)
    points = [(r["longitude"], r["latitude"]) for r in located]
    figure = new_figure(7.5, 6)
    axis = figure.subplots()
    _basemap(axis, country, iso, points)
    by_type: dict[str, list[Record]] = defaultdict(list)
    for r in located:
        by_type[r["event_type"]].append(r)
    for kind, rows in sorted(by_type.items()):
        axis.scatter([r["longitude"] for r in rows], [r["latitude"] for r in rows],
                     s=[18 + 6 * sqrt(r.get("fatalities") or 0) for r in rows], c=colour(kind),
                     alpha=0.75, edgecolors="white", linewidths=0.4, label=kind,
                     zorder=3)  # fmt: skip
    places = Counter((r.get("location"), r["longitude"], r["latitude"]) for r in located)
    for (name, x, y), _n in places.most_common(8):
        if name:
            axis.annotate(name, (x, y), xytext=(4, 4), textcoords="offset points", fontsize=8,
                          zorder=4)  # fmt: skip
    if by_type:
        axis.legend(loc="lower left", fontsize=7, framealpha=0.9)
    axis.set_title(f"Events by type, {len(found)} events ({len(located)} mapped)", fontsize=10)
    return to_svg(figure)


def change_map(
    rows: list[tuple[str, Trend, tuple[str, ...]]],
    coords: dict[str, tuple[float, float]],
    country: str,
    iso: int | None,
    areas: Areas | None = None,
) -> str:
    """Each admin1 filled in its change band's colour where its area is known
    (:mod:`warwire.report.areas`), else a circle at the centre of its events."""
    figure = new_figure(7.5, 6)
    axis = figure.subplots()
    corners = (
        [(areas.extent[0], areas.extent[2]), (areas.extent[1], areas.extent[3])] if areas else []
    )
    _basemap(axis, country, iso, [*coords.values(), *corners])
    filled = _fill_areas(axis, rows, areas) if areas else {}
    for name, trend, _ in rows:
        where = filled.get(name) or coords.get(name)
        if where is None:
            continue
        if name not in filled:
            size = 60 + 25 * sqrt(max(trend.current, trend.baseline))
            axis.scatter([where[0]], [where[1]], s=size, c=BAND_COLOURS[trend.band],
                         edgecolors="#333", linewidths=0.5, zorder=3)  # fmt: skip
        change = "new" if trend.change_pct is None and trend.current else (
            f"{trend.change_pct:+.0f}%" if trend.change_pct is not None else "0")  # fmt: skip
        axis.annotate(f"{name} {change}", where, xytext=(0 if name in filled else 6, 4),
                      textcoords="offset points", fontsize=8, zorder=4,
                      ha="center" if name in filled else "left")  # fmt: skip
    for band in BANDS:
        axis.scatter([], [], s=60, c=BAND_COLOURS[band], edgecolors="#333", label=band,
                     marker="s" if filled else "o")  # fmt: skip
    if filled:
        axis.scatter([], [], s=60, c=_QUIET, edgecolors="#333", label="no events", marker="s")
    axis.legend(loc="lower left", fontsize=7, framealpha=0.9, title="change", title_fontsize=7)
    note = "\n(areas approximate: each point takes its nearest town's admin1)" if filled else ""
    axis.set_title(f"Change in events by admin1 against the baseline{note}", fontsize=9)
    return to_svg(figure)


_QUIET = "#ece6d6"  # an admin1 with no events in the window or the baseline


def _fill_areas(
    axis: Any, rows: list[tuple[str, Trend, tuple[str, ...]]], areas: Areas
) -> dict[str, tuple[float, float]]:
    """Paint every admin1 cell in its band's colour, borders darker; returns where
    each reported admin1 is labelled (the centre of its cells)."""
    from matplotlib.colors import to_rgba

    from warwire.export import admin1_key

    index = {admin1_key(name): i for i, name in enumerate(areas.names)}
    palette = np.array([to_rgba(_QUIET)] * len(areas.names) + [(0.0, 0.0, 0.0, 0.0)])
    labelled: dict[str, tuple[float, float]] = {}
    for name, trend, _ in rows:
        at = index.get(admin1_key(name))
        centre = areas.centre(at) if at is not None else None
        if at is not None and centre is not None:
            palette[at] = to_rgba(BAND_COLOURS[trend.band])
            labelled[name] = centre
    image = palette[areas.cells]  # -1 (outside) picks the transparent last row
    image[areas.borders()] = to_rgba("#6b6b6b")
    limits = axis.get_xlim(), axis.get_ylim()
    axis.imshow(image, extent=areas.extent, origin="lower", interpolation="nearest",
                aspect=axis.get_aspect(), zorder=1.5)  # fmt: skip
    axis.set_xlim(*limits[0])
    axis.set_ylim(*limits[1])
    return labelled


def country_areas(country: str, iso: int | None) -> Areas | None:
    """The country's admin1 areas from the gazetteer's towns, None when unknown."""
    from warwire.errors import ModelError
    from warwire.resolve.countries import country as known
    from warwire.resolve.gazetteer import default_gazetteer

    found = known(country)
    if found is None:
        return None
    try:
        towns = default_gazetteer().in_country(found.iso2)
    except ModelError as exc:
        log.warning("no admin1 areas (%s)", exc)
        return None
    return admin1_areas(_country_rings(iso or found.iso_numeric, country), towns)


def admin1_centres(found: list[Record]) -> dict[str, tuple[float, float]]:
    """The mean position of each admin1's located events (lon, lat)."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for r in _located(found):
        acc = sums[r.get("admin1") or "unknown"]
        acc[0] += r["longitude"]
        acc[1] += r["latitude"]
        acc[2] += 1
    return {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items() if k != "unknown"}
