"""A real PostgreSQL for the integration tests, started on a private socket.

Debian's server binaries (``/usr/lib/postgresql/*/bin``) run a throwaway
cluster in a temporary directory, listening only on a unix socket there. As
root the cluster runs as the ``postgres`` user (initdb refuses root). The
tests skip cleanly only when the binaries are absent.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit" / "store"))

_counter = itertools.count()


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: p.split("/")[4])
    return Path(found[-1]).parent if found else None


def _as_user(cmd: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The socket directory of a running PostgreSQL cluster, stopped at the end."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed")
    user = None
    root = tempfile.mkdtemp(prefix="warwire-pg-")
    if os.geteuid() == 0:
        user = "postgres"
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    os.chmod(root, 0o755)
    data, log = f"{root}/data", f"{root}/server.log"
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_user([str(bindir / "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync", "--locale=C"], user),
        **run,
    )  # fmt: skip
    options = f"-k {root} -c listen_addresses='' -F -c fsync=off"
    subprocess.run(
        _as_user([str(bindir / "pg_ctl"), "-D", data, "-o", options, "-l", log, "-w", "start"],
                 user),
        **run,
    )  # fmt: skip
    try:
        yield root
    finally:
        subprocess.run(
            _as_user([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"], user),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"warwire_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(host=pg_server, user="postgres", dbname="postgres",
                         autocommit=True) as conn:  # fmt: skip
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@/{name}?host={pg_server}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same suite runs against SQLite and against the real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.db"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store_factory(db_url: str) -> Iterator[Callable[[], object]]:
    from warwire.store import open_store

    opened = []

    def make() -> object:
        store = open_store(db_url)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
