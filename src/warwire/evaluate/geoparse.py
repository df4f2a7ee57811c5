"""Score the geoparser against gold toponym corpora (GeoWebNews, LGL, TR-News ...).

Gold files are JSONL: ``{id, text, toponyms: [{start, end, lat, lon,
is_toponym?}]}``. A gold toponym is *detected* when a predicted toponym's span
overlaps it, and *correct* when that prediction lies within 161 km (100
miles) of the gold coordinates, the field's customary threshold. We report
detection recall, accuracy among detected, and overall (correct / gold).
``--part`` scores one part of the fixed split (:mod:`warwire.evaluate.split`):
tune on one, only score the other; ``--verbose`` lists the misses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from warwire.errors import InputError
from warwire.evaluate.common import part_option
from warwire.evaluate.split import Part, part_of
from warwire.geodesy import haversine_km
from warwire.types import Toponym

THRESHOLD_KM = 161.0
Geoparser = Callable[[str, str], list[Toponym]]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class GeoparseScore:
    """Counts for one corpus; the rates are derived so they always agree."""

    corpus: str
    documents: int
    gold: int
    detected: int
    correct: int
    predicted: int

    @property
    def recall(self) -> float:
        return self.detected / self.gold if self.gold else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.detected if self.detected else 0.0

    @property
    def overall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            **asdict(self),
            "recall": round(self.recall, 4),
            "accuracy_161km": round(self.accuracy, 4),
            "overall": round(self.overall, 4),
        }


_km = haversine_km


def read_gold(path: Path | str) -> Iterator[GoldDocument]:
    """Gold documents; toponyms without coordinates or marked non-toponyms are skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "unreadable", f"cannot read: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold = tuple(
                GoldToponym(int(t["start"]), int(t["end"]), float(t["lat"]), float(t["lon"]))
                for t in row.get("toponyms", ())
                if t.get("lat") is not None
                and t.get("lon") is not None
                and t.get("is_toponym", True) is not False
            )
            yield GoldDocument(str(row.get("id", number)), str(row["text"]), gold)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}", "malformed", f"bad gold line: {exc}") from exc


def _match(g: GoldToponym, predicted: Sequence[Toponym]) -> Toponym | None:
    hits = [t for t in predicted if t.span.start < g.end and g.start < t.span.end]
    if not hits:
        return None
    return min(hits, key=lambda t: abs(t.span.start - g.start) + abs(t.span.end - g.end))


def _correct(g: GoldToponym, found: Toponym) -> bool:
    place = found.place
    return bool(
        place and _km(place.latitude, place.longitude, g.latitude, g.longitude) <= THRESHOLD_KM
    )


def score_document(gold: Sequence[GoldToponym], predicted: Sequence[Toponym]) -> tuple[int, int]:
    """(detected, correct) for one document's gold toponyms."""
    detected = correct = 0
    for g in gold:
        best = _match(g, predicted)
        if best is None:
            continue
        detected += 1
        correct += _correct(g, best)
    return detected, correct


def misses(doc: GoldDocument, predicted: Sequence[Toponym]) -> list[str]:
    """One line per gold toponym missed or misplaced, for reading on the tune part."""
    lines = []
    for g in doc.toponyms:
        surface = doc.text[g.start : g.end]
        best = _match(g, predicted)
        if best is None:
            lines.append(f"{doc.doc_id}\tMISSED\t{surface!r}")
        elif not _correct(g, best):
            p = best.place
            got = (
                f"{p.name} [{p.country_code} {p.feature}] "
                f"{_km(p.latitude, p.longitude, g.latitude, g.longitude):.0f} km off"
                if p
                else "no place"
            )
            gold = f"gold {g.latitude:.2f},{g.longitude:.2f}"
            lines.append(f"{doc.doc_id}\tWRONG\t{surface!r} -> {got} ({gold})")
    return lines


def evaluate(
    documents: Sequence[GoldDocument] | Iterator[GoldDocument],
    geoparser: Geoparser,
    corpus: str = "corpus",
    limit: int | None = None,
    part: Part | None = None,
    report: Callable[[str], None] | None = None,
) -> GeoparseScore:
    """Counts over ``documents`` (only those of ``part``); ``report`` gets each miss."""
    docs = gold = detected = correct = predicted = 0
    for doc in documents:
        if limit is not None and docs >= limit:
            break
        if part is not None and part_of(doc.doc_id) != part:
            continue
        found = geoparser(doc.text, doc.doc_id)
        if report is not None:
            for line in misses(doc, found):
                report(line)
        d, c = score_document(doc.toponyms, found)
        docs, gold, detected, correct = (
            docs + 1,
            gold + len(doc.toponyms),
            detected + d,
            correct + c,
        )
        predicted += len(found)
    return GeoparseScore(corpus, docs, gold, detected, correct, predicted)


def default_geoparser() -> Geoparser:
    from warwire.resolve.gazetteer import default_gazetteer
    from warwire.resolve.places import geoparse

    gazetteer = default_gazetteer()
    return lambda text, doc_id: geoparse(text, doc_id, gazetteer)


def format_table(scores: Sequence[GeoparseScore]) -> str:
    head = f"{'corpus':<24}{'docs':>6}{'gold':>7}{'recall':>8}{'acc@161':>9}{'overall':>9}"
    rows = [
        f"{s.corpus:<24}{s.documents:>6}{s.gold:>7}{s.recall:>8.3f}{s.accuracy:>9.3f}"
        f"{s.overall:>9.3f}"
        for s in scores
    ]
    return "\n".join([head, *rows])


@click.command("geoparse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Documents per file.")
@part_option
@click.option("--verbose", is_flag=True, help="Also list missed and misplaced gold toponyms.")
def geoparse_eval_command(
    files: tuple[str, ...], as_json: bool, limit: int | None, part: Part | None, verbose: bool
) -> None:
    """Score geoparsing against gold toponym JSONL files (recall, accuracy within 161 km)."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        geoparser = default_geoparser()
        report = click.echo if verbose else None
        scores = [
            evaluate(
                read_gold(f), geoparser, Path(f).stem.removeprefix("geoparse_"), limit, part, report
            )
            for f in files
        ]
        if as_json:
            click.echo(json.dumps([s.as_dict() for s in scores], indent=2))
        else:
            click.echo(format_table(scores))

    run()
