"""The ingest benchmark runs end to end at a tiny size (the real sizes are not tests)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "bench_ingest.py"


@pytest.mark.slow
def test_bench_ingest_smoke(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("bench_ingest", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    rows = module.main(["--sizes", "100", "200"])
    assert [r["n"] for r in rows] == [100, 200]
    assert rows[1]["reposts_found"] == rows[1]["reposts"] > 0
    assert "docs/s" in capsys.readouterr().out
