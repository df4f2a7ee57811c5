"""Hot-path SQL straight through the DBAPI cursor of the caller's transaction.

SQLAlchemy Core spends about half a millisecond of Python per statement
(cache keys, compiled-cache lookups, result set-up), which dominated ingest at
some thirty statements a document. The write path therefore runs plain SQL on
the *same* connection, inside the transaction SQLAlchemy opened, so one
document is still one transaction. Statements are written once with
``:name`` parameters and translated (and cached) per dialect: sqlite3 takes
them as they are, psycopg wants ``%(name)s``.

Rows that nothing reads back while a document is written (claims, change
rows, report rows, full-text rows, fingerprints) can be *deferred*: queued
and written in bulk, with ``executemany`` on SQLite and ``COPY`` on
PostgreSQL, when the transaction ends or, earlier, just before a statement
that names one of their tables (or any DELETE, so a foreign key never sees a
row out of order). Rows of one table keep their order, so ids and results
are those of writing them one at a time. Rows kept by rowid (SQLite's
full-text rows, rewritten whenever their event is) are *replaced* the same
way: only the last version of each goes in, after one bulk delete of the old.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection

Params = Mapping[str, Any]
CHUNK = 5000  # values per IN list
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


@lru_cache(maxsize=512)
def _names(sql: str) -> frozenset[str]:
    """The words of a statement (its table names among them); DELETE flushes all."""
    words = frozenset(re.findall(r"\w+", sql))
    return words | {"*"} if sql.lstrip().upper().startswith("DELETE") else words


class Raw:
    """A DBAPI cursor on the caller's connection (and so in its transaction)."""

    __slots__ = ("cursor", "dialect", "pending", "replaced", "sqlite")

    def __init__(self, conn: Connection) -> None:
        self.dialect = conn.dialect.name
        self.sqlite = self.dialect == "sqlite"
        self.cursor: Any = conn.connection.cursor()
        # table -> (columns, rows) waiting to be written, in the order they came
        self.pending: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        # table -> (columns, {rowid: (row or None when gone, an older row may be stored)})
        self.replaced: dict[str, tuple[tuple[str, ...], dict[int, tuple[Any, bool]]]] = {}

    def defer(self, table: str, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> None:
        """Queue rows (no date values: they are written as given) for :meth:`flush`."""
        if not rows:
            return
        have = self.pending.get(table)
        if have is None:
            self.pending[table] = (columns, list(rows))
        else:
            assert have[0] == columns, f"{table}: deferred with other columns"
            have[1].extend(rows)

    def replace(
        self,
        table: str,
        columns: tuple[str, ...],
        rowid: int,
        row: tuple[Any, ...] | None,
        new: bool = False,
    ) -> None:
        """Queue ``table``'s row at ``rowid`` to become ``row`` (None: deleted) at :meth:`flush`.

        ``new``: no row at ``rowid`` was stored before (one deleted earlier in
        this transaction still counts as stored until the flush removes it)."""
        _, rows = self.replaced.setdefault(table, (columns, {}))
        before = rows.get(rowid)
        rows[rowid] = (row, (before[1] if before else False) or not new)

    def flush(self, tables: Iterable[str] | None = None) -> None:
        """Write the deferred rows (of ``tables``; default all), one bulk statement a table."""
        wanted = self.replaced.keys() if tables is None else self.replaced.keys() & set(tables)
        for table in list(wanted):
            columns, keyed = self.replaced.pop(table)
            old = [(rowid,) for rowid, (_, stored) in keyed.items() if stored]
            self.cursor.executemany(f"DELETE FROM {table} WHERE rowid = ?", old)
            rows = [(rowid, *row) for rowid, (row, _) in keyed.items() if row is not None]
            self.defer(table, ("rowid", *columns), rows)
        names = self.pending.keys() if tables is None else self.pending.keys() & set(tables)
        for table in list(names):
            columns, rows = self.pending.pop(table)
            quoted = ", ".join(f'"{c}"' for c in columns)
            if self.sqlite:
                marks = ", ".join("?" * len(columns))
                self.cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)
                continue
            with self.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _before(self, sql: str) -> None:
        if self.pending or self.replaced:
            names = _names(sql)
            if "*" in names:
                self.flush()
            elif not (names.isdisjoint(self.pending) and names.isdisjoint(self.replaced)):
                self.flush(names)  # rows of other tables can wait: only a DELETE drops parents

    def run(self, sql: str, params: Params | None = None, replan: bool = False) -> Any:
        """``replan``: PostgreSQL plans the statement afresh each time instead of
        reusing a prepared plan, which psycopg makes after five runs and the
        server may keep generic: made while a table was small, such a plan
        can scan what has since grown large."""
        self._before(sql)
        if self.sqlite:
            self.cursor.execute(sql, _bind_sqlite(params or {}))
        elif replan:
            self.cursor.execute(translate(sql, False), dict(params or {}), prepare=False)
        else:
            self.cursor.execute(translate(sql, False), dict(params or {}))
        return self.cursor

    def one_of(
        self, column: str, prefix: str, values: Sequence[Any], sql_type: str
    ) -> tuple[str, dict[str, Any]]:
        """A condition that ``column`` is one of ``values`` (bound, never spliced), with
        its parameters: one array on PostgreSQL (one statement text whatever the
        count), an IN list on SQLite. ``sql_type``: the column's PostgreSQL type."""
        if self.sqlite:
            params = {f"{prefix}{i}": v for i, v in enumerate(values)}
            return f"{column} IN ({placeholders(prefix, len(values))})", params
        return f"{column} = ANY(CAST(:{prefix} AS {sql_type}[]))", {prefix: list(values)}

    def all_in(
        self, sql: str, column: str, values: Sequence[Any], sql_type: str
    ) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` whose ``{cond}`` is :meth:`one_of` ``values``, in chunks
        of :data:`CHUNK` (SQLite caps the parameters of a statement)."""
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(values), CHUNK):
            cond, params = self.one_of(column, "v", values[i : i + CHUNK], sql_type)
            rows += self.all(sql.format(cond=cond), params)
        return rows

    def many(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        self._before(sql)
        bound = [_bind_sqlite(r) for r in rows] if self.sqlite else [dict(r) for r in rows]
        self.cursor.executemany(translate(sql, self.sqlite), bound)

    def all(
        self, sql: str, params: Params | None = None, replan: bool = False
    ) -> list[tuple[Any, ...]]:
        return list(self.run(sql, params, replan).fetchall())

    def first(self, sql: str, params: Params | None = None) -> tuple[Any, ...] | None:
        row = self.run(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def close(self) -> None:
        """Release the cursor, writing what is deferred unless an exception is on its
        way out (the transaction is then rolled back anyway)."""
        try:
            if sys.exc_info()[1] is None:
                self.flush()
            else:
                self.pending.clear()
                self.replaced.clear()
        finally:
            self.cursor.close()
