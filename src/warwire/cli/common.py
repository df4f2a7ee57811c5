"""Options and helpers shared by the commands that read inputs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from warwire.config import Settings, load_settings
from warwire.types import Rejection

T = TypeVar("T")


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads documents takes."""
    func = click.option(
        "--allow-private",
        is_flag=True,
        default=None,
        help="Allow URLs that resolve to loopback/private/link-local addresses.",
    )(func)
    func = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=None,
        help="Largest document accepted, in bytes (default 5 MB).",
    )(func)
    func = click.argument("inputs", nargs=-1, required=True)(func)
    return func


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--engine ray [--address ADDR]``: the same stages on a Ray cluster (warwire[ray])."""
    func = click.option(
        "--address",
        default=None,
        metavar="ADDR",
        help="Ray cluster to join (auto, ray://host:10001); default: start one here.",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where the pipeline runs: this process, or Ray actors (pip install warwire[ray]).",
    )(func)
    return func


def processes_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-j N``: N worker processes, each running the whole pipeline (warwire.pool)."""
    return click.option(
        "-j",
        "--processes",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes, each running the whole pipeline [default: n_process setting, 1].",
    )(func)


def failure_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--errors FILE`` and ``--time-budget SECONDS``, for the commands that analyse."""
    func = click.option(
        "--time-budget",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        metavar="SECONDS",
        help="Longest one stage may take on one document; over it, the document is "
        "rejected (default 300; WARWIRE_TIME_BUDGET).",
    )(func)
    func = click.option(
        "--errors",
        "errors_file",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        metavar="FILE",
        help="Also write every rejection as a JSON line (input, stage, reason, error, "
        "traceback) to FILE, for bug reports.",
    )(func)
    return func


def settings_from(**options: Any) -> Settings:
    return load_settings(
        allow_private=options.get("allow_private"),
        max_document_bytes=options.get("max_bytes"),
        db=options.get("db"),
        time_budget=options.get("time_budget"),
        n_process=options.get("processes"),
    )


def report_rejection(rejection: Rejection) -> None:
    click.echo(f"warwire: {rejection.message()}", err=True)


def error_record(rejection: Rejection) -> dict[str, Any]:
    """One ``--errors`` line: ``error`` and ``traceback`` are null for an input
    rejected on purpose (unreadable, too large ...), set for an unexpected error."""
    return {
        "input": rejection.input_id,
        "stage": rejection.stage,
        "reason": rejection.reason,
        "error": rejection.error,
        "detail": rejection.detail,
        "traceback": rejection.traceback,
    }


@contextmanager
def rejection_reporter(errors_file: str | None) -> Iterator[Callable[[Rejection], None]]:
    """Report a rejection: its stderr line, and with ``--errors FILE`` its JSON line,
    flushed at once so a run that dies later still leaves what it saw."""
    if errors_file is None:
        yield report_rejection
        return
    import json

    with open(errors_file, "w", encoding="utf-8") as out:

        def report(rejection: Rejection) -> None:
            report_rejection(rejection)
            out.write(json.dumps(error_record(rejection), ensure_ascii=False) + "\n")
            out.flush()

        yield report


def expected_documents(inputs: Iterable[str]) -> int | None:
    """How many documents ``inputs`` hold, for a progress bar's total: files count
    one each, JSONL files one per non-blank line. None when it cannot be known
    cheaply (URLs, feeds, WARC archives, standard input)."""
    import os

    from warwire.ingest.files import kind_of, walk

    total = 0
    for item in inputs:
        if item == "-" or "://" in item:
            return None
        paths = walk(item) if os.path.isdir(item) else iter([item])
        for path in paths:
            if not isinstance(path, str):
                continue  # an unreadable entry: reported (and counted) when read
            kind = kind_of(path)
            if kind in ("warc", "feed"):
                return None
            if kind == "jsonl":
                try:
                    with open(path, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr (with the total and time left when ``total``
    is known), only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def counted(items: Iterable[T], tick: Callable[[], None]) -> Iterator[T]:
    for item in items:
        tick()
        yield item


def columns_option(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def callback(_ctx: Any, _param: Any, value: str | None) -> tuple[str, ...] | None:
        from warwire.tables import parse_columns

        try:
            return parse_columns(value, kind)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None

    return click.option(
        "--columns",
        callback=callback,
        metavar="A,B,...",
        help=f"Table columns to show (e.g. event_id,country); any field of a {kind} record.",
    )
