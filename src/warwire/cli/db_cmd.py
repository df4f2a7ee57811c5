"""The database commands: ``ingest``, ``events``, ``claims``, ``documents``, ``export``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import click

from warwire.clean.language import NOT_EXTRACTED
from warwire.cli.common import (
    columns_option,
    engine_options,
    expected_documents,
    failure_options,
    input_options,
    processes_option,
    progress,
    rejection_reporter,
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


def open_db(db: str | None, must_exist: bool = True) -> Any:
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


def _write(
    records: list[dict[str, Any]], fmt: str, out: IO[str], columns: tuple[str, ...] | None = None
) -> None:
    from warwire.export import make_writer

    writer = make_writer(fmt, out, columns)
    for record in records:
        writer.write(record)
    writer.close()


# --------------------------------------------------------------------------- ingest


@click.command("ingest")
@input_options
@db_option
@engine_options
@failure_options
@processes_option
@click.option("-v", "--verbose", is_flag=True, help="One line per document: what it did.")
def ingest_command(
    inputs: tuple[str, ...],
    verbose: bool,
    engine: str,
    address: str | None,
    errors_file: str | None,
    **options: Any,
) -> None:
    """Analyse INPUTS and store them in the event database.

    Each document is stored in one transaction; documents already stored are
    skipped, so re-running an interrupted ingest resumes it.
    """
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        settings = settings_from(**options)
        store = open_db(settings.db, must_exist=False)
        counts = {"added": 0, "revised": 0, "unchanged": 0, "rejected": 0}
        added = merged = 0
        try:
            with (
                rejection_reporter(errors_file) as report,
                progress("ingesting", expected_documents(inputs)) as tick,
            ):
                for item in _ingest(engine, address, inputs, settings, store):
                    tick()
                    if isinstance(item, IngestResult):
                        counts[item.status] += 1
                        added += item.events_added
                        merged += item.events_merged
                        if verbose:
                            click.echo(document_line(item), err=True)
                    else:  # a document kept unread (its language) is stored, not rejected
                        counts["rejected"] += item.reason != NOT_EXTRACTED
                        report(item)
            version = store.version()
        finally:
            store.close()
        click.echo(
            f"documents: {counts['added']} added, {counts['revised']} revised, "
            f"{counts['unchanged']} unchanged (already stored), {counts['rejected']} rejected\n"
            f"events: {added} new, {merged} reports merged into stored events; "
            f"dataset version {version}"
        )
        if counts["added"] + counts["revised"] + counts["unchanged"] == 0:
            sys.exit(1)

    run()


def _ingest(
    engine: str, address: str | None, inputs: tuple[str, ...], settings: Any, store: Any
) -> Any:
    from warwire.pipeline import ingest

    if engine == "ray":
        from warwire.distributed import RayOptions, ingest_ray

        return ingest_ray(inputs, store, settings, RayOptions(address=address))
    return ingest(inputs, settings, store)


def document_line(result: IngestResult) -> str:
    """``--verbose``: what one document did to the database."""
    repost = f", a repost of {result.syndicated_from[:11]}" if result.syndicated_from else ""
    return (f"{result.doc_id[:11]}  {result.status}: {result.events_added} new events, "
            f"{result.events_merged} merged{repost}")  # fmt: skip


# --------------------------------------------------------------------------- queries


def checked_by(check: str) -> Callable[[Any, Any, str | None], str | None]:
    """A click callback running :mod:`warwire.store.filters`' ``check``: the canonical
    value, or a usage error (exit 2) with a hint."""

    def callback(_ctx: Any, _param: Any, value: str | None) -> str | None:
        from warwire.store import filters

        if value is None:
            return None
        try:
            return getattr(filters, check)(value)
        except filters.FilterError as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


def hedge_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--hedge",
        callback=checked_by("hedge"),
        help="none, claimed, reportedly, alleged, according_to or unconfirmed.",
    )(func)


def resolve_id(store: Any, kind: str, prefix: str) -> str:
    """A unique id prefix (as the tables show) -> the full id; unknown is exit 2."""
    from warwire.cli.errors import fail
    from warwire.store.queries import full_id

    try:
        with store.engine.connect() as conn:
            return full_id(conn, kind, prefix)
    except LookupError as exc:
        fail(str(exc.args[0]), 2)
        raise  # unreachable: fail exits


def _none_match(noun: str, filters: dict[str, Any]) -> None:
    flag = {"event_type": "type", "doc_id": "doc"}
    given = [f"--{flag.get(k, k)} {v}" for k, v in filters.items() if v not in (None, 0)]
    hint = f" ({' '.join(given)}); try fewer filters" if given else ""
    click.echo(f"warwire: 0 {noun} match{hint}", err=True)


@click.command("events")
@db_option
@click.option("--country", callback=checked_by("country_name"),
              help="ISO-2 or ISO-3 code or name: LY, LBY, Libya.")  # fmt: skip
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD")
@click.option("--type", "event_type", callback=checked_by("event_type"),
              help="ACLED event type or sub-event type, any case; a prefix will do.")  # fmt: skip
@click.option("--actor", help="Actor name or alias, any case (haftar finds the LNA).")
@click.option("--near", callback=_near, metavar="LAT,LON,KM")
@click.option("--text", help="Words in the notes, evidence or titles.")
@click.option("--claimant")
@hedge_option
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table")
@columns_option("event")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def events_command(
    db: str | None, fmt: str, columns: tuple[str, ...] | None, output: IO[str], **filters: Any
) -> None:
    """Events in the database, with all their claims and documents."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.store import EventQuery

        query = EventQuery(**{**filters, "since": _day(filters["since"]),
                              "until": _day(filters["until"])})  # fmt: skip
        store = open_db(db)
        try:
            found = store.events(query)
            docs: list[dict[str, Any]] = []
            if fmt == "acled-csv":  # the writer fills ACLED's source column from these
                wanted = {d for e in found for d in e["doc_ids"]}
                docs = [r for d in sorted(wanted) if (r := store.document(d))]
        finally:
            store.close()
        if not found:
            _none_match("events", filters)
        _write([*docs, *found], fmt, output, columns)

    run()


