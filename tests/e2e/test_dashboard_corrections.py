"""Correcting an event in the dashboard's panel, in headless Chromium against `warwire serve`.

The database is built from hand-made analyses (no model needed); the server
takes writes with a token. The panel corrects the fatalities with a reason,
shows the audit line (document text stays text), the table shows the new
figure and "export this view" holds it. Screenshots go to artifacts/.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_dashboard import (
    ARTIFACTS,
    WARWIRE,
    apply_filter,
    browser,
    free_port,
    open_dashboard,
    serve,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "store"))
from store_builders import SIRTE, analysis, clash, make_doc, tarhuna_partisan

pytestmark = pytest.mark.slow
__all__ = ["browser"]  # the shared Chromium fixture
TOKEN = "panel-token"
HOSTILE = "<img src=x onerror=alert(1)> raid"


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from warwire.store import open_store

    db = f"sqlite:///{tmp_path_factory.mktemp('db') / 'corrections.db'}"
    hostile = make_doc(f"On June 2 a {HOSTILE} near Sirte killed 2, residents said.")
    with open_store(db) as store:
        store.add(tarhuna_partisan())
        store.add(analysis(hostile, clash(hostile, HOSTILE, "residents", fatalities=2,
                                          day=date(2020, 6, 2), place=SIRTE)))  # fmt: skip
    port = free_port()
    os.environ["WARWIRE_TOKEN"] = TOKEN  # the server reads it once, at start
    try:
        running = serve([str(WARWIRE), "serve", "--db", db, "--port", str(port)], port)
        base = next(running)
    finally:
        del os.environ["WARWIRE_TOKEN"]
    yield base
    running.close()


def test_panel_corrects_fatalities_and_shows_the_audit(browser, writable_server: str) -> None:  # type: ignore[no-untyped-def]
    page = open_dashboard(browser, writable_server, "corrections-1440.png")
    page.set_viewport_size({"width": 1440, "height": 900})
    apply_filter(page, "country", "LY")  # the analyst's walk: filter, select, correct, export
    assert page.locator("#events tbody tr").count() == 2
    first = page.locator("#events tbody tr").first
    event_id = first.get_attribute("data-event-id")
    first.click()
    page.wait_for_selector("#panel section.corrections form.correct-form", timeout=15000)
    assert "None yet." in page.locator("#panel section.corrections").inner_text()
    page.fill("#panel input[name=fatalities]", "3")
    page.fill("#panel input[name=why]", "hospital list, <b>checked</b>")
    page.fill("#panel input[name=token]", TOKEN)
    page.click("#panel form.correct-form button[type=submit]")
    line = page.locator("#panel li.audit-line").first
    line.wait_for(timeout=15000)
    assert "fatalities: 14 → 3" in line.inner_text()
    assert "hospital list, <b>checked</b>" in line.inner_text()  # shown as text, not markup
    assert page.locator("#panel section.corrections b").count() == 0
    page.wait_for_function(
        f"() => [...document.querySelectorAll('#events tr[data-event-id=\"{event_id}\"] td')]"
        ".some(td => td.textContent.trim() === '3')",
        timeout=15000,
    )
    facts = page.locator("#panel dl.facts").inner_text()
    assert "Fatalities\n3" in facts or "Fatalities\t3" in facts
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "corrections-1440.png"))
    page.set_viewport_size({"width": 1024, "height": 768})
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "corrections-1024.png"))

    href = page.get_attribute("#export-csv", "href")
    assert "country=LY" in href
    csv = page.request.get(writable_server + href).text()
    header, *rows = csv.splitlines()
    column = header.split(",").index("fatalities")
    assert "3" in [r.split(",")[column] for r in rows if event_id in r]
    assert page.locator("#panel input[name=token]").count() == 0  # kept for this tab
    assert page.outside == [] and page.errors == []


def test_panel_without_token_configured_shows_no_form(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from warwire.store import open_store

    db = f"sqlite:///{tmp_path / 'ro.db'}"
    with open_store(db) as store:
        store.add(tarhuna_partisan())
    port = free_port()
    for base in serve([str(WARWIRE), "serve", "--db", db, "--port", str(port)], port):
        page = open_dashboard(browser, base, "corrections-readonly.png")
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#panel section.corrections h3", timeout=15000)
        assert page.locator("#panel form.correct-form").count() == 0
        assert page.errors == []
