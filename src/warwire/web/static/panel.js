// warwire dashboard: the event panel's content — facts, contested figures, the claims
// side by side and each source's text with its evidence marked. app.js opens the panel
// and places these parts. Exposes window.wwPanel.
"use strict";

(() => {
  const { el, getJSON } = window.wwDom;

  function summary(ev, TYPES) {
    const row = (label, value) => (value === null || value === undefined || value === "" ? [] : [el("dt", {}, label), el("dd", {}, value)]);
    const place = [ev.location, ev.admin1, ev.country].filter(Boolean).join(", ");
    const coords = ev.latitude !== null && ev.latitude !== undefined ? `${ev.latitude.toFixed(3)}, ${ev.longitude.toFixed(3)} (geo precision ${ev.geo_precision})` : null;
    const dates = ev.date_start && ev.date_end && ev.date_start !== ev.date_end ? `${ev.event_date} (${ev.date_start} … ${ev.date_end})` : ev.event_date;
    const equipment = (ev.equipment || []).map((q) => [q.count, q.name || q.kind, q.origin ? `(${q.origin})` : ""].filter(Boolean).join(" ")).join("; ");
    return [
      el("h2", {}, el("span", { class: `swatch t${Math.max(0, TYPES.indexOf(ev.event_type))}` }), `${ev.sub_event_type} — ${ev.location || "unknown place"}`),
      el("dl", { class: "facts" },
        row("Date", `${dates || "unknown"} (time precision ${ev.time_precision ?? "?"})`),
        row("Type", `${ev.event_type} / ${ev.sub_event_type} (${ev.disorder_type})`),
        row("Actor 1", [ev.actor1, ev.inter1 ? `(${ev.inter1})` : ""].filter(Boolean).join(" ")),
        row("Actor 2", [ev.actor2, ev.inter2 ? `(${ev.inter2})` : ""].filter(Boolean).join(" ")),
        row("Place", place), row("Coordinates", coords),
        row("Fatalities", `${ev.fatalities}${ev.civilian_targeting ? " · civilians targeted" : ""}`),
        row("Equipment", equipment), row("Notes", ev.notes),
        row("Confidence", ev.confidence),
      ),
    ];
  }

  function figures(ev) {
    if (!ev.figures || !ev.figures.length) return [];
    return [
      el("h3", {}, ev.contested ? "Contested figures" : "Figures"),
      el("div", { class: `figures${ev.contested ? " contested" : ""}` },
        ev.figures.map((f) => el("div", { class: "figure" },
          el("strong", {}, f.fatalities), el("span", {}, "fatalities"),
          el("em", {}, f.claimant), el("small", {}, `${f.hedge} · ${f.polarity}`)))),
    ];
  }

  function sourceNote(ev, docId) {
    const src = (ev.sources || []).find((s) => s.doc_id === docId);
    if (!src) return docId || "";
    const reg = src.registry;
    const parts = [src.publisher || src.title || docId];
    if (src.original_source) parts.push(`(original: ${src.original_source})`);
    if (reg) parts.push(`— ${[reg.kind || reg.category, reg.note || reg.reason].filter(Boolean).join(": ")}`);
    if (src.syndicated_from) parts.push("· repost");
    return parts.join(" ");
  }

  function claimsTable(ev) {
    const claims = ev.claims || [];
    return el("div", {},
      el("h3", {}, `Claims (${claims.length})`),
      el("table", { class: "claims" },
        el("thead", {}, el("tr", {}, ["Claimant", "Hedge", "Polarity", "Fat.", "Source"].map((h) => el("th", {}, h)))),
        el("tbody", {}, claims.map((c, i) => el("tr", { class: `claim c${i % 4}` },
          el("td", {}, c.claimant), el("td", {}, c.hedge), el("td", {}, c.polarity),
          el("td", { class: "num" }, c.fatalities ?? ""),
          el("td", {}, sourceNote(ev, c.evidence && c.evidence.doc_id)))))));
  }

  async function evidenceBlock(ev, docId) {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
    const spans = [];
    (ev.claims || []).forEach((c, i) => {
      if (c.evidence && c.evidence.doc_id === docId) {
        spans.push({ start: c.evidence.start, end: c.evidence.end, cls: `claim c${i % 4}`, title: `${c.claimant} (${c.hedge}, ${c.polarity})` });
      }
    });
    for (const [field, sp] of Object.entries(ev.evidence || {})) {
      if (sp && sp.doc_id === docId) spans.push({ start: sp.start, end: sp.end, cls: "field", title: field });
    }
    const url = /^https?:\/\//i.test(doc.url || "") ? doc.url : null;
    return el("article", { class: "doc" },
      el("h4", {}, doc.title || docId, " ", el("small", {}, sourceNote(ev, docId), doc.published ? ` · ${doc.published}` : ""),
        url ? el("a", { href: url, class: "source-link", target: "_blank", rel: "noopener noreferrer" }, "source ↗") : null),
      el("div", { class: "doctext" }, highlight(doc.text || "", spans)));
  }

  /** The text with each [start,end) wrapped in <mark>; overlaps are clipped, not nested. */
  function highlight(text, spans) {
    const parts = [];
    let cursor = 0;
    for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
      const start = Math.max(s.start, cursor);
      const end = Math.min(s.end, text.length);
      if (end <= start) continue;
      if (start > cursor) parts.push(text.slice(cursor, start));
      parts.push(el("mark", { class: s.cls, title: s.title }, text.slice(start, end)));
      cursor = end;
    }
    parts.push(text.slice(cursor));
    return parts;
  }

  window.wwPanel = { summary, figures, claimsTable, evidenceBlock };
})();
