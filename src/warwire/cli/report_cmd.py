"""``warwire report``: a situation report for a country and window, as HTML, Markdown or PDF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click

from warwire.cli.db_cmd import checked_by, db_option, open_db
from warwire.cli.errors import friendly_errors


@click.command("report")
@click.option("--country", required=True, callback=checked_by("country_name"),
              help="ISO-2/ISO-3 code or name (LY, LBY, Libya).")  # fmt: skip
@click.option("--admin1", multiple=True, help="Limit to this first-level region (repeatable).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last day (YYYY-MM-DD).")
@click.option("--week", metavar="YYYY-Www", help="An ISO week instead of --since/--until.")
@click.option("--baseline", type=click.Choice(["4w", "52w"]), default="4w", show_default=True,
              help="Compare with the previous 4 or 52 weeks (Trendfinder).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["html", "pdf", "md"]), default="html",
              show_default=True)  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write; Markdown also writes its drawings to FILE_files/.")  # fmt: skip
@db_option
@friendly_errors
def report_command(db: str | None, fmt: str, output: Path, **options: Any) -> None:
    """Write a situation report from the database: every number links to its events."""
    from warwire.report import build_report, make_spec, render

    def day(value: datetime | None) -> Any:
        return value.date() if value else None

    spec = make_spec(options["country"], since=day(options["since"]),
                     until=day(options["until"]), week=options["week"],
                     baseline=options["baseline"], admin1=tuple(options["admin1"]))  # fmt: skip
    store = open_db(db)
    try:
        report = build_report(store, spec)
    finally:
        store.close()
    assets = f"{output.stem}_files/"
    if fmt == "md":
        folder = output.parent / assets
        folder.mkdir(parents=True, exist_ok=True)
        for name, svg in {**report.maps, **report.charts}.items():
            (folder / f"{name}.svg").write_text(svg, encoding="utf-8")
    output.write_bytes(render(report, fmt, assets))
    click.echo(f"{output}: {len(report.events)} events, {fmt}", err=True)


def register(group: click.Group) -> None:
    group.add_command(report_command)
