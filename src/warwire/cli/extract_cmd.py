"""``warwire extract``: inputs in, records out, no database."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO

import click

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
from warwire.config import Settings
from warwire.export import FORMATS, analysis_records, make_writer
from warwire.pipeline import extract
from warwire.types import Analysis, Rejection


@click.command("extract")
@input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option("--with-text", is_flag=True, help="Include each document's cleaned text.")
@processes_option
@engine_options
@failure_options
@columns_option("event")
def extract_command(
    inputs: tuple[str, ...],
    fmt: str,
    output: IO[str],
    with_text: bool,
    engine: str,
    address: str | None,
    columns: tuple[str, ...] | None,
    errors_file: str | None,
    **options: object,
) -> None:
    """Extract documents, events, claims and relations from INPUTS.

    INPUTS are files (.html .htm .md .txt .jsonl .warc .warc.gz), directories,
    '-' for standard input, http(s) URLs and RSS/Atom feeds.
    """
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        settings = settings_from(**options)
        writer = make_writer(fmt, output, columns)
        processed = 0
        with (
            rejection_reporter(errors_file) as report,
            progress("extracting", expected_documents(inputs)) as tick,
        ):
            for item in run_engine(engine, address, inputs, settings):
                if isinstance(item, Rejection):
                    report(item)
                    continue
                processed += 1
                tick()
                for record in analysis_records(item, with_text=with_text):
                    writer.write(record)
        writer.close()
        if processed == 0:
            click.echo("warwire: no document could be processed", err=True)
            sys.exit(1)

    run()


def run_engine(
    engine: str, address: str | None, inputs: tuple[str, ...], settings: Settings
) -> Iterator[Analysis | Rejection]:
    if engine == "ray":
        from warwire.distributed import RayOptions, extract_ray

        return extract_ray(inputs, settings, RayOptions(address=address))
    return extract(inputs, settings)


def register(group: click.Group) -> None:
    group.add_command(extract_command)
