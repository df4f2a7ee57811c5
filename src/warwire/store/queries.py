"""Reading the store: filters to bound SQL, rows to the contract's records.

Every user value reaches the database as a bound parameter. Event records
carry all their ``doc_ids`` and claims (see :mod:`warwire.serialize`) and,
beyond the contract's fields, ``corroboration`` (independent sources: reposts
count once) and ``sources``, so every claim is shown with who published it;
the documents and registry entries behind them come from
:mod:`warwire.store.doc_queries`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Select, String, cast, func, literal, or_, select, text
from sqlalchemy.engine import Connection, Row

from warwire.geodesy import haversine_km
from warwire.merge import independent_sources
from warwire.serialize import event_record
from warwire.store import records
from warwire.store.base import EventQuery, Record
from warwire.store.doc_queries import CHUNK, doc_infos, source_summary
from warwire.store.filters import actor_names
from warwire.store.schema import (
    VERSION_TIME_KEY,
    changes,
    claims,
    documents,
    events,
    meta,
)
from warwire.types import Event


def fts_query(words: str) -> str | None:
    """User words as an FTS5 query of quoted prefix terms, so no FTS syntax leaks in.

    Prefixes let "drone" find "drones" and "shell" find "shelling", as a
    reader searching reports expects.
    """
    terms = re.findall(r"\w+", words)
    return " ".join('"' + t.replace('"', '""') + '"*' for t in terms) or None


def contains(column: Any, value: str) -> Any:
    return func.lower(column).contains(value.lower(), autoescape=True)


def event_filters(conn: Connection, q: EventQuery, stmt: Select[Any]) -> Select[Any]:
    if q.country:
        stmt = stmt.where(func.lower(events.c.country) == q.country.lower())
    if q.since:
        stmt = stmt.where(events.c.event_date >= q.since)
    if q.until:
        stmt = stmt.where(events.c.event_date <= q.until)
    if q.event_type:
        wanted = q.event_type.lower()
        stmt = stmt.where(
            or_(func.lower(events.c.event_type) == wanted,
                func.lower(events.c.sub_event_type) == wanted)
        )  # fmt: skip
    if q.actor:  # the term itself, or a canonical actor it is an alias of
        names = actor_names(q.actor)
        stmt = stmt.where(or_(*(contains(events.c.actors, n) for n in names)))
    if q.claimant:
        sub = select(claims.c.event_id).where(contains(claims.c.claimant, q.claimant))
        stmt = stmt.where(events.c.event_id.in_(sub.where(claims.c.event_id.is_not(None))))
    if q.hedge:
        sub = select(claims.c.event_id).where(claims.c.hedge == q.hedge.lower())
        stmt = stmt.where(events.c.event_id.in_(sub.where(claims.c.event_id.is_not(None))))
    if q.near:
        lat, lon, km = q.near
        dlat = km / 110.574
        dlon = km / max(1e-6, 111.320 * math.cos(math.radians(lat)))
        stmt = stmt.where(events.c.latitude.between(lat - dlat, lat + dlat))
        if abs(lon) + dlon < 180:
            stmt = stmt.where(events.c.longitude.between(lon - dlon, lon + dlon))
    if q.text and (terms := fts_query(q.text)):
        if conn.dialect.name == "sqlite":
            fts = text("SELECT event_id FROM events_fts WHERE events_fts MATCH :terms")
            stmt = stmt.where(events.c.event_id.in_(fts.bindparams(terms=terms)))
        elif conn.dialect.name == "postgresql":
            match = text("to_tsvector('simple', events.search_text) @@ to_tsquery('simple', :w)")
            prefixes = " & ".join(f"{t.lower()}:*" for t in re.findall(r"\w+", q.text))
            stmt = stmt.where(match.bindparams(w=prefixes))
        else:
            stmt = stmt.where(contains(events.c.search_text, q.text))
    return stmt


def _near_ok(q: EventQuery, row: Row[Any]) -> bool:
    if not q.near:
        return True
    if row.latitude is None or row.longitude is None:
        return False
    lat, lon, km = q.near
    return haversine_km(lat, lon, row.latitude, row.longitude) <= km


ORDER = (events.c.event_date.is_(None), events.c.event_date, events.c.seq)


def page_seqs(conn: Connection, q: EventQuery) -> list[int]:
    """The ``seq`` of each event on the page, in date order, chosen on narrow columns.

    Sorting and skipping whole rows (``data`` included) made deep pages several
    times slower; with ``near`` the exact distance check runs before paginating.
    """
    end = None if q.limit is None else q.offset + q.limit
    if q.near:
        stmt: Select[Any] = select(events.c.seq, events.c.latitude, events.c.longitude)
        found = conn.execute(event_filters(conn, q, stmt).order_by(*ORDER))
        return [int(r.seq) for r in found if _near_ok(q, r)][q.offset : end]
    page = event_filters(conn, q, select(events.c.seq)).order_by(*ORDER).offset(q.offset)
    if q.limit is not None:
        page = page.limit(q.limit)
    return [int(r.seq) for r in conn.execute(page)]


def _rows_by_seq(conn: Connection, seqs: list[int], *columns: Any) -> list[Row[Any]]:
    """Rows of ``columns`` for ``seqs``, in the order given."""
    rows: dict[int, Row[Any]] = {}
    for i in range(0, len(seqs), CHUNK):
        stmt = select(events.c.seq, *columns).where(events.c.seq.in_(seqs[i : i + CHUNK]))
        rows.update((int(r.seq), r) for r in conn.execute(stmt))
    return [rows[seq] for seq in seqs if seq in rows]


def _page_rows(conn: Connection, q: EventQuery) -> list[Row[Any]]:
    return _rows_by_seq(conn, page_seqs(conn, q), events.c.version, events.c.data)


def decode(row: Row[Any], cache: records.RowCache[Event] | None) -> Event:
    if cache is None:
        return records.event(json.loads(row.data))
    return cache.get(int(row.seq), int(row.version), partial(decode, row, None))


def find_events(
    conn: Connection, q: EventQuery, cache: records.RowCache[Event] | None = None
) -> list[Event]:
    """One page of events, in date order; only the page's rows are read (and decoded
    once per ``cache``)."""
    return [decode(r, cache) for r in _page_rows(conn, q)]


#: record keys that are exact copies of an events column (dates as ISO strings)
COLUMN_FIELDS: dict[str, Any] = {
    name: events.c[name]
    for name in ("event_id", "event_type", "sub_event_type", "country", "admin1", "event_date",
                 "latitude", "longitude", "fatalities")
}  # fmt: skip
#: record keys that need the documents (evidence text, publishers); the rest, including the
#: API's claim_count and claimants (claimant names only), need the event alone
DOCUMENT_FIELDS = frozenset({"claims", "evidence", "corroboration", "sources"})


def _no_text(_doc_id: str) -> str | None:
    return None


def event_summaries(
    conn: Connection,
    q: EventQuery,
    fields: Iterable[str],
    decoded: records.RowCache[Event] | None = None,
    shaped: records.RowCache[Record] | None = None,
) -> list[Record]:
    """Records holding at least ``fields`` (and ``event_id``) of each event on the page.

    A list view asks for a few keys: when each is a plain column the page is
    read from the columns alone (no JSON); when none needs the documents the
    record is the event's own (evidence without text), kept per row version in
    ``shaped``, so callers must not mutate it. Other requests get full records.
    """
    names = {*fields, "event_id"}
    if names <= COLUMN_FIELDS.keys():
        cols = [COLUMN_FIELDS[n] for n in sorted(names)]
        rows = _rows_by_seq(conn, page_seqs(conn, q), *cols)
        return [{n: _plain(getattr(r, n)) for n in names} for r in rows]
    page = _page_rows(conn, q)
    if names & DOCUMENT_FIELDS:
        return event_records(conn, [decode(r, decoded) for r in page])

    def shape(row: Row[Any]) -> Record:
        return event_record(decode(row, decoded), _no_text)

    if shaped is None:
        return [shape(r) for r in page]
    return [shaped.get(int(r.seq), int(r.version), partial(shape, r)) for r in page]


def _plain(value: Any) -> Any:
    """A column value as the contract record has it (dates as ISO strings)."""
    return value.isoformat() if isinstance(value, date) else value


def count_events(conn: Connection, q: EventQuery) -> int:
    if q.near:
        stmt = event_filters(conn, q, select(events.c.latitude, events.c.longitude))
        return sum(1 for r in conn.execute(stmt) if _near_ok(q, r))
    stmt = event_filters(conn, q, select(func.count()).select_from(events))
    return int(conn.execute(stmt).scalar_one())


def timeline(conn: Connection, q: EventQuery) -> list[Record]:
    """Events per day per ``event_type`` over every match (limit and offset ignored).

    Undated events are left out: a timeline has nowhere to put them. With
    ``near`` the exact distance check runs in Python, as in :func:`find_events`.
    """
    day, kind = events.c.event_date, events.c.event_type
    if q.near:
        stmt = event_filters(conn, q, select(day, kind, events.c.latitude, events.c.longitude))
        found = conn.execute(stmt.where(day.is_not(None)))
        counts = Counter((r.event_date, r.event_type) for r in found if _near_ok(q, r))
        rows = [(d, t, n) for (d, t), n in counts.items()]
    else:
        stmt = event_filters(conn, q, select(day, kind, func.count()).select_from(events))
        rows = [tuple(r) for r in conn.execute(stmt.where(day.is_not(None)).group_by(day, kind))]
    out = [{"day": str(d), "event_type": t, "events": int(n)} for d, t, n in rows]
    return sorted(out, key=lambda r: (r["day"], r["event_type"]))


def event_records(conn: Connection, found: list[Event]) -> list[Record]:
    """Contract event records plus ``corroboration`` and ``sources``."""
    needed = {d for e in found for d in e.doc_ids}
    needed |= {c.evidence.doc_id for e in found for c in e.claims}
    infos = doc_infos(conn, needed)

    def text_of(doc_id: str) -> str | None:
        info = infos.get(doc_id)
        return info.row.text if info else None

    def outlet_of(doc_id: str) -> str | None:
        info = infos.get(doc_id)
        if info is None:
            return None
        root = infos.get(info.row.syndicated_from) if info.row.syndicated_from else None
        return (root or info).outlet or (f"group:{info.row.syndication_group}")

    changed = change_times(conn, [e.event_id for e in found])
    out = []
    for event in found:
        record = event_record(event, text_of)
        record["timestamp"] = changed.get(event.event_id)
        for claim, claim_rec in zip(event.claims, record["claims"], strict=True):
            claim_rec["source"] = source_summary(infos.get(claim.evidence.doc_id))
        record["corroboration"] = independent_sources(event.doc_ids, outlet_of)
        record["sources"] = [source_summary(infos.get(d)) for d in event.doc_ids]
        out.append(record)
    return out


def change_times(conn: Connection, event_ids: list[str]) -> dict[str, int]:
    """When each event last changed, in unix seconds (ACLED's ``timestamp``), where
    the database recorded when its version was made; one query per chunk."""
    key = literal(VERSION_TIME_KEY) + cast(events.c.version, String)
    times: dict[str, int] = {}
    for i in range(0, len(event_ids), CHUNK):
        stmt = (
            select(events.c.event_id, meta.c.value)
            .join(meta, meta.c.key == key)
            .where(events.c.event_id.in_(event_ids[i : i + CHUNK]))
        )
        times.update((r.event_id, int(r.value)) for r in conn.execute(stmt))
    return times


def dataset_version(conn: Connection) -> int:
    stmt = select(meta.c.value).where(meta.c.key == "dataset_version")
    return int(conn.execute(stmt).scalar_one())


def iter_events(conn: Connection, since_version: int | None = None) -> Iterator[Event]:
    """Every live event (or those changed after ``since_version``), in chunks."""
    last = 0
    while True:
        stmt = select(events.c.seq, events.c.data).where(events.c.seq > last)
        if since_version is not None:
            stmt = stmt.where(events.c.version > since_version)
        rows = list(conn.execute(stmt.order_by(events.c.seq).limit(CHUNK)))
        if not rows:
            return
        last = rows[-1].seq
        for row in rows:
            yield records.event(json.loads(row.data))


def tombstones(conn: Connection, since_version: int) -> list[Record]:
    """Events merged away or deleted after ``since_version`` and not live now."""
    live = select(events.c.event_id)
    rows = conn.execute(
        select(changes.c.event_id, changes.c.change, changes.c.merged_into, changes.c.version)
        .where(changes.c.version > since_version)
        .where(changes.c.change.in_(("merged", "deleted")))
        .where(changes.c.event_id.not_in(live))
        .order_by(changes.c.seq)
    )
    latest: dict[str, Record] = {}
    for r in rows:
        latest[r.event_id] = {"kind": "tombstone", "event_id": r.event_id, "change": r.change,
                              "merged_into": r.merged_into, "version": r.version}  # fmt: skip
    return list(latest.values())


def full_id(conn: Connection, kind: str, prefix: str) -> str:
    """The one event or document id starting with ``prefix`` (tables show short ids).

    Raises LookupError when none or several match."""
    column = {"event": events.c.event_id, "document": documents.c.doc_id}[kind]
    prefix = prefix.strip()
    found = list(conn.execute(select(column).where(column == prefix)).scalars())
    if not found and len(prefix) >= 4:
        stmt = select(column).where(column.startswith(prefix, autoescape=True)).limit(3)
        found = list(conn.execute(stmt).scalars())
    if not found:
        raise LookupError(f"no {kind} with id {prefix!r}")
    if len(found) > 1:
        raise LookupError(f"{kind} id {prefix!r} is ambiguous ({', '.join(found)}, ...)")
    return str(found[0])
