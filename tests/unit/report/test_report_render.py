import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_fakes import ListStore, claim, record

from warwire.api import create_app
from warwire.config import Settings
from warwire.report import build_report, make_spec, render
from warwire.report.formatting import event_sets
from warwire.report.model import Report

NASTY = "<script>alert(1)</script> *bold* [x](javascript:alert(1)) | pipe"


def _report(draw: bool = False) -> Report:
    store = ListStore([
        record("ev-1", "2024-06-04", fatalities=5, actor1=NASTY, claims=[
            claim(NASTY, 12, f"The army said 12 died. {NASTY}"),
            claim("the RSF", 5, "The RSF said five died."),
        ]),
        record("ev-2", "2024-06-05", "Violence against civilians", 3, civilian=True),
        record("ev-3", "2024-05-20", fatalities=1),
    ])  # fmt: skip
    return build_report(store, make_spec("Sudan", week="2024-W23"), draw=draw)


def test_html_escapes_document_text_and_links_every_number() -> None:
    report = _report()
    html = render(report, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    anchors = set(re.findall(r'id="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= anchors
    assert {"ev-1", "ev-2"} <= anchors
    for figure in report.figures:
        assert f'href="#{_key(report, "figure " + figure.key)}">{figure.value}</a>' in html


def _key(report: Report, label: str) -> str:
    return event_sets(report)[0][label]


def test_numbers_counting_the_same_events_share_one_list() -> None:
    report = _report()
    anchors, sets = event_sets(report)
    assert anchors["figure events"] == anchors["highlight 1"] == "appendix"
    assert anchors["figure civilian"] == anchors["figure type:Violence against civilians"]
    assert len({s.event_ids for s in sets.values()}) == len(sets)
    assert set(anchors.values()) == {"appendix", *sets}


def test_markdown_escapes_and_shows_the_same_numbers() -> None:
    report = _report()
    md = render(report, "md").decode()
    assert "<script>" not in md and "[x](javascript" not in md
    assert "\\*bold\\*" in md and "\\| pipe" in md
    for figure in report.figures:
        assert f"[{figure.value}](#{_key(report, 'figure ' + figure.key)})" in md
    for event_id in ("ev-1", "ev-2"):
        assert f'<a id="{event_id}"></a>' in md


def test_drawings_are_svg_without_outside_references() -> None:
    report = _report(draw=True)
    assert set(report.maps) == {"events", "change"} and set(report.charts) == {"weekly"}
    for svg in [*report.maps.values(), *report.charts.values()]:
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert not re.search(r'(href|src)="(https?:)?//', svg)  # nothing fetched when shown
        assert "<script" not in svg


def test_unknown_format_is_refused() -> None:
    with pytest.raises(Exception, match="unknown report format"):
        render(_report(), "docx")


def test_api_serves_the_report_under_its_csp() -> None:
    store = ListStore([record("ev-1", "2024-06-04", fatalities=2)])
    client = TestClient(create_app(Settings(), store=store))  # type: ignore[arg-type]
    page = client.get("/api/report", params={"country": "Sudan", "week": "2024-W23"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<link rel="stylesheet" href="/api/report.css">' in page.text
    assert "<style>" not in page.text and 'id="ev-1"' in page.text
    assert client.get("/api/report.css").headers["content-type"].startswith("text/css")
    region = {"country": "Sudan", "week": "2024-W23", "admin1": "Kassala"}
    assert 'id="ev-1"' not in client.get("/api/report", params=region).text
    bad = client.get("/api/report", params={"country": "Sudan", "week": "2024-W99"})
    assert bad.status_code == 422 and "bad week" in bad.json()["detail"]


def test_cli_writes_markdown_with_its_drawings(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from warwire.cli import cli
    from warwire.store import open_store

    db = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(db).close()
    out = tmp_path / "brief.md"
    args = ["report", "--db", db, "--country", "Sudan", "--since", "2024-06-01", "--until",
            "2024-06-07", "--format", "md", "-o", str(out)]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "No events were recorded in Sudan" in out.read_text()
    assert sorted(p.name for p in (tmp_path / "brief_files").iterdir()) == [
        "change.svg", "events.svg", "weekly.svg"]  # fmt: skip
    clash = CliRunner().invoke(cli, [*args[:5], "--week", "2024-W23", *args[5:]])
    assert clash.exit_code != 0 and "either --week" in clash.output
    assert date(2024, 6, 1)  # the window above is inclusive of both ends
