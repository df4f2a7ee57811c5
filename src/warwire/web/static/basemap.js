// warwire dashboard's offline basemap: land, borders and country names drawn from the
// shipped Natural Earth topojson (no tile server), then rivers, lakes and the first-level
// boundaries Natural Earth's 50m data has (the US, Canada, Brazil, Australia only).
// Rings crossing the 180° meridian are unwrapped so they are not drawn as stripes.
"use strict";

(() => {
  /** A ring that crosses the 180° meridian, made continuous (its longitudes may pass
   *  ±180), so Leaflet does not draw a stripe across the whole map. A ring around a
   *  pole (Antarctica) cannot be unwrapped and is kept as it is. */
  function unwrapRing(ring) {
    let shift = 0;
    const out = ring.map(([lon, lat], i) => {
      if (i > 0) {
        const prev = ring[i - 1][0];
        if (lon - prev > 180) shift -= 360;
        else if (prev - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
    return shift === 0 || Math.abs(out[0][0] - out[out.length - 1][0]) < 1 ? out : ring;
  }

  const meanLon = (ring) => ring.reduce((sum, p) => sum + p[0], 0) / ring.length;

  /** Each ring unwrapped, then a country's islands moved (by 360°) to the side of its
   *  largest part, so Chukotka sits beside Russia rather than at the far left. */
  function unwrapGeometry(geometry) {
    if (!geometry || !["Polygon", "MultiPolygon"].includes(geometry.type)) return geometry;
    const polys = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
      .map((poly) => poly.map(unwrapRing));
    const main = polys.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    const centre = meanLon(main[0]);
    const moved = polys.map((poly) => {
      const offset = Math.round((centre - meanLon(poly[0])) / 360) * 360;
      return offset ? poly.map((ring) => ring.map(([lon, lat]) => [lon + offset, lat])) : poly;
    });
    return { type: "MultiPolygon", coordinates: moved };
  }

  /** Where a country's name goes: the middle of its largest polygon's outer ring. */
  function labelPoint(geometry) {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let best = null;
    let bestSize = -1;
    for (const poly of polys) {
      const lons = poly[0].map((p) => p[0]);
      const lats = poly[0].map((p) => p[1]);
      const size = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
      if (size > bestSize) {
        bestSize = size;
        best = [(Math.max(...lats) + Math.min(...lats)) / 2, (Math.max(...lons) + Math.min(...lons)) / 2];
      }
    }
    return best;
  }

  /** Land, borders and country names (shown from zoom 4, by CSS) onto ``map``. */
  async function load(map, getJSON) {
    const topo = await getJSON("/static/vendor/countries-50m.json");
    const land = topojson.feature(topo, topo.objects.countries);
    land.features = land.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
    const lands = L.geoJSON(land, {
      interactive: false,
      // Antarctica really is 360° wide; marked so a test can tell it from a stripe
      style: (f) => ({ color: "#8a96a3", weight: 0.7, fillColor: "#efe9dc", fillOpacity: 1,
        className: f.properties && f.properties.name === "Antarctica" ? "ww-land ww-pole" : "ww-land" }),
    }).addTo(map).bringToBack();
    const names = L.layerGroup(land.features.filter((f) => f.geometry && f.properties && f.properties.name)
      .map((f) => L.marker(labelPoint(f.geometry), {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "ww-country-label", html: "<span></span>", iconSize: null }),
      }).on("add", (e) => { e.target.getElement().firstChild.textContent = f.properties.name; })));
    names.addTo(map);
    try {
      (await physical(getJSON)).forEach((layer) => layer.addTo(map).bringToBack());
    } catch (err) {
      console.warn(`basemap: no rivers or lakes (${err.message}); run scripts/web_assets.sh`);
    }
    lands.bringToBack(); // under the water and lines, which stay under the events
  }

  /** Lakes, rivers and admin1 boundaries (a line where two units meet, none along a
   *  coast or a country border) as non-interactive layers. */
  async function physical(getJSON) {
    const topo = await getJSON("/static/vendor/physical-50m.json");
    const o = topo.objects;
    const line = (className, color, weight, dashArray) => ({
      interactive: false, style: () => ({ className, color, weight, dashArray, fill: false }),
    });
    return [
      L.geoJSON(topojson.mesh(topo, o.subunits, (a, b) => a !== b),
        line("ww-admin1", "#9c9488", 0.7, "3 3")),
      L.geoJSON(topojson.feature(topo, o.rivers), line("ww-river", "#3d85c6", 1.2)),
      L.geoJSON(topojson.feature(topo, o.lakes), {
        interactive: false,
        style: () => ({ className: "ww-lake", color: "#6f9cc4", weight: 0.5, fillColor: "#c9dbe8", fillOpacity: 1 }),
      }),
    ];
  }

  window.wwBasemap = { load };
})();
