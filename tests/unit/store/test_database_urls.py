"""What ``--db`` accepts: URLs, and a plain file path as a SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from warwire.errors import StoreError
from warwire.store.sql import make_engine, normalize_url


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "events.db"
    url = normalize_url(str(target))
    assert url == f"sqlite:///{target.resolve()}"
    make_engine(str(target)).dispose()
    assert target.parent.is_dir()


def test_urls_keep_their_scheme() -> None:
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_an_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unsupported database URL"):
        make_engine("mysql://u@h/db")
