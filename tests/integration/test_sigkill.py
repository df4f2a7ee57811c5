"""Killing an ingest mid-batch leaves no partial document; re-running resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from warwire.store import open_store
from warwire.store.schema import claims, documents, event_reports, events

HERE = Path(__file__).resolve().parent
COUNT = 60


def _run(url: str, delay: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(HERE.parent / "unit" / "store"), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
    cmd = [sys.executable, str(HERE / "slow_ingest.py"), url, str(COUNT), str(delay)]
    return subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)


def _check_integrity(url: str) -> int:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            per_doc = conn.execute(
                select(documents.c.doc_id, func.count(claims.c.seq))
                .join(claims, claims.c.doc_id == documents.c.doc_id, isouter=True)
                .group_by(documents.c.doc_id)
            ).all()
            assert all(count == 2 for _, count in per_doc), per_doc  # 1 in event + 1 standalone
            reports = conn.execute(select(func.count()).select_from(event_reports)).scalar_one()
            assert reports == n_docs
            n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
            assert n_events == n_docs
            assert store.version() == n_docs  # one version per stored document, none lost
            if conn.dialect.name == "sqlite":
                fts = conn.execute(text("SELECT count(*) FROM events_fts")).scalar_one()
                assert fts == n_events
                assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        return int(n_docs)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_mid_batch_then_resume(db_url: str) -> None:
    open_store(db_url).close()  # migrate before the race starts
    proc = _run(db_url, 0.05)
    deadline = time.monotonic() + 60
    store = open_store(db_url)
    try:
        while store.version() < 5 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.05)
    finally:
        store.close()
    time.sleep(0.07)  # land inside a document's transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _check_integrity(db_url)
    assert 5 <= stored < COUNT
    rerun = _run(db_url, 0.0)
    assert rerun.wait(timeout=120) == 0
    assert _check_integrity(db_url) == COUNT
