"""``warwire show EVENT_ID``: one event, its claims side by side, and the evidence.

The id may be any unique prefix (tables print 11 characters). In a terminal
each claim is a column, so two sides of a contested event read across, and
every evidence span is highlighted inside its sentence; piped, the same
content is written one block after another in full, without colour.
"""

from __future__ import annotations

import textwrap
from typing import IO, Any

import click

from warwire.cli.db_cmd import db_option, open_db, resolve_id

Record = dict[str, Any]
CONTEXT = 80  # characters of document text shown around a span in a terminal


def header_lines(event: Record) -> list[str]:
    where = ", ".join(p for p in (event.get("location"), event.get("admin1"),
                                  event.get("country")) if p)  # fmt: skip
    if event.get("latitude") is not None:
        where += f"  ({event['latitude']:.3f}, {event['longitude']:.3f};"
        where += f" geo_precision {event.get('geo_precision')})"
    actors = " vs ".join(a for a in (event.get("actor1"), event.get("actor2")) if a)
    when = event.get("event_date") or "undated"
    if event.get("date_start") != event.get("date_end"):
        when += f" (between {event.get('date_start')} and {event.get('date_end')})"
    return [
        f"{event['event_id']}  {event['sub_event_type']} ({event['event_type']})",
        f"date        {when}",
        f"actors      {actors or '-'}",
        f"where       {where or '-'}",
        f"fatalities  {event.get('fatalities', 0)}   confidence {event.get('confidence')}"
        f"   independent sources {event.get('corroboration', 1)}",
    ]


def claim_lines(claim: Record) -> list[str]:
    source = claim.get("source") or {}
    hedge = claim.get("hedge", "none")
    lines = [claim.get("claimant") or "?", f"hedge: {hedge}, {claim.get('polarity')}"]
    if claim.get("fatalities") is not None:
        lines.append(f"fatalities: {claim['fatalities']}")
    if source.get("publisher"):
        lines.append(f"source: {source['publisher']} ({str(source.get('doc_id'))[:11]})")
    text = (claim.get("evidence") or {}).get("text")
    if text:
        lines.append(f"“{text}”")
    return lines


def side_by_side(blocks: list[list[str]], width: int) -> list[str]:
    """Blocks as columns (at most three across), each wrapped at word boundaries."""
    out: list[str] = []
    per_row = max(1, min(3, len(blocks), width // 26))
    for i in range(0, len(blocks), per_row):
        row = blocks[i : i + per_row]
        col = (width - 3 * (len(row) - 1)) // len(row)
        wrapped = [[w for line in b for w in (textwrap.wrap(line, col) or [""])] for b in row]
        height = max(len(w) for w in wrapped)
        for n in range(height):
            cells = [(w[n] if n < len(w) else "").ljust(col) for w in wrapped]
            out.append(" | ".join(cells).rstrip())
        out.append("")
    return out


def highlighted(span: Record, texts: dict[str, str], colour: bool) -> str:
    """The span inside a little of its document, the span itself marked."""
    text = texts.get(span["doc_id"])
    if text is None:
        return str(span.get("text") or "")
    start, end = span["start"], span["end"]
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    left = ("…" + left.split(" ", 1)[-1]) if start > CONTEXT else left
    right = (right.rsplit(" ", 1)[0] + "…") if end + CONTEXT < len(text) else right
    found = text[start:end]
    mark = click.style(found, fg="yellow", bold=True) if colour else f"«{found}»"
    return " ".join(f"{left}{mark}{right}".split())


def render(
    event: Record, texts: dict[str, str], titles: dict[str, str], width: int | None, colour: bool
) -> str:
    lines = header_lines(event)
    lines.append("")
    claims = event.get("claims") or []
    lines.append(f"claims ({len(claims)})")
    blocks = [claim_lines(c) for c in claims]
    if width:
        lines += side_by_side(blocks, width)
    else:
        lines += [line for b in blocks for line in ("  " + "\n  ".join(b), "")]
    lines.append("evidence")
    for field, span in (event.get("evidence") or {}).items():
        line = f"  {field:<11} {highlighted(span, texts, colour)}"
        lines += textwrap.wrap(line, width, subsequent_indent=" " * 14) if width else [line]
    lines.append("")
    lines.append("documents")
    for source in event.get("sources") or []:
        doc_id = str(source.get("doc_id"))
        lines.append(f"  {doc_id[:11]}  {source.get('publisher') or '?'}  {titles.get(doc_id, '')}")
    if width:  # what is still too wide (headers, titles) is cut at a word
        from warwire.tables import truncate

        lines = [x if "\x1b" in x else truncate(x, width) for x in lines]
    return "\n".join(lines)


@click.command("show")
@db_option
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def show_command(db: str | None, event_id: str, fmt: str, output: IO[str]) -> None:
    """One event with its claims side by side and the evidence for each field.

    EVENT_ID is an event id or any unique prefix of one (as tables print it).
    """
    from warwire.cli.correct_cmd import history_text
    from warwire.cli.errors import fail, friendly_errors
    from warwire.store.corrections import history
    from warwire.tables import terminal_width

    @friendly_errors
    def run() -> None:
        store = open_db(db)
        try:
            event = store.event(resolve_id(store, "event", event_id))
            if event is None:
                fail(f"no event with id {event_id!r}", 2)
            audit = history(store, event["event_id"])
            texts: dict[str, str] = {}
            titles: dict[str, str] = {}
            wanted = {s["doc_id"] for s in (event.get("evidence") or {}).values()}
            for doc_id in wanted | set(event.get("doc_ids") or []):
                if doc := store.document(doc_id):
                    texts[doc_id] = doc.get("text") or ""
                    url = f"  {doc['url']}" if doc.get("url") else ""
                    titles[doc_id] = f"{doc.get('title') or ''}{url}"
        finally:
            store.close()
        if fmt == "jsonl":
            import json

            output.write(json.dumps({**event, "history": audit}, ensure_ascii=False) + "\n")
            return
        tty = hasattr(output, "isatty") and output.isatty()
        width = terminal_width(output)
        output.write(render(event, texts, titles, width, colour=tty) + "\n")
        if audit:
            output.write("\n" + history_text(audit, width) + "\n")

    run()


def register(group: click.Group) -> None:
    group.add_command(show_command)