@click.command("claims")
@db_option
@click.option("--claimant", help="Words of the claimant's name, any case.")
@hedge_option
@click.option("--doc", "doc_id", help="Only claims of this document (an id prefix will do).")
@click.option("--text")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@columns_option("claim")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def claims_command(
    db: str | None, fmt: str, columns: tuple[str, ...] | None, output: IO[str], **filters: Any
) -> None:
    """Claims in the database: inside events and standalone, with their sources."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.store import ClaimQuery

        store = open_db(db)
        try:
            if filters["doc_id"]:
                filters["doc_id"] = resolve_id(store, "document", filters["doc_id"])
            found = store.claims(ClaimQuery(**filters))
        finally:
            store.close()
        if not found:
            _none_match("claims", filters)
        _write(found, fmt, output, columns)

    run()


@click.command("documents")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@columns_option("document")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def documents_command(
    db: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
    columns: tuple[str, ...] | None,
    output: IO[str],
) -> None:
    """Stored documents, with ``syndicated_from`` for reposts."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        store = open_db(db)
        try:
            found = store.documents(limit=limit, offset=offset)
        finally:
            store.close()
        _write(found, fmt, output, columns)

    run()


@click.command("export")
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]))  # fmt: skip
@click.option("-o", "--output", required=True, help="FILE, or - for standard output.",
              type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))  # fmt: skip
@click.option(
    "--changed-since",
    type=click.IntRange(min=0),
    default=None,
    metavar="VERSION",
    help="Only events added, updated or merged away after this dataset version.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="acled-csv: start with a UTF-8 byte-order mark, so Excel reads the names right.",
)
@click.option(
    "--ascii",
    "ascii_only",
    is_flag=True,
    help="acled-csv: names and notes transliterated to ASCII (Ḩajjah -> Hajjah).",
)
def export_command(
    db: str | None,
    fmt: str,
    output: Path,
    changed_since: int | None,
    excel: bool,
    ascii_only: bool,
) -> None:
    """Export the whole event dataset (or what changed) to FILE (- for stdout)."""
    from warwire.cli.errors import friendly_errors

    if (excel or ascii_only) and fmt != "acled-csv":
        raise click.UsageError("--excel and --ascii apply to --format acled-csv only")

    @friendly_errors
    def run() -> None:
        from warwire.store import export_events

        store = open_db(db)
        to_stdout = str(output) == "-"
        try:
            if to_stdout:
                out: Any = sys.stdout.buffer if fmt == "parquet" else sys.stdout
                if excel:
                    out.write("\ufeff")
                count = export_events(store, fmt, out, changed_since, ascii_only)
            elif fmt == "parquet":
                with output.open("wb") as fb:
                    count = export_events(store, fmt, fb, changed_since)
            else:
                encoding = "utf-8-sig" if excel else "utf-8"
                with output.open("w", encoding=encoding, newline="") as fh:
                    count = export_events(store, fmt, fh, changed_since, ascii_only)
            version = store.version()
        finally:
            store.close()
        where = "standard output" if to_stdout else output
        click.echo(f"{count} events written to {where} (dataset version {version})", err=True)

    run()


def register(group: click.Group) -> None:
    for command in (
        ingest_command, events_command, claims_command, documents_command, export_command,
    ):  # fmt: skip
        group.add_command(command)
