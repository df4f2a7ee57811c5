"""Small CLI helpers: the progress total and the server's start-up line."""

from __future__ import annotations

from pathlib import Path

from warwire.cli.common import expected_documents
from warwire.cli.serve_cmd import startup_line


def test_progress_total_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("two")
    (tmp_path / "sub" / "c.jsonl").write_text('{"id": 1}\n\n{"id": 2}\n')
    (tmp_path / "notes.bin").write_bytes(b"\0")  # not an input format: never read
    assert expected_documents([str(tmp_path)]) == 4
    assert expected_documents([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2


def test_progress_total_is_unknown_for_urls_and_stdin(tmp_path: Path) -> None:
    assert expected_documents(["https://example.org/feed"]) is None
    assert expected_documents(["-"]) is None
    (tmp_path / "x.warc.gz").write_bytes(b"")
    assert expected_documents([str(tmp_path)]) is None


def test_startup_line_says_where_and_whether_writes_work() -> None:
    line = startup_line("127.0.0.1", 8000, writes=False)
    assert "http://127.0.0.1:8000/" in line and "read-only" in line and len(line) <= 80
    assert "http://[::1]:9000/" in startup_line("::1", 9000, writes=True)
    assert "bearer token" in startup_line("0.0.0.0", 80, writes=True)
