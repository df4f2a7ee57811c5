// warwire dashboard: map, timeline, table and event panel over /api. No build step,
// no framework, no network beyond this server. Untrusted strings (article text,
// actor names) only ever reach the page as text nodes, never as HTML.
"use strict";

(() => {
  const PAGE = 1000;
  // the table and map need only these; the panel fetches the full record
  const LIST_FIELDS = "event_date,event_type,sub_event_type,actor1,actor2,location,country," +
    "latitude,longitude,geo_precision,fatalities,claim_count,claimants";
  const TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
  ];
  const COLORS = ["#d7301f", "#f28e2b", "#8e44ad", "#2e86de", "#16a085", "#6b7785"];
  const colorOf = (type) => COLORS[TYPES.indexOf(type)] || "#333";

  const state = { events: [], timeline: [], timelineFor: null, total: 0, offset: 0, selected: null, loads: 0 };
  const EXPORT_LIMIT = 5000; // the API's largest page: "export this view" takes up to this many
  // an event coded to an area is drawn as one: district-level (2) and region-level (3)
  const AREA_KM = { 2: 25, 3: 90 };
  const FOCUS_ZOOM = 5;
  const $ = (sel) => document.querySelector(sel);
  const { el, getJSON } = window.wwDom;
  const panelParts = window.wwPanel;

  function status(message, isError = false) {
    const box = $("#status");
    box.textContent = message || "";
    box.classList.toggle("error", isError);
  }

  // ---------------------------------------------------------------- filters

  function filterParams() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData($("#filters"))) if (String(v).trim()) params.set(k, String(v).trim());
    return params;
  }

  function restoreFilters() {
    const params = new URLSearchParams(location.search);
    const form = $("#filters");
    for (const [k, v] of params) if (form.elements[k]) form.elements[k].value = v;
  }

  function fillList(id, values) {
    const list = $(id);
    list.replaceChildren(...[...new Set(values)].filter(Boolean).sort().map((v) => el("option", { value: v })));
  }

  // ---------------------------------------------------------------- map

  let map = null;
  let cluster = null;
  let areas = null;
  let selectedRing = null;

  function initMap() {
    if (!window.L) return;
    const tileUrl = document.body.dataset.tileUrl;
    // offline: land, borders and country names from the shipped Natural Earth data
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: tileUrl ? 18 : 10 }).setView([20, 20], 2);
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 18, attribution: document.body.dataset.tileAttribution || "" }).addTo(map);
    } else {
      $("#map").classList.add("offline");
      window.wwBasemap.load(map, getJSON)
        .then(() => $("#map").classList.toggle("labels", map.getZoom() >= 4))
        .catch((err) => status(`Basemap unavailable (${err.message}); run scripts/web_assets.sh`, true));
    }
    areas = L.featureGroup().addTo(map);
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(cluster);
    selectedRing = L.layerGroup().addTo(map);
    map.on("zoomend", () => $("#map").classList.toggle("labels", map.getZoom() >= 4));
    $("#legend").replaceChildren(
      ...TYPES.map((t, i) => el("li", {}, el("span", { class: `swatch t${i}` }), t)),
    );
  }

  function clusterIcon(group) {
    const counts = new Map();
    for (const m of group.getAllChildMarkers()) counts.set(m.options.typeIndex, (counts.get(m.options.typeIndex) || 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const n = group.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({
      html: `<div><span>${n}</span></div>`,
      className: `marker-cluster ww-cluster t${top}`,
      iconSize: L.point(size, size),
    });
  }

  function drawMarkers(events) {
    if (!cluster) return;
    cluster.clearLayers();
    areas.clearLayers();
    const markers = [];
    for (const e of events) {
      if (e.latitude === null || e.longitude === null || e.latitude === undefined) continue;
      const typeIndex = Math.max(0, TYPES.indexOf(e.event_type));
      const precision = Number(e.geo_precision) || 1;
      const where = `${e.location || ""}${precision >= 3 ? " (region)" : precision === 2 ? " (area)" : ""}`;
      const tip = el("span", {}, `${e.event_date || "?"} · ${e.sub_event_type} · ${where}`);
      let shape;
      if (precision >= 2) {
        // coded to a district or region, not a town: an area of that size, not a point
        shape = L.circle([e.latitude, e.longitude], {
          radius: (AREA_KM[Math.min(precision, 3)] || 25) * 1000, weight: 1.5, dashArray: "4 3",
          color: colorOf(e.event_type), fillColor: colorOf(e.event_type), fillOpacity: 0.15,
          className: "ww-marker ww-area",
        });
        areas.addLayer(shape);
      } else {
        shape = L.circleMarker([e.latitude, e.longitude], {
          radius: 7, weight: 1, color: "#1d1d1d", fillColor: colorOf(e.event_type), fillOpacity: 0.9,
          className: "ww-marker", typeIndex,
        });
        markers.push(shape);
      }
      shape.bindTooltip(tip);
      shape.on("click", () => openEvent(e.event_id));
    }
    cluster.addLayers(markers);
    const bounds = L.latLngBounds([]);
    if (markers.length) bounds.extend(cluster.getBounds());
    if (areas.getLayers().length) bounds.extend(areas.getBounds());
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 7 });
  }

  /** Pan (and zoom in to at least FOCUS_ZOOM) to the selected event and ring it. */
  function focusEvent(id) {
    if (!map) return;
    selectedRing.clearLayers();
    const ev = state.events.find((e) => e.event_id === id);
    if (!ev || ev.latitude === null || ev.latitude === undefined) return;
    const at = L.latLng(ev.latitude, ev.longitude);
    const ring = () => {
      selectedRing.addLayer(L.circleMarker(at, {
        radius: 14, weight: 3, color: "#111", fill: false, interactive: false, className: "ww-selected",
      }));
      $("#map").dataset.selected = id;
    };
    // close enough to see the place among its neighbours, never further out than now;
    // the ring marks it even while its point is still inside a cluster
    // at once, not animated: a pan still running when the list's own fit or the
    // panel's relayout lands would stop short of the event
    map.stop();
    map.setView(at, Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
    ring();
  }

  // ---------------------------------------------------------------- timeline

  const DAY = 86400000;

  function drawTimeline(rows) {
    window.wwTimeline.draw($("#timeline"), rows, { types: TYPES, colors: COLORS, onPick: pickDay });
  }

  function pickDay(day, bin) {
    const form = $("#filters");
    form.elements.since.value = day;
    form.elements.until.value = new Date(Date.parse(day) + (bin - 1) * DAY).toISOString().slice(0, 10);
    apply();
  }

  // ---------------------------------------------------------------- table

  /** "Remote explosive/landmine/IED" may wrap after a slash, never inside a word. */
  function breakAtSlashes(text) {
    return String(text || "").split("/").flatMap((part, i) => (i ? ["/", el("wbr"), part] : [part]));
  }

  function drawTable(events) {
    const rows = events.map((e) =>
      el(
        "tr",
        { "data-event-id": e.event_id, tabindex: 0, class: e.event_id === state.selected ? "selected" : null,
          onclick: () => openEvent(e.event_id),
          onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.event_id); } },
        el("td", { class: "nowrap" }, e.event_date || "—"),
        el("td", {}, el("span", { class: `swatch t${Math.max(0, TYPES.indexOf(e.event_type))}` }), breakAtSlashes(e.sub_event_type)),
        el("td", {}, [e.actor1, e.actor2].filter(Boolean).join(" vs ")),
        el("td", {}, [e.location, e.country].filter(Boolean).join(", ")),
        el("td", { class: "num" }, e.fatalities ?? ""),
        el("td", { class: "num" }, e.claim_count ?? (e.claims || []).length),
      ),
    );
    $("#events tbody").replaceChildren(...rows);
    const shown = events.length;
    $("#table-info").textContent = shown
      ? `Events ${state.offset + 1}–${state.offset + shown} of ${state.total}`
      : "No events match these filters.";
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = state.offset + shown >= state.total;
  }

  // ---------------------------------------------------------------- loading

  async function load() {
    const params = filterParams();
    history.replaceState(null, "", `${params.toString() ? `?${params}` : location.pathname}${location.hash}`);
    const filters = params.toString();
    exportLinks(filters);
    params.set("limit", PAGE);
    params.set("offset", state.offset);
    params.set("fields", LIST_FIELDS);
    status("Loading…");
    try {
      const [page, timeline] = await Promise.all([
        getJSON(`/api/events?${params}`),
        filters === state.timelineFor ? null : getJSON(`/api/timeline?${filters}`),
      ]);
      state.events = page.items;
      state.total = page.total;
      if (timeline) {
        state.timeline = timeline.days;
        state.timelineFor = filters;
      }
      drawTable(state.events);
      drawMarkers(state.events);
      drawTimeline(state.timeline);
      fillList("#countries", state.events.map((e) => e.country));
      fillList("#claimants", state.events.flatMap((e) => e.claimants || []));
      status("");
      state.loads += 1;
      document.body.dataset.loaded = String(state.loads);
    } catch (err) {
      status(`Could not load events: ${err.message}`, true);
    }
  }

  /** "Export this view": every event matching the filters (up to the API's page limit). */
  function exportLinks(filters) {
    const query = `${filters ? `${filters}&` : ""}limit=${EXPORT_LIMIT}`;
    $("#export-csv").href = `/api/events?${query}&format=csv`;
    $("#export-geojson").href = `/api/events?${query}&format=geojson`;
  }

  function apply() {
    state.offset = 0;
    state.timelineFor = null; // new filters or a fresh look: refetch the counts
    load();
  }

  async function loadSideData() {
    try {
      const stats = await getJSON("/api/stats");
      $("#stats").textContent = [
        stats.events !== undefined ? `${stats.events} events` : null,
        stats.documents !== undefined ? `${stats.documents} documents` : null,
      ].filter(Boolean).join(" · ");
      const actors = await getJSON("/api/actors");
      fillList("#actors", (actors.items || []).map((a) => a.name || a.canonical || a.actor));
    } catch (err) {
      status(`Could not load stats: ${err.message}`, true);
    }
  }

  // ---------------------------------------------------------------- event panel

  async function openEvent(id) {
    state.selected = id;
    for (const tr of document.querySelectorAll("#events tr.selected")) tr.classList.remove("selected");
    const row = document.querySelector(`#events tr[data-event-id="${CSS.escape(id)}"]`);
    if (row) row.classList.add("selected");
    const body = $("#panel-body");
    const panel = $("#panel");
    body.replaceChildren(el("p", {}, "Loading…"));
    showPanel(true);
    focusEvent(id);
    setHash(id);
    delete panel.dataset.ready;
    try {
      const ev = await getJSON(`/api/events/${encodeURIComponent(id)}`);
      if (state.selected !== id) return; // another event was opened meanwhile
      const link = `${location.origin}${location.pathname}${location.search}#event=${encodeURIComponent(id)}`;
      body.replaceChildren(...panelParts.summary(ev, TYPES),
        el("p", { class: "permalink" }, el("a", { href: link, id: "event-link" }, "Link to this event"),
          ` · ${ev.event_id}`),
        ...panelParts.figures(ev), panelParts.claimsTable(ev), el("h3", {}, "Evidence"));
      const docIds = [...new Set([
        ...(ev.claims || []).map((c) => c.evidence && c.evidence.doc_id),
        ...(ev.doc_ids || []),
      ].filter(Boolean))];
      const blocks = await Promise.all(docIds.map((docId) => panelParts.evidenceBlock(ev, docId)));
      if (state.selected !== id) return;
      body.append(...blocks);
      const firstMark = body.querySelector("mark");
      if (firstMark) firstMark.scrollIntoView({ block: "nearest" });
      panel.dataset.ready = id;
    } catch (err) {
      body.replaceChildren(el("p", { class: "error" }, `Could not load event: ${err.message}`));
    }
  }

  // ---------------------------------------------------------------- wiring

  /** The panel is a grid column: opening it narrows the map, never hides the table. */
  function showPanel(open) {
    const panel = $("#panel");
    if (panel.hidden === !open) return;
    panel.hidden = !open;
    document.querySelector("main").classList.toggle("panel-open", open);
    relayout();
  }

  /** The URL names the open event (#event=ID), so it can be shared or bookmarked. */
  function setHash(id) {
    const hash = id ? `#event=${encodeURIComponent(id)}` : "";
    history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
  }

  function hashEvent() {
    const found = /^#event=(.+)$/.exec(location.hash);
    return found ? decodeURIComponent(found[1]) : null;
  }

  function relayout() {
    if (map) map.invalidateSize({ pan: false });
    drawTimeline(state.timeline);
  }

  function init() {
    restoreFilters();
    initMap();
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); apply(); });
    $("#filters").addEventListener("reset", () => setTimeout(apply, 0));
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; load(); });
    const close = () => { showPanel(false); setHash(null); if (selectedRing) selectedRing.clearLayers(); };
    $("#panel-close").addEventListener("click", close);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
    window.addEventListener("hashchange", () => { const id = hashEvent(); if (id && id !== state.selected) openEvent(id); });
    let resize = null;
    window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(relayout, 150); });
    loadSideData();
    const linked = hashEvent();
    load().then(() => { if (linked) openEvent(linked); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
