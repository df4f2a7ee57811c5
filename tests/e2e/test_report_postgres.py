"""The same report from SQLite and from a real PostgreSQL (the integration tests' server).

The same hand-built documents go into both databases; every figure, trend,
ranking, contested event and alert must come out the same, and the rendered
Markdown must be identical once the generation time is set aside.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from warwire.report import build_report, make_spec, render
from warwire.store import open_store

pytestmark = pytest.mark.slow
TESTS = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path) -> ModuleType:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_integration = _load("warwire_tests_integration_conftest", TESTS / "integration" / "conftest.py")
_fakes = _load("warwire_tests_report_fakes", TESTS / "unit" / "report" / "report_fakes.py")
pg_server = _integration.pg_server
pg_url = _integration.pg_url


def _fill(url: str) -> None:
    with open_store(url) as store:
        for i in range(120):
            day = date(2024, 6, 9) - timedelta(days=i * 3)
            region = ("North Darfur", "Kassala", "Gezira")[i % 3]
            store.add(_fakes.stored_analysis(i, day, 40 if i < 4 else i % 6, region, i == 2))


def _report(url: str) -> Any:
    with open_store(url) as store:
        return build_report(store, make_spec("Sudan", week="2024-W23", baseline="52w"))


def test_sqlite_and_postgresql_give_the_same_report(pg_url: str, tmp_path: Path) -> None:
    sqlite = f"sqlite:///{tmp_path / 'report.db'}"
    _fill(sqlite)
    _fill(pg_url)
    a, b = _report(sqlite), _report(pg_url)
    assert a.figures == b.figures and a.type_figures == b.type_figures
    assert a.admin1 == b.admin1 and a.actors == b.actors and a.places == b.places
    assert a.highlights == b.highlights and a.alerts == b.alerts and a.weeks == b.weeks
    assert [e["event_id"] for e in a.contested] == [e["event_id"] for e in b.contested]
    assert a.figure("events").value == 3 and a.contested
    assert render(a, "md") == render(replace(b, generated=a.generated), "md")
