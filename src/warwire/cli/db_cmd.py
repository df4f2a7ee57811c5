"""The database commands: ``ingest``, ``events``, ``claims``, ``documents``, ``export``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import click

from warwire.cli.common import (
    engine_options,
    input_options,
    progress,
    report_rejection,
    settings_from,
)
from warwire.errors import StoreError
from warwire.store.base import IngestResult

QUERY_FORMATS = ("table", "jsonl", "acled-csv", "geojson")


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        default=None,
        metavar="URL",
        help="sqlite:///path.db or postgresql://... (default sqlite:///warwire.db; WARWIRE_DB).",
    )(func)


def _open(db: str | None, must_exist: bool = True) -> Any:
    from sqlalchemy.engine import make_url

    from warwire.store import open_store

    url = settings_from(db=db).db
    if must_exist and url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no database at {path}; run 'warwire ingest' first")
    return open_store(url)


def _near(_ctx: Any, _param: Any, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter("expected LAT,LON,KM such as 32.4,13.6,25") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter("latitude -90..90, longitude -180..180, km > 0")
    return (lat, lon, km)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _write(records: list[dict[str, Any]], fmt: str, out: IO[str]) -> None:
    from warwire.export import make_writer

    writer = make_writer(fmt, out)
    for record in records:
        writer.write(record)
    writer.close()


# --------------------------------------------------------------------------- ingest


@click.command("ingest")
@input_options
@db_option
@engine_options
def ingest_command(
    inputs: tuple[str, ...], engine: str, address: str | None, **options: Any
) -> None:
    """Analyse INPUTS and store them in the event database.

    Each document is stored in one transaction; documents already stored are
    skipped, so re-running an interrupted ingest resumes it.
    """
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        settings = settings_from(**options)
        store = _open(settings.db, must_exist=False)
        counts = {"added": 0, "revised": 0, "unchanged": 0, "rejected": 0}
        added = merged = 0
        try:
            with progress("ingesting") as tick:
                for item in _ingest(engine, address, inputs, settings, store):
                    tick()
                    if isinstance(item, IngestResult):
                        counts[item.status] += 1
                        added += item.events_added
                        merged += item.events_merged
                    else:
                        counts["rejected"] += 1
                        report_rejection(item)
            version = store.version()
        finally:
            store.close()
        click.echo(
            f"{counts['added']} added, {counts['revised']} revised, "
            f"{counts['unchanged']} unchanged, {counts['rejected']} rejected; "
            f"events: {added} new, {merged} merged; dataset version {version}"
        )
        if counts["added"] + counts["revised"] + counts["unchanged"] == 0:
            sys.exit(1)

    run()


def _ingest(
    engine: str, address: str | None, inputs: tuple[str, ...], settings: Any, store: Any
) -> Any:
    from warwire.store import ingest

    if engine == "ray":
        from warwire.distributed import RayOptions, ingest_ray

        return ingest_ray(inputs, store, settings, RayOptions(address=address))
    return ingest(inputs, settings, store)


# --------------------------------------------------------------------------- queries


@click.command("events")
@db_option
@click.option("--country")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--type", "event_type", help="Event type or sub-event type.")
@click.option("--actor")
@click.option("--near", callback=_near, metavar="LAT,LON,KM")
@click.option("--text", help="Words in the notes, evidence or titles.")
@click.option("--claimant")
@click.option("--hedge", type=click.Choice(
    ["none", "claimed", "reportedly", "alleged", "according_to", "unconfirmed"]))  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def events_command(db: str | None, fmt: str, output: IO[str], **filters: Any) -> None:
    """Events in the database, with all their claims and documents."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.store import EventQuery

        query = EventQuery(**{**filters, "since": _day(filters["since"]),
                              "until": _day(filters["until"])})  # fmt: skip
        store = _open(db)
        try:
            found = store.events(query)
            docs: list[dict[str, Any]] = []
            if fmt == "acled-csv":  # the writer fills ACLED's source column from these
                wanted = {d for e in found for d in e["doc_ids"]}
                docs = [r for d in sorted(wanted) if (r := store.document(d))]
        finally:
            store.close()
        _write([*docs, *found], fmt, output)

    run()


@click.command("claims")
@db_option
@click.option("--claimant")
@click.option("--hedge")
@click.option("--doc", "doc_id", help="Only claims of this document.")
@click.option("--text")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def claims_command(db: str | None, fmt: str, output: IO[str], **filters: Any) -> None:
    """Claims in the database: inside events and standalone, with their sources."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.store import ClaimQuery

        store = _open(db)
        try:
            found = store.claims(ClaimQuery(**filters))
        finally:
            store.close()
        _write(found, fmt, output)

    run()


@click.command("documents")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def documents_command(
    db: str | None, limit: int | None, offset: int, fmt: str, output: IO[str]
) -> None:
    """Stored documents, with ``syndicated_from`` for reposts."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        store = _open(db)
        try:
            found = store.documents(limit=limit, offset=offset)
        finally:
            store.close()
        _write(found, fmt, output)

    run()


@click.command("export")
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]))  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--changed-since",
    type=click.IntRange(min=0),
    default=None,
    metavar="VERSION",
    help="Only events added, updated or merged away after this dataset version.",
)
def export_command(db: str | None, fmt: str, output: Path, changed_since: int | None) -> None:
    """Export the whole event dataset (or what changed) to FILE."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.store import export_events

        store = _open(db)
        try:
            if fmt == "parquet":
                with output.open("wb") as fb:
                    count = export_events(store, fmt, fb, changed_since)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    count = export_events(store, fmt, fh, changed_since)
            version = store.version()
        finally:
            store.close()
        click.echo(f"{count} events written to {output} (dataset version {version})", err=True)

    run()


def register(group: click.Group) -> None:
    for command in (
        ingest_command, events_command, claims_command, documents_command, export_command,
    ):  # fmt: skip
        group.add_command(command)
