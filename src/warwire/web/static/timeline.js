// warwire dashboard: the timeline chart (SVG, no library). Draws /api/timeline rows;
// kept apart from app.js so each file stays small. Exposes window.wwTimeline.draw.
"use strict";

(() => {
  const DAY = 86400000;

  /** Stacked bars of events per day (per week past 400 days) by type, from /api/timeline
      rows ``{day, event_type, events}``: every matching event, not just the loaded page. */
  function draw(svg, rows, { types: TYPES, colors: COLORS, onPick }) {
    const ns = "http://www.w3.org/2000/svg";
    const width = svg.clientWidth || 800;
    const height = svg.clientHeight || 100;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.replaceChildren();
    const total = rows.reduce((n, r) => n + r.events, 0);
    svg.dataset.total = String(total);
    if (!rows.length) return;
    const days = rows.map((r) => Date.parse(r.day));
    const first = Math.min(...days);
    const last = Math.max(...days);
    const span = Math.round((last - first) / DAY) + 1;
    const bin = span > 400 ? 7 : 1; // weeks when the range is long
    const nbins = Math.ceil(span / bin);
    const counts = Array.from({ length: nbins }, () => new Array(TYPES.length).fill(0));
    rows.forEach((r, i) => {
      const b = Math.floor(Math.round((days[i] - first) / DAY) / bin);
      counts[b][Math.max(0, TYPES.indexOf(r.event_type))] += r.events;
    });
    const peak = Math.max(...counts.map((c) => c.reduce((a, b) => a + b, 0)));
    const pad = { left: 28, right: 8, top: 6, bottom: 18 };
    const bw = (width - pad.left - pad.right) / nbins;
    const plot = height - pad.top - pad.bottom;
    const make = (tag, attrs, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    counts.forEach((stack, b) => {
      const n = stack.reduce((a, c) => a + c, 0);
      if (!n) return;
      let y = height - pad.bottom;
      const day = first + b * bin * DAY;
      const group = make("g", { class: "bar", "data-day": iso(day), "data-events": n });
      stack.forEach((k, t) => {
        if (!k) return;
        const h = (k / peak) * plot;
        y -= h;
        const rect = make("rect", {
          x: pad.left + b * bw, y, width: Math.max(1, bw - 1), height: h, fill: COLORS[t],
        });
        rect.append(make("title", {}, `${iso(day)}${bin > 1 ? " (week)" : ""}: ${k} × ${TYPES[t]}`));
        group.append(rect);
      });
      group.addEventListener("click", () => onPick(iso(day), bin));
      svg.append(group);
    });
    const per = bin > 1 ? "week" : "day";
    svg.append(make("text", { x: pad.left, y: height - 4, class: "axis" }, iso(first)));
    svg.append(make("text", { x: width / 2, y: height - 4, class: "axis mid" }, `${total} dated events · per ${per} · click a bar to filter`));
    svg.append(make("text", { x: width - pad.right, y: height - 4, class: "axis end" }, iso(last)));
    svg.append(make("text", { x: 2, y: pad.top + 8, class: "axis" }, String(peak)));
    svg.append(make("line", { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: "base" }));
  }

  window.wwTimeline = { draw };
})();
