"""Situation reports end to end: a database built by the real pipeline from the shipped
examples plus a generated year of Sudan reporting, rendered as HTML, Markdown and PDF.

Each key figure must equal a direct store query, each highlight must link to
events that exist, and the HTML must open offline in Chromium (as a file and
from the API, under its content security policy) without console errors.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

# the dashboard's browser harness: Chromium via playwright, `warwire serve` on loopback
import test_dashboard as harness
from test_dashboard import WARWIRE, free_port, serve

from warwire.config import Settings
from warwire.pipeline import ingest
from warwire.report import Report, build_report, make_spec, render
from warwire.report.formatting import event_sets
from warwire.store import open_store
from warwire.store.base import EventQuery

browser = harness.browser
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
END = date(2024, 6, 9)  # a Sunday: the report's week is 2024-W23
WEEK = "2024-W23"
# (town, state) pairs the gazetteer places in Sudan
TOWNS = [("Nyala", "South Darfur"), ("El Fasher", "North Darfur"),
         ("Kadugli", "South Kordofan"), ("El Obeid", "North Kordofan"),
         ("Kassala", "Kassala"), ("Wad Madani", "Gezira")]  # fmt: skip
OUTLETS = ["Darfur Monitor", "Kordofan Wire", "Nile Courier", "East Sudan News"]


def _day(d: date) -> str:
    return f"{d:%B} {d.day}"


def _article(rng: random.Random, when: date, heavy: bool) -> str:
    town, state = rng.choice(TOWNS)
    n = rng.randint(8, 20) if heavy else rng.randint(1, 4)
    kind = rng.randrange(4)
    if kind == 0:
        return (f"Rapid Support Forces fighters attacked army positions near {town} in {state} "
                f"on {_day(when)}, killing {n} soldiers, the army said.")  # fmt: skip
    if kind == 1:
        return (f"A drone strike hit a crowded market in {town}, {state}, on {_day(when)}, "
                f"killing {n} civilians, according to local medics.")  # fmt: skip
    if kind == 2:
        return (f"Gunmen killed {n} villagers in an attack on a village near {town} in {state} "
                f"on {_day(when)}, residents said.")  # fmt: skip
    return (
        f"Hundreds of people protested peacefully in {town} on {_day(when)} against "
        "fuel shortages, witnesses said."
    )


def history(seed: int = 7) -> list[dict[str, str]]:
    """A year of short reports, quiet until the last four weeks, and a disputed clash."""
    rng = random.Random(seed)
    docs = []
    for back in range(54 * 7, -1, -1):
        when = END - timedelta(days=back)
        heavy = back < 28
        if not heavy and back % 3:
            continue
        for _ in range(2 if heavy else 1):
            published = when + timedelta(days=1)
            docs.append({"id": f"sd-{len(docs)}", "title": f"Sudan report {len(docs)}",
                         "published": published.isoformat(), "source": rng.choice(OUTLETS),
                         "text": _article(rng, when, heavy)})  # fmt: skip
    clash = END - timedelta(days=2)
    where = f"near Kadugli in South Kordofan on {_day(clash)}"
    for outlet, text in (
        ("Nile Courier", f"The army said its troops killed 45 Rapid Support Forces fighters "
                         f"in heavy clashes {where}."),
        ("Kordofan Wire", f"The Rapid Support Forces said only 6 of its fighters died in "
                          f"clashes with the army {where}."),
    ):  # fmt: skip
        published = (clash + timedelta(days=1)).isoformat()
        docs.append({"id": f"sd-{len(docs)}", "title": "Kadugli clashes", "source": outlet,
                     "published": published, "text": text})  # fmt: skip
    return docs


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples plus the generated year, through the real pipeline."""
    folder = tmp_path_factory.mktemp("report")
    corpus = folder / "sudan.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in history()), encoding="utf-8")
    url = f"sqlite:///{folder / 'report.db'}"
    with open_store(url) as store:
        list(ingest([str(ROOT / "examples"), str(corpus)], Settings(db=url), store))
    return url


