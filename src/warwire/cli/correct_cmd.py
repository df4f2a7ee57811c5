"""``warwire correct`` and ``warwire history``: analysts fix events, with an audit trail.

``warwire correct EVENT --set fatalities=3 --why "hospital list"`` sets fields;
``warwire correct merge EVENT OTHER --why ...`` folds OTHER into EVENT;
``warwire correct split EVENT --why ...`` undoes the latest merge into EVENT, and
``--doc DOC`` takes DOC's reports out of EVENT (also a merge ingest made);
``warwire correct replay export.jsonl`` carries an export's corrections over.
Ids may be unique prefixes, as tables print them. The work is done by
:mod:`warwire.store.corrections`; this module only parses and prints.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Sequence
from typing import IO, Any

import click

from warwire.cli.db_cmd import db_option, open_db
from warwire.store.correction_values import FIELDS

Record = dict[str, Any]
HISTORY_COLUMNS = ("at", "by", "change", "why")


def default_analyst() -> str:
    """Who corrects when ``--by`` is not given: ``WARWIRE_USER``, else the login name."""
    try:
        return os.environ.get("WARWIRE_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "analyst"


class _DefaultSet(click.Group):
    """``correct EVENT ...`` means ``correct set EVENT ...``; merge and split are named."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["set", *args]
        return super().parse_args(ctx, args)


def _who(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--by", default=None, metavar="NAME", help="Who corrects (default: WARWIRE_USER or login)."
    )(func)
    func = click.option(
        "--why", required=True, metavar="TEXT", help="The reason, kept in the audit trail."
    )(func)
    return db_option(func)


def _run(db: str | None, action: Callable[[Any], list[Record]]) -> None:
    """Open the store, act, print one line per audit record; bad input exits 2."""
    from warwire.cli.errors import fail, friendly_errors
    from warwire.errors import CorrectionError

    @friendly_errors
    def run() -> None:
        store = open_db(db)
        try:
            made = action(store)
        except CorrectionError as exc:
            fail(str(exc), 2)
            return
        finally:
            store.close()
        for record in made:
            click.echo(f"{record['applies_to']}  {record['change']}")

    run()


@click.group("correct", cls=_DefaultSet, invoke_without_command=False)
def correct_group() -> None:
    """Correct an event: set fields, merge two events, or split a merge.

    \b
    warwire correct EVENT --set fatalities=3 --set actor2=none --why "hospital list"
    warwire correct merge EVENT OTHER --why "one attack, two descriptions"
    warwire correct split EVENT --why "two different days"
    warwire correct split EVENT --doc DOC --why "a different attack"
    warwire correct replay export.jsonl --db rebuilt.db

    \b
    Fields: fatalities=N, event_type=TYPE, sub_event_type=SUBTYPE (the taxonomy's
    names, any case), actor1=NAME, actor2=NAME (none clears it), place=NAME,
    place="NAME, CC" or place=LAT,LON, date=YYYY-MM-DD[..YYYY-MM-DD], notes=TEXT.
    """


@correct_group.command("set", hidden=True)
@click.argument("event_id", metavar="EVENT")
@click.option("--set", "assignments", multiple=True, required=True, metavar="FIELD=VALUE",
              help=f"Field to set (repeatable): {', '.join(FIELDS)}.")  # fmt: skip
@_who
def set_command(
    event_id: str, assignments: Sequence[str], why: str, by: str | None, db: str | None
) -> None:
    """Set fields of EVENT (an id or a unique prefix of one).

    \b
    fatalities=N              event_type=TYPE / sub_event_type=SUBTYPE (taxonomy)
    actor1=NAME  actor2=NAME  (actor2=none clears it)
    place=NAME | "NAME, CC" | LAT,LON     date=YYYY-MM-DD[..YYYY-MM-DD]   notes=TEXT
    """
    from warwire.store.corrections import correct

    _run(db, lambda store: correct(store, event_id, assignments, why, by or default_analyst()))


