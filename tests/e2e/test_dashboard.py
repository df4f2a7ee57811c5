"""The dashboard in headless Chromium against a real `uvicorn` server on loopback.

Two servers: the fake store (always; the page's behaviour) and ``warwire serve``
over a database built by ``warwire ingest examples/`` (skips until the store
and ingest command exist and the pipeline yields events). Every request the
page makes must stay on this server: the dashboard works offline.
Screenshots go to artifacts/.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("WARWIRE_CHROMIUM", "/usr/bin/chromium")
VENDOR = ROOT / "src" / "warwire" / "web" / "static" / "vendor" / "leaflet.js"
WARWIRE = Path(sys.executable).with_name("warwire")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/api/stats", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def serve(cmd: list[str], port: int) -> Iterator[str]:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    if not VENDOR.exists():
        pytest.skip("vendor assets missing: run scripts/web_assets.sh")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def fake_server() -> Iterator[str]:
    port = free_port()
    script = str(Path(__file__).with_name("serve_fake.py"))
    yield from serve([sys.executable, script, "--port", str(port)], port)


@pytest.fixture(scope="module")
def real_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        from warwire.store import open_store  # noqa: F401
    except ImportError:
        pytest.skip("warwire.store.open_store is not there yet")
    db = f"sqlite:///{tmp_path_factory.mktemp('db') / 'e2e.db'}"
    examples = [str(ROOT / "examples")]
    reference = ROOT.parent / "shared" / "examples" / "turkey-dives-into-libyan-conflict.md"
    if reference.exists():
        examples.append(str(reference))
    ingest = subprocess.run(
        [str(WARWIRE), "ingest", "--db", db, *examples], cwd=ROOT, capture_output=True, timeout=600
    )
    if ingest.returncode == 2:
        pytest.skip(f"`warwire ingest` unavailable: {ingest.stderr.decode()[-200:]}")
    port = free_port()
    yield from serve([str(WARWIRE), "serve", "--db", db, "--port", str(port)], port)


def open_dashboard(browser, base: str, name: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")
    page.wait_for_selector("body[data-loaded]", state="attached", timeout=15000)
    page.wait_for_timeout(500)  # basemap and marker animation
    page.errors, page.outside, page.shot = errors, outside, ARTIFACTS / name
    return page


def rows(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("#events tbody tr", "trs => trs.map(tr => tr.dataset.eventId)")


def markers(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.locator("path.ww-marker").count() + page.locator(".marker-cluster").count())


def apply_filter(page, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    before = page.get_attribute("body", "data-loaded")
    page.fill(f"#filters [name={field}]", value)
    page.click("#filters button[type=submit]")
    page.wait_for_selector(
        f'body[data-loaded]:not([data-loaded="{before}"])', state="attached", timeout=10000
    )


def timeline_total(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.get_attribute("#timeline", "data-total") or -1)


def box(page, selector: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def test_dashboard_with_fake_store(browser, fake_server: str) -> None:  # type: ignore[no-untyped-def]
    page = open_dashboard(browser, fake_server, "dashboard-fake.png")
    assert box(page, "header")["height"] < 48  # brand and filters on one line at 1366 px
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country borders
    assert markers(page) >= 2
    assert rows(page) == ["ev1", "ev2", "ev3"]
    assert page.locator("#timeline rect").count() == 3
    assert timeline_total(page) == 3

    apply_filter(page, "since", "2024-03-04")
    assert rows(page) == ["ev2", "ev3"]
    assert "since=2024-03-04" in page.url
    assert timeline_total(page) == 2
    assert page.eval_on_selector_all("#timeline g.bar", "gs => gs.map(g => g.dataset.day)") == [
        "2024-03-05",
        "2024-03-09",
    ]

    page.click('#events tr[data-event-id="ev2"]')
    page.wait_for_selector('#panel[data-ready="ev2"]', state="attached", timeout=10000)
    mark = page.locator("#panel mark.claim").first
    assert mark.inner_text() == "killing 6 civilians, according to local medics"
    table, panel, map_ = box(page, "#table-pane"), box(page, "#panel"), box(page, "#map")
    assert table["right"] <= panel["left"] + 1 and map_["right"] <= table["left"] + 1
    assert map_["width"] >= 250  # the panel narrows the map instead of covering the table

    apply_filter(page, "since", "")  # the table stays usable with the panel open
    assert timeline_total(page) == 3
    page.click('#events tr[data-event-id="ev1"]')
    page.wait_for_selector('#panel[data-ready="ev1"]', state="attached", timeout=10000)
    assert page.locator("#panel .figures.contested").count() == 1
    assert page.locator("#panel .figure").count() == 2
    assert page.locator("#panel mark.claim").all_inner_texts() == [
        "It claimed 14 guards were killed.",
        "said only 2 of its men died",
    ]
    assert "partisan" in page.locator("#panel table.claims").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(page.shot))
    page.click("#panel-close")
    page.wait_for_timeout(200)
    assert box(page, "#map")["width"] > map_["width"] + 200  # the map takes the room back
    assert page.outside == [] and page.errors == []


def test_dashboard_with_real_store(browser, real_server: str) -> None:  # type: ignore[no-untyped-def]
    with urllib.request.urlopen(f"{real_server}/api/events?limit=1000") as r:
        page_data = json.load(r)
    events = page_data["items"] if isinstance(page_data, dict) else page_data
    located = [e for e in events if e.get("latitude") is not None and e.get("event_date")]
    if not located:
        pytest.skip("the pipeline produced no located, dated events from examples/ yet")
    with urllib.request.urlopen(f"{real_server}/api/timeline") as r:
        timeline = json.load(r)
    page = open_dashboard(browser, real_server, "dashboard.png")
    assert markers(page) >= 1
    assert len(rows(page)) == len(events)
    assert timeline_total(page) == timeline["total"] == sum(1 for e in events if e["event_date"])
    days = sorted({e["event_date"] for e in located})
    if len(days) > 1:
        apply_filter(page, "since", days[-1])
        assert 0 < len(rows(page)) < len(events)
        apply_filter(page, "since", "")
    with_evidence = next(e for e in located if e.get("claims"))
    page.click(f'#events tr[data-event-id="{with_evidence["event_id"]}"]')
    page.wait_for_selector("#panel[data-ready]", state="attached", timeout=10000)
    assert page.locator("#panel mark").count() >= 1
    page.wait_for_timeout(600)  # the map's pan to the opened event, then its redraw
    # read-only: the corrections section says so and offers no form (nor a stray "null")
    section = page.locator("#panel section.corrections")
    section.wait_for(timeout=10000)
    assert "None yet." in section.inner_text() and "null" not in section.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(page.shot))
    assert page.outside == [] and page.errors == []


def test_select_pans_links_and_exports_the_view(browser, fake_server: str) -> None:  # type: ignore[no-untyped-def]
    page = open_dashboard(browser, fake_server, "dashboard-select.png")
    apply_filter(page, "country", "Borduria")
    assert rows(page) == ["ev3"]
    page.click('#events tr[data-event-id="ev3"]')
    page.wait_for_selector('#panel[data-ready="ev3"]', state="attached", timeout=10000)
    assert page.get_attribute("#map", "data-selected") == "ev3"

    def off_centre() -> float:  # how far the highlight sits from the middle of the map
        ring, map_ = box(page, "path.ww-selected"), box(page, "#map")
        ring_x = ring["left"] + ring["width"] / 2 - map_["left"]
        ring_y = ring["top"] + ring["height"] / 2 - map_["top"]
        return max(abs(ring_x - map_["width"] / 2), abs(ring_y - map_["height"] / 2))

    for _ in range(50):  # give a loaded machine up to 5 s to draw
        if off_centre() < 30:
            break
        page.wait_for_timeout(100)
    assert off_centre() < 30
    assert page.url.endswith("#event=ev3") and "country=Borduria" in page.url

    # the link to one event opens it on a fresh page
    link = page.get_attribute("#event-link", "href")
    other = browser.new_page(viewport={"width": 1024, "height": 768})
    other.goto(link)
    other.wait_for_selector('#panel[data-ready="ev3"]', state="attached", timeout=15000)
    other.close()

    # the source article is linked beside its evidence, opening safely elsewhere
    source = page.locator("#panel a.source-link")
    assert source.count() >= 1
    assert source.first.get_attribute("href").startswith("https://")
    assert source.first.get_attribute("rel") == "noopener noreferrer"

    # "export this view" downloads the filtered events as CSV
    with page.expect_download() as download:
        page.click("#export-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    lines = text.strip().splitlines()
    assert lines[0].startswith("event_id_cnty,") and len(lines) == 2 and lines[1].startswith("ev3,")
    assert "format=geojson" in page.get_attribute("#export-geojson", "href")
    assert "country=Borduria" in page.get_attribute("#export-geojson", "href")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(page.shot))
    assert page.outside == [] and page.errors == []


def test_basemap_has_land_water_no_stripes_and_names(browser, fake_server: str) -> None:  # type: ignore[no-untyped-def]
    page = open_dashboard(browser, fake_server, "dashboard-basemap.png")
    for _ in range(8):  # out to the whole world (zoom 2: the world is 1024 px wide)
        page.evaluate("() => document.querySelector('.leaflet-control-zoom-out').click()")
        page.wait_for_timeout(150)
    page.wait_for_timeout(500)
    widest = page.eval_on_selector_all(
        "path.ww-land:not(.ww-pole)", "ps => Math.max(...ps.map(p => p.getBBox().width))"
    )
    # a country ring crossing 180° (Russia, Fiji) used to be drawn as a stripe across the
    # whole world; unwrapped, the widest (Russia) spans under half of it
    assert 300 < widest < 0.75 * 1024
    fill = page.eval_on_selector("path.ww-land", "p => getComputedStyle(p).fill")
    assert fill not in ("none", "")
    assert page.locator(".ww-country-label span:visible").count() == 0  # names only zoomed in
    # Natural Earth's rivers and lakes, and admin1 lines where its 50m data has them
    assert page.locator("path.ww-river").count() > 100 and page.locator("path.ww-lake").count() > 50
    assert page.locator("path.ww-admin1").count() == 1  # one mesh of shared boundaries
    order = page.evaluate(
        "() => [...document.querySelectorAll('path')].map(p => p.classList[0]).filter(Boolean)"
    )
    assert order.index("ww-land") < order.index("ww-lake") < order.index("ww-river")
    for _ in range(3):
        page.evaluate("() => document.querySelector('.leaflet-control-zoom-in').click()")
        page.wait_for_timeout(500)
    assert page.locator(".ww-country-label span:visible").count() > 3
    assert page.errors == []


SPLIT_WORDS_JS = """tds => tds.flatMap(td => {
  const split = [];
  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/[A-Za-z-]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) split.push(m[0]);
    }
  }
  return split;
})"""


def test_type_column_never_splits_a_word(browser, fake_server: str) -> None:  # type: ignore[no-untyped-def]
    """A narrow table wraps sub-event types at spaces and slashes, never inside a word
    ("Peace ful"); the table is squeezed by hand to stand for a small screen with the
    panel open."""
    page = open_dashboard(browser, fake_server, "dashboard-narrow.png")
    page.evaluate("() => { document.querySelector('#events').style.width = '260px'; }")
    page.wait_for_timeout(300)
    width = page.eval_on_selector("#events td:nth-child(2)", "td => td.clientWidth")
    assert width < 70  # narrower than "Peaceful" or "destruction" at the table's font
    assert page.eval_on_selector_all("#events td:nth-child(2)", SPLIT_WORDS_JS) == []
    assert page.errors == []