@pytest.fixture(scope="module")
def report(database: str) -> Report:
    with open_store(database) as store:
        return build_report(store, make_spec("Sudan", week=WEEK))


def test_key_figures_equal_direct_queries(database: str, report: Report) -> None:
    spec = report.spec
    window = EventQuery(country="Sudan", since=spec.since, until=spec.until)
    with open_store(database) as store:
        found = store.events(window)
        assert report.figure("events").value == store.count_events(window) == len(found) > 10
        assert report.figure("fatalities").value == sum(r["fatalities"] for r in found)
        assert report.figure("civilian").value == sum(r["civilian_targeting"] for r in found)
        for figure in report.type_figures:
            by_type = replace(window, event_type=figure.label)
            assert figure.value == store.count_events(by_type), figure.label
        assert {r["event_id"] for r in found} == {r["event_id"] for r in report.events}


def test_highlights_link_to_stored_events(database: str, report: Report) -> None:
    html = render(report, "html").decode()
    assert 3 <= len(report.highlights) <= 5
    anchors, _ = event_sets(report)
    appendix = {e["event_id"] for e in report.events}
    with open_store(database) as store:
        for i, highlight in enumerate(report.highlights, 1):
            assert highlight.event_ids, highlight.text
            assert all(store.event(e) is not None for e in highlight.event_ids)
            key = anchors[f"highlight {i}"]
            assert f'href="#{key}"' in html
            if key == "appendix":  # the highlight counts every event of the window
                assert set(highlight.event_ids) == appendix
                continue
            listed = re.search(rf'<p id="{key}">(.*?)</p>', html, re.S)
            assert listed and all(f'href="#{e}"' in listed.group(1) for e in highlight.event_ids)
    anchors_in_page = set(re.findall(r'id="([^"]+)"', html))
    assert set(re.findall(r'href="#([^"]+)"', html)) <= anchors_in_page


def test_contested_figures_and_alerts(report: Report) -> None:
    tolls = [sorted(c.get("fatalities") for c in e["claims"] if c.get("fatalities"))
             for e in report.contested]  # fmt: skip
    assert [6, 45] in tolls
    rules = {a.rule: a for a in report.alerts}
    assert rules["fatalities_high"].level == "medium"  # one year of history, a late spike


def test_every_format_shows_the_same_figures(report: Report, tmp_path: Path) -> None:
    html = render(report, "html").decode()
    md = render(report, "md").decode()
    anchors, _ = event_sets(report)
    for figure in [*report.figures, *report.type_figures]:
        key = anchors[f"figure {figure.key}"]
        assert f'href="#{key}">{figure.value}</a>' in html
        assert f"[{figure.value}](#{key})" in md
    pdf = render(report, "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    (ARTIFACTS := ROOT / "artifacts").mkdir(exist_ok=True)
    (ARTIFACTS / "report-sudan-2024-W23.pdf").write_bytes(pdf)
    (ARTIFACTS / "report-sudan-2024-W23.html").write_text(html, encoding="utf-8")


def _page_errors(chromium, url: str, shot: Path | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    page = chromium.new_page(viewport={"width": 1200, "height": 1600})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    origin = url.split("/api/")[0]
    page.on("request", lambda r: None if r.url.startswith((origin, "data:")) else
            problems.append(f"outside request {r.url}"))  # fmt: skip
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.locator("#highlights li").count() >= 3
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    if shot:
        page.screenshot(path=str(shot))
        page.locator("#contested").screenshot(
            path=str(shot.with_name(shot.stem + "-contested.png"))
        )
    page.close()
    return problems


def test_html_opens_offline_in_chromium(browser, report: Report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "report.html"
    page.write_text(render(report, "html").decode(), encoding="utf-8")
    (ROOT / "artifacts").mkdir(exist_ok=True)
    assert _page_errors(browser, page.as_uri(), ROOT / "artifacts" / "report-page1.png") == []


def test_api_report_opens_in_chromium_under_the_csp(browser, database: str) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    for base in serve([str(WARWIRE), "serve", "--db", database, "--port", str(port)], port):
        assert _page_errors(browser, f"{base}/api/report?country=Sudan&week={WEEK}") == []
