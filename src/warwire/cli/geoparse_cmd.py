"""``warwire geoparse``: toponyms per document, per CONTRACT.md "Toponyms".

JSONL lines with ``text`` are read here and geoparsed exactly as given, so
their offsets index the caller's text and do not depend on cleaning; other
inputs (and JSONL lines with only ``html``) go through the normal readers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from warwire.cli.common import input_options, report_rejection, settings_from
from warwire.config import Settings
from warwire.types import Document, Rejection, Toponym


def _doc_id(text: str, url: str | None) -> str:
    try:
        from warwire.clean import content_id

        return content_id(text, None, url)
    except ImportError:  # pragma: no cover - cleaning is optional here
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _jsonl(path: str, settings: Settings) -> Iterator[Document | Rejection]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Rejection("geoparse", "unreadable", f"cannot read: {exc}", path)
        return
    for number, line in enumerate(lines, 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection("geoparse", "malformed", f"malformed JSON line: {exc.msg}", where)
            continue
        if not isinstance(row, dict):
            yield Rejection("geoparse", "malformed", "JSON line is not an object", where)
            continue
        text = row.get("text")
        input_id = str(row.get("id") or where)
        if isinstance(text, str) and text.strip():
            url = row.get("url") if isinstance(row.get("url"), str) else None
            yield Document(doc_id=_doc_id(text, url), input_id=input_id, text=text)
        elif isinstance(row.get("html"), str):
            yield from _cleaned_html(row, input_id, settings)
        else:
            yield Rejection("geoparse", "missing", "JSON line has no text or html", where)


def _cleaned_html(
    row: dict[str, object], input_id: str, settings: Settings
) -> Iterator[Document | Rejection]:
    from warwire.clean import clean_document
    from warwire.errors import InputError
    from warwire.types import RawDocument

    url = row.get("url")
    raw = RawDocument(input_id, str(row["html"]), "html", url=url if isinstance(url, str) else None)
    try:
        yield clean_document(raw, settings)
    except InputError as exc:
        yield Rejection("clean", exc.reason, exc.detail, input_id)


def _documents(inputs: tuple[str, ...], settings: Settings) -> Iterator[Document | Rejection]:
    for item in inputs:
        if item.endswith(".jsonl") and Path(item).is_file():
            yield from _jsonl(item, settings)
        else:
            from warwire.pipeline import documents

            yield from documents([item], settings)


def toponym_record(t: Toponym) -> dict[str, object]:
    """One toponym as CONTRACT.md spells it."""
    p = t.place
    return {
        "start": t.span.start,
        "end": t.span.end,
        "text": t.text,
        "name": p.name if p else None,
        "geonameid": p.geonameid if p else None,
        "latitude": round(p.latitude, 5) if p else None,
        "longitude": round(p.longitude, 5) if p else None,
        "country": p.country_code if p else None,
        "admin1": p.admin1 if p else None,
        "feature": p.feature if p else None,
        "geo_precision": p.geo_precision if p else None,
    }


@click.command("geoparse")
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def geoparse_command(inputs: tuple[str, ...], fmt: str, output: IO[str], **options: object) -> None:
    """Find and geocode the place names in INPUTS, one JSON line per document."""
    from warwire.cli.errors import fail, friendly_errors

    @friendly_errors
    def run() -> None:
        from warwire.nlp import parse_text
        from warwire.resolve.gazetteer import default_gazetteer
        from warwire.resolve.places import toponyms_for

        settings = settings_from(**options)
        gazetteer = None
        processed = 0
        for item in _documents(inputs, settings):
            if isinstance(item, Rejection):
                report_rejection(item)
                continue
            gazetteer = gazetteer or default_gazetteer(settings)
            sentences = parse_text(item.doc_id, item.text)
            found = toponyms_for(item.text, sentences, gazetteer, item.doc_id)
            record = {
                "doc_id": item.doc_id,
                "input_id": item.input_id,
                "toponyms": [toponym_record(t) for t in found],
            }
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            processed += 1
        if not processed:
            fail("no document could be geoparsed", 1)

    run()


def register(group: click.Group) -> None:
    group.add_command(geoparse_command)
