"""The Ray engine's planning and reading, without Ray: what becomes a unit, and
what a unit becomes (the same documents and Rejections as the readers give)."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from warwire.config import Settings
from warwire.distributed.engine import _accounted
from warwire.distributed.sources import Plan, plan_inputs
from warwire.distributed.worker import raw_documents
from warwire.ingest import read_inputs
from warwire.types import RawDocument, Rejection

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen import generate


def test_plan_sorts_inputs_by_kind_and_rejects_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "b.parquet").write_bytes(b"PAR1")
    (tmp_path / "c.txt").write_text("Gunmen attacked a post.")
    (tmp_path / ".hidden.txt").write_text("not read")
    plan = plan_inputs([str(tmp_path), str(tmp_path / "missing.txt")], Settings())
    assert plan.runs == [
        ("jsonl", [str(tmp_path / "a.jsonl")]),
        ("files", [str(tmp_path / "c.txt")]),
        ("parquet", [str(tmp_path / "b.parquet")]),
    ]
    assert [r.reason for r in plan.rejections] == ["missing"]


def _unit(kind: str, unit: str, data: bytes) -> dict[str, object]:
    return {"source": unit.split(":")[0], "unit": unit, "kind": kind, "data": data, "total": 1}


def test_a_jsonl_line_unit_reads_as_the_jsonl_reader_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(d) for d in generate(3)] + ['{"id": 4, "text": 5}']
    path.write_text("\n".join(lines) + "\n")
    expected = list(read_inputs([str(path)], Settings()))
    got = [
        item
        for n, line in enumerate(lines, 1)
        for item in raw_documents(_unit("line", f"{path}:{n}", line.encode()), Settings())
    ]
    assert got == expected
    assert isinstance(got[-1], Rejection) and isinstance(got[0], RawDocument)


def test_record_file_and_oversized_units() -> None:
    record = json.dumps({"id": "r1", "text": "Rebels shelled the airport on Monday."}).encode()
    (doc,) = raw_documents(_unit("record", "t.parquet#r1", record), Settings())
    assert isinstance(doc, RawDocument) and doc.input_id == "r1"
    (page,) = raw_documents(_unit("file", "x.html", b"<p>Troops clashed.</p>"), Settings())
    assert isinstance(page, RawDocument) and page.media_type == "html"
    small = Settings(max_document_bytes=10)
    (big,) = raw_documents(_unit("file", "x.txt", b"a" * 50), small)
    assert isinstance(big, Rejection) and big.reason == "too_large"


def test_an_engine_failure_reports_every_unfinished_input() -> None:
    plan = Plan(runs=[("files", ["done.txt", "lost.txt"]), ("jsonl", ["half.jsonl"])])
    doc = Rejection("clean", "empty", "empty document", "done.txt")

    def rows():  # done.txt finishes, half.jsonl one line of two, then Ray gives up
        yield {"source": "done.txt", "total": 1, "kind": "rejection", "payload": pickle.dumps(doc)}
        yield {"source": "done.txt", "total": 1, "kind": "done", "payload": pickle.dumps(None)}
        yield {"source": "half.jsonl", "total": 2, "kind": "done", "payload": pickle.dumps(None)}
        raise RuntimeError("worker died")

    out = list(_accounted(plan, rows()))
    lost = [r for r in out if isinstance(r, Rejection) and r.reason == "lost"]
    assert out[0] == doc
    assert sorted(r.input_id or "" for r in lost) == ["half.jsonl", "lost.txt"]
    assert all("worker died" in r.detail for r in lost)
