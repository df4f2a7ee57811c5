"""Syndication groups in the database: which stored article a new one copies.

Candidates come from the ``bands`` table (banded MinHash keys, indexed), in
one query that also fetches their texts, so the lookup costs the same at 100k
documents as at 100; each candidate is then verified on real shingles
(:mod:`warwire.clean.syndication`). A group's original is its
earliest-published member, whatever order they arrive in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from warwire.clean import syndication as syn
from warwire.store.rawsql import Raw, as_date, placeholders
from warwire.types import Document

MAX_CANDIDATES = 50
BandIndex = dict[int, list[str]]  # band key -> documents stored under it


def _band_query(count: int) -> str:
    return (
        "SELECT d.doc_id, d.text, d.url, d.seq, d.syndication_group FROM documents d "
        "WHERE d.superseded_by IS NULL AND d.doc_id IN ("
        f"SELECT b.doc_id FROM bands b WHERE b.band_key IN ({placeholders('k', count)}) "
        f"GROUP BY b.doc_id ORDER BY count(*) DESC, b.doc_id LIMIT {MAX_CANDIDATES}) "
        "ORDER BY d.seq"
    )


def _eligible(fp: syn.Fingerprint) -> bool:
    return fp.size >= syn.MIN_SHINGLES and bool(fp.bands)


def band_index(raw: Raw, fps: Iterable[syn.Fingerprint]) -> BandIndex:
    """The stored documents under each band key of ``fps``, read in one query for a
    batch instead of one a document (the batch's own are added as they are written)."""
    keys = sorted({k for fp in fps if _eligible(fp) for k in fp.bands})
    index: BandIndex = {k: [] for k in keys}
    sql = "SELECT band_key, doc_id FROM bands WHERE {cond}"
    for key, doc_id in raw.all_in(sql, "band_key", keys, "bigint"):
        index[int(key)].append(str(doc_id))
    return index


def _candidates(raw: Raw, keys: list[int], index: BandIndex) -> list[tuple[Any, ...]]:
    """The documents sharing most bands with ``keys``, as :func:`_band_query` finds
    them; its query runs only when there are more than it keeps."""
    shared = Counter(d for k in keys for d in index.get(k, ()))
    if len(shared) > MAX_CANDIDATES:  # which are kept depends on the database's order
        params = {f"k{i}": k for i, k in enumerate(keys)}
        return raw.all(_band_query(len(keys)), params, replan=True)  # its best join changes
    if not shared:
        return []
    cond, params = raw.one_of("d.doc_id", "d", sorted(shared), "text")
    return raw.all(
        "SELECT d.doc_id, d.text, d.url, d.seq, d.syndication_group FROM documents d "
        f"WHERE d.superseded_by IS NULL AND {cond} ORDER BY d.seq",
        params,
    )


def find_group(raw: Raw, doc: Document, fp: syn.Fingerprint, index: BandIndex) -> str | None:
    """The syndication group of the stored near-duplicate this doc copies, if any;
    ``index``: :func:`band_index` of (at least) ``fp``."""
    if not _eligible(fp):
        return None
    rows = _candidates(raw, sorted(set(fp.bands)), index)
    if not rows:
        return None
    mine = syn.shingles(doc.text)
    for _doc_id, text, url, _seq, group in rows:
        if doc.source.url and url == doc.source.url:
            continue  # an older revision of this page, not a repost
        theirs = syn.shingles(text)
        if min(len(mine), len(theirs)) >= syn.MIN_SHINGLES and (
            syn.overlap(mine, theirs) >= syn.VERIFY_THRESHOLD
        ):
            return str(group)
    return None


def _earliest(rows: list[tuple[Any, ...]]) -> str:
    first = min(rows, key=lambda r: (as_date(r[1]) or date.max, r[2]))
    return str(first[0])


def earliest_in_group(raw: Raw, group: str) -> str:
    """The group's first article: earliest publication date, then first stored."""
    rows = raw.all(
        "SELECT doc_id, published, seq FROM documents "
        "WHERE syndication_group = :g AND superseded_by IS NULL",
        {"g": group},
    )
    return _earliest(rows)


def reroot_group(raw: Raw, group: str) -> str:
    """Point every member of a group at its earliest article (it may be the new one)."""
    root = earliest_in_group(raw, group)
    raw.run(
        "UPDATE documents SET syndicated_from = CASE WHEN doc_id = :r THEN NULL ELSE :r END "
        "WHERE syndication_group = :g",
        {"r": root, "g": group},
    )
    return root
