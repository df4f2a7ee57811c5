"""Hot-path SQL straight through the DBAPI cursor of the caller's transaction.

SQLAlchemy Core spends about half a millisecond of Python per statement
(cache keys, compiled-cache lookups, result set-up), which dominated ingest at
some thirty statements a document. The write path therefore runs plain SQL on
the *same* connection, inside the transaction SQLAlchemy opened, so one
document is still one transaction. Statements are written once with
``:name`` parameters and translated (and cached) per dialect: sqlite3 takes
them as they are, psycopg wants ``%(name)s``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection

Params = Mapping[str, Any]
_NAME = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=256)
def translate(sql: str, sqlite: bool) -> str:
    """``:name`` placeholders as the driver wants them (psycopg: ``%(name)s``)."""
    if sqlite:
        return sql
    return _NAME.sub(r"%(\1)s", sql.replace("%", "%%"))


def as_date(value: Any) -> date | None:
    """A DATE column's value: sqlite3 gives ISO strings, psycopg gives dates."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _bind_sqlite(params: Params) -> dict[str, Any]:
    # ISO text, exactly as SQLAlchemy's SQLite Date type stores it (and no reliance
    # on sqlite3's default date adapter, deprecated since Python 3.12)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()}


def placeholders(prefix: str, count: int) -> str:
    """``:p0, :p1, ...`` for an IN list of ``count`` values."""
    return ", ".join(f":{prefix}{i}" for i in range(count))


def insert_sql(table: str, columns: Sequence[str], returning: str = "") -> str:
    """An INSERT of ``columns`` (quoted) with ``:column`` parameters."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(f":{c}" for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({values}){returning}"


class Raw:
    """A DBAPI cursor on the caller's connection (and so in its transaction)."""

    __slots__ = ("cursor", "dialect", "sqlite")

    def __init__(self, conn: Connection) -> None:
        self.dialect = conn.dialect.name
        self.sqlite = self.dialect == "sqlite"
        self.cursor: Any = conn.connection.cursor()

    def run(self, sql: str, params: Params | None = None) -> Any:
        bound = _bind_sqlite(params or {}) if self.sqlite else dict(params or {})
        self.cursor.execute(translate(sql, self.sqlite), bound)
        return self.cursor

    def many(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        bound = [_bind_sqlite(r) for r in rows] if self.sqlite else [dict(r) for r in rows]
        self.cursor.executemany(translate(sql, self.sqlite), bound)

    def all(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        return list(self.run(sql, params).fetchall())

    def first(self, sql: str, params: Params | None = None) -> tuple[Any, ...] | None:
        row = self.run(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def close(self) -> None:
        self.cursor.close()
