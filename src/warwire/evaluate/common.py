"""What the event scorers share: running the library robustly, and the field tests.

Scoring must go through the same code path as ``warwire extract`` (read a raw
document, clean it, run the default pipeline) or the figures would describe a
different product. One article that is rejected or crashes a stage costs only
itself: it is scored as a miss and named on one stderr line.

Actor matching is token overlap on what tells actors apart: the generic words of
ACLED-style names ("military", "police", "civilians" ...) are folded into a kind,
so "Military Forces of Israel" does not match "Military Forces of Russia" on
"military forces", and state forces never match civilians on a shared country.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from datetime import date
from typing import Any

import click

from warwire.clean.language import NOT_EXTRACTED
from warwire.config import Settings
from warwire.errors import InputError
from warwire.evaluate.split import PARTS
from warwire.geodesy import haversine_km
from warwire.pipeline import Pipeline, analyse, batched, default_pipeline
from warwire.resolve.countries import country
from warwire.resolve.gazetteer_points import EXTRA_COUNTRY_NAMES, country_points
from warwire.serialize import event_record
from warwire.types import Analysis, RawDocument, Rejection

__all__ = ["haversine_km"]

Record = dict[str, Any]

# ---------------------------------------------------------------- numbers and days


def number(value: object) -> float | None:
    """A finite float, or None for anything else (None, "", "n/a", NaN)."""
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def day(value: object) -> date | None:
    """The ISO day at the start of ``value`` ("2024-03-01", "2024-03-01T..."), or None."""
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def plain(report: Any) -> dict[str, Any]:
    """A report dataclass as JSON-ready dicts and lists (``asdict`` chokes on defaultdicts)."""

    def convert(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k): convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set):
            return [convert(v) for v in value]
        return value

    return {f.name: convert(getattr(report, f.name)) for f in fields(report)}


# ---------------------------------------------------------------- actors

_KINDS: dict[str, tuple[str, ...]] = {
    "state": (
        *("military", "police", "army", "forces", "force", "troops", "soldiers"),
        *("security", "gendarmerie", "government"),
    ),
    "civ": ("civilians", "civilian", "residents", "villagers"),
    "prot": ("protesters", "protestors", "demonstrators"),
    "riot": ("rioters", "mob"),
    "unid": ("unidentified", "unknown", "gunmen"),
}
KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
# Loose matching (UCDP sides) also tells rebels from governments: "Syrian
# insurgents" must not match "Military Forces of Syria" on the country.
LOOSE_KIND_OF = {
    **KIND_OF,
    **dict.fromkeys(("insurgents", "rebels", "rebel", "opposition", "insurgent"), "rebel"),
}
GENERIC = frozenset(
    {
        *("of", "the", "and", "a", "an", "in", "on", "for", "s", "de", "la", "le", "al"),
        *("group", "groups", "armed", "movement", "members", "member", "faction"),
        *("fighters", "militants", "suspected", "alleged", "affiliated"),
    }
)
_SPLIT = re.compile(r"[^0-9a-z]+")


def actor_signature(
    name: str | None, kinds: Mapping[str, str] = KIND_OF
) -> tuple[set[str], set[str]]:
    """(kinds, distinctive tokens) of an actor name; numbers and one-letter tokens drop."""
    tokens = [t for t in _SPLIT.split((name or "").lower()) if t and not t.isdigit()]
    found = {kinds[t] for t in tokens if t in kinds}
    names = {t for t in tokens if t not in kinds and t not in GENERIC and len(t) > 1}
    return found, names


def actor_match(predicted: str | None, golds: Iterable[str | None]) -> bool:
    """True when ``predicted`` matches one of ``golds``.

    Distinctive tokens must overlap by at least half of the shorter set, and
    kinds, where both names have one, must share one; two names with no
    distinctive token match on a shared kind ("Civilians" / "civilians").
    """
    return _match(predicted, golds, KIND_OF, _strict_overlap)


def actor_match_loose(predicted: str | None, golds: Iterable[str | None]) -> bool:
    """A looser test for sides coded by other datasets (UCDP's "Government of Syria").

    Tokens are compared on their first five letters ("syrian" ~ "syria",
    "afghan" ~ "afghanistan") and on their consonants, for transliterations
    ("taleban" ~ "taliban", "qaeda" ~ "qaida"); one shared token is enough, and
    a name's initials count as a token ("Islamic State" ~ "IS").
    """
    return _match(predicted, golds, LOOSE_KIND_OF, _loose_overlap)


def _strict_overlap(a: str | None, b: str | None, an: set[str], bn: set[str]) -> bool:
    return len(an & bn) / min(len(an), len(bn)) >= 0.5


def _loose_overlap(a: str | None, b: str | None, an: set[str], bn: set[str]) -> bool:
    return bool((_loose_keys(a, an) & _loose_keys(b, bn)) - {""})


def _loose_keys(name: str | None, tokens: set[str]) -> set[str]:
    skeletons = {"~" + re.sub("[aeiouy]", "", t) for t in tokens}
    return {t[:5] for t in tokens} | {s for s in skeletons if len(s) >= 3} | {_initials(name)}


def _initials(name: str | None) -> str:
    words = re.findall(r"[A-Z][a-z]+", name or "")
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


Overlap = Callable[[str | None, str | None, set[str], set[str]], bool]


def _match(
    predicted: str | None,
    golds: Iterable[str | None],
    kinds: Mapping[str, str],
    overlap: Overlap,
) -> bool:
    if not predicted:
        return False
    pk, pn = actor_signature(predicted, kinds)
    for gold in golds:
        if not gold:
            continue
        gk, gn = actor_signature(gold, kinds)
        if pn and gn:
            if overlap(predicted, gold, pn, gn) and not (pk and gk and not pk & gk):
                return True
        elif not pn and not gn and pk & gk:
            return True
    return False


# ---------------------------------------------------------------- countries


def country_key(name: str | None) -> str | None:
    """ISO alpha-2 code for a country name in any common spelling, else its folded name.

    Copes with UCDP's forms ("DR Congo (Zaire)", "Bosnia-Herzegovina",
    "Russia (Soviet Union)") and the everyday names warwire knows.
    """
    if not name or not name.strip():
        return None
    bare = re.sub(r"\s*\(.*?\)", "", name).strip()
    for candidate in (name, bare, bare.replace("-", " and ")):
        found = country(candidate)
        if found:
            return found.iso2
    folded = bare.casefold()
    for code, extra in EXTRA_COUNTRY_NAMES.items():
        if folded in {e.casefold() for e in extra}:
            return code
    return folded


CENTROID_KM = 5.0


def country_level(p: Record) -> bool:
    """The prediction is placed at its country, not at a town: a PCL* feature,
    the country's own name, or the country's reference point."""
    lat, lon = number(p.get("latitude")), number(p.get("longitude"))
    if lat is None or lon is None:
        return False
    named_country = (p.get("location") or "").casefold() == (p.get("country") or "").casefold()
    if named_country or str(p.get("feature") or "").startswith("PCL"):
        return True
    point = country_points().get(country_key(p.get("country")) or "")
    return point is not None and haversine_km(lat, lon, *point) <= CENTROID_KM


def place_faults(p: Record, gold_country: str | None) -> dict[str, bool]:
    """How a predicted place fails short of a town, for gold that has coordinates:
    no coordinates at all, the country as a whole, or another country."""
    predicted = country_key(p.get("country"))
    return {
        "place_none": number(p.get("latitude")) is None or number(p.get("longitude")) is None,
        "place_country": country_level(p),
        "place_wrong_country": bool(predicted and predicted != country_key(gold_country)),
    }


# ---------------------------------------------------------------- running warwire


def predictions(analysis: Analysis) -> list[Record]:
    """The analysis' events as the records ``extract --format jsonl`` prints,
    plus the gazetteer feature code of the place (for the country-level test)."""
    text = analysis.document.text
    doc_id = analysis.document.doc_id
    return [
        {
            **event_record(event, lambda d: text if d == doc_id else None),
            "feature": event.place.feature if event.place else None,
        }
        for event in analysis.events
    ]


def run_documents(
    raws: Iterable[RawDocument | Rejection],
    settings: Settings,
    pipeline: Pipeline | None = None,
    quiet: bool = False,
) -> Iterator[tuple[str, Analysis | str]]:
    """(input id, Analysis or the reason it failed) for every raw document.

    The pipeline isolates a document a stage fails on, so only that one is lost.
    Failures are also noted on stderr unless ``quiet``.
    """
    from warwire.clean import clean_document

    pipeline = pipeline or default_pipeline(settings)

    def failed(input_id: str, reason: str) -> tuple[str, str]:
        if not quiet:
            click.echo(f"warwire: {input_id}: {reason}", err=True)
        return input_id, reason

    for chunk in batched(raws, settings.batch_size):
        docs = []
        for raw in chunk:
            if isinstance(raw, Rejection):
                yield failed(raw.input_id or "?", raw.detail)
                continue
            try:
                docs.append(clean_document(raw, settings))
            except InputError as exc:
                yield failed(raw.input_id, exc.detail)
            except Exception as exc:
                yield failed(raw.input_id, f"cleaning crashed ({type(exc).__name__}: {exc})")
        for item in analyse(docs, pipeline, len(docs) or 1):
            if isinstance(item, Rejection):
                if item.reason == NOT_EXTRACTED:  # kept, in a language no path reads
                    if not quiet:
                        click.echo(f"warwire: {item.message()}", err=True)
                else:  # a stage failed on this document alone
                    yield failed(item.input_id or "?", f"crashed ({item.detail})")
            elif all(r.reason == NOT_EXTRACTED for r in item.rejections):
                yield item.document.input_id, item


#: ``--part tune|score`` for every scorer: the rows of one side of the fixed split
part_option = click.option(
    "--part",
    type=click.Choice(PARTS),
    help="Score only one part of the fixed split (tune on one, only score the other).",
)
