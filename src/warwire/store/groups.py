"""Syndication groups in the database: which stored article a new one copies.

Candidates come from the ``bands`` table (banded MinHash keys, indexed), so
the lookup costs the same at 100k documents as at 100; each candidate is then
verified on real shingles (:mod:`warwire.clean.syndication`). A group's
original is its earliest-published member, whatever order they arrive in.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from warwire.clean import syndication as syn
from warwire.store.schema import bands, documents
from warwire.types import Document

MAX_CANDIDATES = 50


def find_original(
    conn: Connection, doc: Document, fp: syn.Fingerprint
) -> tuple[str | None, str | None]:
    """(syndicated_from, group) of the stored near-duplicate this doc copies, if any."""
    if fp.size < syn.MIN_SHINGLES:
        return None, None
    shared = func.count().label("shared")
    rows = conn.execute(
        select(bands.c.doc_id, shared)
        .where(bands.c.band_key.in_(fp.bands))
        .group_by(bands.c.doc_id)
        .order_by(shared.desc(), bands.c.doc_id)
        .limit(MAX_CANDIDATES)
    ).all()
    if not rows:
        return None, None
    candidates = conn.execute(
        select(documents.c.doc_id, documents.c.text, documents.c.url, documents.c.published,
               documents.c.seq, documents.c.syndication_group)
        .where(documents.c.doc_id.in_([r.doc_id for r in rows]))
        .where(documents.c.superseded_by.is_(None))
    ).all()  # fmt: skip
    mine = syn.shingles(doc.text)
    for cand in sorted(candidates, key=lambda c: c.seq):
        if doc.source.url and cand.url == doc.source.url:
            continue  # an older revision of this page, not a repost
        theirs = syn.shingles(cand.text)
        if min(len(mine), len(theirs)) >= syn.MIN_SHINGLES and (
            syn.overlap(mine, theirs) >= syn.VERIFY_THRESHOLD
        ):
            group = cand.syndication_group
            return earliest_in_group(conn, group), group
    return None, None


def earliest_in_group(conn: Connection, group: str) -> str:
    """The group's first article: earliest publication date, then first stored."""
    rows = conn.execute(
        select(documents.c.doc_id, documents.c.published, documents.c.seq)
        .where(documents.c.syndication_group == group)
        .where(documents.c.superseded_by.is_(None))
    ).all()
    first = min(rows, key=lambda r: (r.published or date.max, r.seq))
    return str(first.doc_id)


def reroot_group(conn: Connection, group: str) -> None:
    """Point every member of a group at its earliest article (it may be the new one)."""
    root = earliest_in_group(conn, group)
    conn.execute(
        update(documents).where(documents.c.syndication_group == group).values(syndicated_from=None)
    )
    conn.execute(
        update(documents)
        .where(documents.c.syndication_group == group)
        .where(documents.c.doc_id != root)
        .values(syndicated_from=root)
    )