@correct_group.command("merge")
@click.argument("event_id", metavar="EVENT")
@click.argument("other", metavar="OTHER")
@_who
def merge_command(event_id: str, other: str, why: str, by: str | None, db: str | None) -> None:
    """Fold OTHER into EVENT: one event with both events' reports and claims."""
    from warwire.store.corrections import merge

    _run(db, lambda store: merge(store, event_id, other, why, by or default_analyst()))


@correct_group.command("split")
@click.argument("event_id", metavar="EVENT")
@click.option("--doc", metavar="DOC", help="Take this document's reports out of EVENT.")
@_who
def split_command(event_id: str, doc: str | None, why: str, by: str | None, db: str | None) -> None:
    """Undo the latest merge into EVENT (the merged-away event comes back under its
    id); or, with --doc, take DOC's reports out of EVENT into an event of their
    own, also when ingest merged them: later ingests keep the two apart."""
    from warwire.store.corrections import split, split_out

    who = by or default_analyst()
    if doc:
        _run(db, lambda store: split_out(store, event_id, doc, why, who))
    else:
        _run(db, lambda store: split(store, event_id, why, who))


@correct_group.command("replay")
@click.argument("export", metavar="FILE.jsonl", type=click.File("r", encoding="utf-8"))
@db_option
def replay_command(export: IO[str], db: str | None) -> None:
    """Re-apply the corrections of a JSONL export (e.g. to a re-extracted database).

    Each goes to its event by id, else by the document sentences it was made
    on; ones already here are skipped, so replaying twice changes nothing.
    """
    import json

    from warwire.cli.errors import fail, friendly_errors
    from warwire.errors import CorrectionError
    from warwire.store.corrections import replay

    @friendly_errors
    def run() -> None:
        records = []
        for number, line in enumerate(export, 1):
            if '"correction"' not in line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                fail(f"{export.name}:{number}: not JSON ({exc.msg})", 2)
        store = open_db(db)
        try:
            applied, missing = replay(store, records)
        except (CorrectionError, KeyError, TypeError, ValueError) as exc:
            fail(f"{export.name}: not a warwire correction record ({exc})", 2)
            return
        finally:
            store.close()
        click.echo(f"{applied} corrections re-applied", err=True)
        if missing:
            shown = ", ".join(sorted(set(missing))[:5]) + (", ..." if len(set(missing)) > 5 else "")
            click.echo(f"warwire: {len(missing)} found no event here: {shown}", err=True)

    run()


def history_rows(records: Sequence[Record]) -> list[list[str]]:
    return [[r["at"].replace("T", " ")[:16], r["by"], r["change"], r["why"]] for r in records]


def history_text(records: Sequence[Record], width: int | None) -> str:
    """The audit table fitted to ``width`` (cut at words), or TSV when piped."""
    from warwire.tables import render

    rows = [[" ".join(c.split()) for c in row] for row in history_rows(records)]
    if width is None:
        return "\n".join("\t".join(r) for r in [list(HISTORY_COLUMNS), *rows])
    return render(f"history ({len(records)})", HISTORY_COLUMNS, rows, width)


@click.command("history")
@db_option
@click.argument("event_id", metavar="EVENT")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def history_command(db: str | None, event_id: str, fmt: str, output: IO[str]) -> None:
    """Every correction of EVENT: when, who, what changed and why."""
    from warwire.cli.errors import fail, friendly_errors
    from warwire.errors import CorrectionError
    from warwire.store.corrections import history
    from warwire.tables import terminal_width

    @friendly_errors
    def run() -> None:
        store = open_db(db)
        try:
            found = history(store, event_id)
        except CorrectionError as exc:
            fail(str(exc), 2)
            return
        finally:
            store.close()
        if fmt == "jsonl":
            import json

            output.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in found)
        elif not found:
            click.echo(f"warwire: no corrections of {event_id}", err=True)
        else:
            output.write(history_text(found, terminal_width(output)) + "\n")

    run()


def register(group: click.Group) -> None:
    group.add_command(correct_group)
    group.add_command(history_command)
