// warwire dashboard: the event panel's corrections — its audit lines and, when the
// server takes writes, a small form to correct the fatalities with a reason. Kept apart
// from app.js: it waits for the panel to mark an event ready (#panel[data-ready]) and
// adds its section there. Everything shown is set as text, never parsed as HTML.
"use strict";

(() => {
  const TOKEN_KEY = "warwire-token"; // per tab only (sessionStorage), never in the URL
  const panel = document.querySelector("#panel");
  const writes = document.body.dataset.writes === "1";
  if (!panel) return;

  const { el } = window.wwDom;

  async function request(url, options = {}) {
    const response = await fetch(url, { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } });
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    if (!response.ok) throw new Error(`${response.status}: ${(body && body.detail) || response.statusText}`);
    return body;
  }

  /** One audit line: "2024-06-08 10:02 · amira · fatalities: 14 → 3 — hospital list". */
  function auditLine(c) {
    const when = String(c.at || "").replace("T", " ").slice(0, 16);
    return el("li", { class: "audit-line", "data-action": c.action },
      el("span", { class: "muted" }, `${when} · ${c.by} · `), c.change, el("em", {}, ` — ${c.why}`));
  }

  function form(id, section) {
    const message = el("p", { class: "audit-status", role: "status" });
    const token = el("input", { type: "password", name: "token", placeholder: "API token", "aria-label": "API token", autocomplete: "off" });
    const needsToken = !sessionStorage.getItem(TOKEN_KEY);
    const box = el("form", { class: "correct-form", "aria-label": "Correct fatalities" },
      el("label", {}, "Fatalities ", el("input", { type: "number", name: "fatalities", min: "0", step: "1", required: true })),
      el("input", { name: "why", placeholder: "Reason", "aria-label": "Reason", required: true, minlength: "3", maxlength: "1000" }),
      needsToken ? token : null,
      el("button", { type: "submit" }, "Correct"),
      message);
    box.addEventListener("submit", async (e) => {
      e.preventDefault();
      const key = needsToken ? token.value.trim() : sessionStorage.getItem(TOKEN_KEY);
      message.textContent = "Saving…";
      try {
        await request(`/api/events/${encodeURIComponent(id)}/corrections`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
          body: JSON.stringify({ set: { fatalities: Number(box.elements.fatalities.value) }, why: box.elements.why.value, by: "dashboard" }),
        });
        if (needsToken) sessionStorage.setItem(TOKEN_KEY, key);
        const filters = document.querySelector("#filters");
        if (filters) filters.requestSubmit(); // the table and map show the new figure
        await show(id, section);
      } catch (err) {
        if (String(err.message).startsWith("401")) sessionStorage.removeItem(TOKEN_KEY);
        message.textContent = `Not saved: ${err.message}`;
      }
    });
    return box;
  }

  /** Fill ``section`` with the event's audit lines (and the form); refreshes the figure. */
  async function show(id, section) {
    const [history, ev] = await Promise.all([
      request(`/api/events/${encodeURIComponent(id)}/history`),
      request(`/api/events/${encodeURIComponent(id)}`),
    ]);
    if (panel.dataset.ready !== id) return;
    const items = history.items || [];
    section.replaceChildren(
      el("h3", {}, `Corrections (${items.length})`),
      items.length ? el("ul", { class: "audit" }, items.map(auditLine)) : el("p", { class: "muted" }, "None yet."),
      ...(writes ? [form(id, section)] : []));
    for (const dt of panel.querySelectorAll("dl.facts dt")) {
      if (dt.textContent === "Fatalities" && dt.nextElementSibling) {
        dt.nextElementSibling.textContent = `${ev.fatalities}${ev.civilian_targeting ? " · civilians targeted" : ""}`;
      }
    }
  }

  async function onReady() {
    const id = panel.dataset.ready;
    if (!id || panel.querySelector("section.corrections")) return;
    const section = el("section", { class: "corrections", "aria-label": "Corrections" });
    const facts = panel.querySelector("dl.facts");
    if (facts) facts.after(section); else panel.querySelector("#panel-body").append(section);
    try {
      await show(id, section);
    } catch (err) {
      section.replaceChildren(el("p", { class: "error" }, `Could not load corrections: ${err.message}`));
    }
  }

  new MutationObserver(onReady).observe(panel, { attributes: true, attributeFilter: ["data-ready"] });
})();
