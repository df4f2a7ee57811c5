"""``warwire eval events GOLD.jsonl ARTICLES.jsonl``: the real-text measurement, in-process.

Runs the library on real articles (JSONL: id, title, published, url, source,
text) and scores the events against ACLED-style gold (event, negative and
aggregate lines; see ``matching``). The headline figures are those of
``../shared/tools/score_real.py`` on the same data; the extras (per event
type, the sub-type confusion table, place diagnostics) say where the misses
come from. ``--part`` scores only the tuning or the held-out part of the
fixed split (``warwire.evaluate.split``).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from warwire.config import Settings, load_settings
from warwire.evaluate.common import (
    Record,
    actor_match,
    f1,
    number,
    part_option,
    place_faults,
    plain,
    predictions,
    ratio,
    run_documents,
)
from warwire.evaluate.matching import (
    PLACE_KM,
    Gold,
    distance_km,
    fatalities_ok,
    gold_from_rows,
    gold_points,
    in_window,
    match_article,
    read_jsonl,
    subtype_ok,
)
from warwire.evaluate.split import Part, part_of
from warwire.ingest.jsonl import parse_record

ARTICLE_KEYS = ("id", "title", "published", "url", "source", "text")
MISSED = "(missed)"


@dataclass(slots=True)
class EventsReport:
    """Counts only; every rate is derived from them so the figures always agree."""

    articles: int = 0
    negatives: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    by_country: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failed: dict[str, str] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return ratio(self.counts["matched"], self.counts["pred"])

    @property
    def recall(self) -> float:
        return ratio(self.counts["recalled"], self.counts["gold"])

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def rates(self) -> dict[str, float]:
        """Headline and among-matched rates, by name."""
        c = self.counts
        matched, placed = c["matched"], c["place_n"]
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "subtype": ratio(c["subtype"], matched),
            "event_type": ratio(c["type"], matched),
            "actor1": ratio(c["actor1"], matched),
            "claimant": ratio(c["claimant"], c["claimant_n"]),
            "hedge": ratio(c["hedge"], c["hedge_n"]),
            "place25": ratio(c["place25"], placed),
            "date_in_window": ratio(c["date"], matched),
            "date_exact": ratio(c["date_exact"], matched),
            "fatalities": ratio(c["fat"], c["fat_n"]),
            "place_no_coordinates": ratio(c["place_none"], placed),
            "place_country_level": ratio(c["place_country"], placed),
            "place_wrong_country": ratio(c["place_wrong_country"], placed),
        }

    def as_dict(self) -> dict[str, Any]:
        out = plain(self)
        out["rates"] = {k: round(v, 4) for k, v in self.rates().items()}
        return out


# ---------------------------------------------------------------- scoring


def _article_country(aid: str, gold: Gold) -> str:
    if aid in gold.negatives:
        return "negative"
    golds = gold.events.get(aid, [])
    votes = Counter(g.get("country") or "?" for g in golds if not g.get("optional"))
    votes = votes or Counter(g.get("country") or "?" for g in golds)
    return votes.most_common(1)[0][0] if votes else "?"


def _score_pair(report: EventsReport, p: Record, g: Record, gold_country: str) -> None:
    c, where = report.counts, report.by_country[gold_country]
    kind = report.by_type[str(p.get("event_type"))]
    c["matched"] += 1
    where["matched"] += 1
    where["pred"] += 1
    kind["matched"] += 1
    if g.get("optional"):
        c["matched_optional"] += 1
    else:
        c["recalled"] += 1
        where["recalled"] += 1
        report.by_type[str(g.get("event_type"))]["recalled"] += 1
    same_sub = subtype_ok(p, g)
    c["subtype"] += same_sub
    where["subtype"] += same_sub
    report.confusion[str(g.get("sub_event_type"))][str(p.get("sub_event_type"))] += 1
    c["type"] += p.get("event_type") == g.get("event_type")
    km = distance_km(p, g)
    if gold_points(g):
        c["place_n"] += 1
        c["place25"] += km is not None and km <= PLACE_KM
        for name, hit in place_faults(p, g.get("country")).items():
            c[name] += hit
    c["date"] += in_window(p, g, slack_days=0)
    c["date_exact"] += p.get("event_date") == g.get("event_date")
    fat = fatalities_ok(p, g)
    if fat is not None:
        c["fat_n"] += 1
        c["fat"] += fat
    c["actor1"] += actor_match(p.get("actor1"), [g.get("actor1"), g.get("actor2")])
    claims = p.get("claims") or []
    if g.get("hedge"):
        c["hedge_n"] += 1
        c["hedge"] += g["hedge"] in {x.get("hedge") for x in claims}
    if g.get("claimant"):
        c["claimant_n"] += 1
        c["claimant"] += any(actor_match(x.get("claimant"), [g["claimant"]]) for x in claims)
    place_right = not gold_points(g) or (km is not None and km <= PLACE_KM)
    fully_right = same_sub and in_window(p, g, 0) and fat is not False and place_right
    if fully_right and not g.get("optional"):
        c["correct"] += 1


def score(
    article_ids: Iterable[str],
    preds: Mapping[str, list[Record]],
    gold: Gold,
    verbose: bool = False,
) -> EventsReport:
    """Score predictions (by article id) against gold; articles absent from ``preds`` have none."""
    report = EventsReport()
    c = report.counts
    for aid in article_ids:
        report.articles += 1
        report.negatives += aid in gold.negatives
        mine, golds = preds.get(aid, []), gold.events.get(aid, [])
        country = _article_country(aid, gold)
        required = [g for g in golds if not g.get("optional")]
        for name in {country} | {g.get("country") or country for g in required}:
            report.by_country[name]["articles"] += 1
        pairs, dups = match_article(mine, golds)
        c["pred"] += len(mine)
        c["dups"] += len(dups)
        if aid in gold.negatives:
            c["neg_events"] += len(mine)
        for p in mine:
            deaths = number(p.get("fatalities")) or 0
            c["fat100"] += deaths >= 100
            c["agg_fat"] += deaths > 0 and int(deaths) in gold.aggregates.get(aid, set())
            report.by_type[str(p.get("event_type"))]["pred"] += 1
        for g in golds:
            if not g.get("optional"):
                c["gold"] += 1
                report.by_country[g.get("country") or country]["gold"] += 1
                report.by_type[str(g.get("event_type"))]["gold"] += 1
        for pi, gi in pairs:
            _score_pair(report, mine[pi], golds[gi], golds[gi].get("country") or country)
        report.by_country[country]["pred"] += len(mine) - len(pairs)
        paired_g = {gi for _, gi in pairs}
        for gi, g in enumerate(golds):
            if gi not in paired_g and not g.get("optional"):
                report.confusion[str(g.get("sub_event_type"))][MISSED] += 1
        if verbose:
            report.details.extend(_article_details(aid, country, mine, golds, pairs, dups))
    return report


def _brief(e: Record) -> str:
    lat, lon = number(e.get("latitude")), number(e.get("longitude"))
    coords = f"({lat:.2f},{lon:.2f})" if lat is not None and lon is not None else "(no coords)"
    return (
        f"{e.get('sub_event_type')} | {e.get('actor1')} vs {e.get('actor2')} | "
        f"{e.get('location')} {coords} | {e.get('event_date')} | fat={e.get('fatalities')}"
    )


def _article_details(
    aid: str,
    country: str,
    preds: list[Record],
    golds: list[Record],
    pairs: list[tuple[int, int]],
    dups: list[int],
) -> list[str]:
    required = sum(not g.get("optional") for g in golds)
    lines = [
        f"== {aid} [{country}] gold={required}(+{len(golds) - required} opt) "
        f"pred={len(preds)} matched={len(pairs)} dups={len(dups)}"
    ]
    for pi, gi in pairs:
        p, g = preds[pi], golds[gi]
        km = distance_km(p, g)
        checks = {
            "SUB": subtype_ok(p, g),
            "PLACE": km is not None and km <= PLACE_KM,
            "DATE": in_window(p, g, 0),
            "FAT": fatalities_ok(p, g) is not False,
            "ACT": actor_match(p.get("actor1"), [g.get("actor1"), g.get("actor2")]),
        }
        wrong = " ".join(k for k, ok in checks.items() if not ok)
        lines.append(f"  MATCH{' (opt)' if g.get('optional') else ''}  gold: {_brief(g)}")
        lines.append(
            f"        pred: {_brief(p)}   {'wrong: ' + wrong if wrong else 'all right'}"
            + (f"  [{km:.0f} km]" if km is not None else "")
        )
    paired_p, paired_g = {pi for pi, _ in pairs}, {gi for _, gi in pairs}
    lines += [
        f"  MISS   gold: {_brief(g)}"
        for gi, g in enumerate(golds)
        if gi not in paired_g and not g.get("optional")
    ]
    for pi, p in enumerate(preds):
        if pi not in paired_p:
            quote = (((p.get("evidence") or {}).get("event") or {}).get("text") or "")[:90]
            lines.append(f"  {'DUP  ' if pi in dups else 'EXTRA'}  pred: {_brief(p)}  <{quote}>")
    return lines


# ---------------------------------------------------------------- running


def run(
    gold_path: Path,
    articles_path: Path,
    part: Part | None = None,
    settings: Settings | None = None,
    verbose: bool = False,
) -> EventsReport:
    """Extract events from the articles in-process and score them against the gold file."""
    settings = settings or load_settings()
    gold = gold_from_rows(read_jsonl(gold_path))
    rows = [
        r
        for r in read_jsonl(articles_path, strict=False)
        if part is None or part_of(str(r.get("id"))) == part
    ]
    raws = [
        parse_record(
            {k: r[k] for k in ARTICLE_KEYS if r.get(k) not in (None, "")},
            f"{articles_path.name}:{r.get('id')}",
            settings,
        )
        for r in rows
    ]
    preds: dict[str, list[Record]] = defaultdict(list)
    failed: dict[str, str] = {}
    for input_id, outcome in run_documents(raws, settings):
        if isinstance(outcome, str):
            failed[input_id] = outcome
        else:
            preds[input_id].extend(predictions(outcome))
    report = score([str(r.get("id")) for r in rows], preds, gold, verbose)
    report.failed = failed
    return report


def render(report: EventsReport) -> str:
    c, r = report.counts, report.rates()
    lines = list(report.details)
    lines.append(
        f"articles={report.articles} ({report.negatives} negatives, {len(report.failed)} failed) "
        f"gold={c['gold']} required events; predicted={c['pred']} "
        f"matched={c['matched']} ({c['matched_optional']} to optional gold)"
    )
    lines.append("per country (gold country; unmatched predictions go to the article's country):")
    for name, b in sorted(report.by_country.items(), key=lambda kv: (-kv[1]["gold"], kv[0])):
        p, rc = ratio(b["matched"], b["pred"]), ratio(b["recalled"], b["gold"])
        lines.append(
            f"  {name[:28]:28s} articles={b['articles']:2d} gold={b['gold']:3d} "
            f"pred={b['pred']:3d} matched={b['matched']:3d} "
            f"P={p:.2f} R={rc:.2f} F1={f1(p, rc):.2f} "
            f"subtype|m={ratio(b['subtype'], b['matched']):.2f}"
        )
    lines.append("per event type (recall by gold type, precision by predicted type):")
    for name, b in sorted(report.by_type.items(), key=lambda kv: (-kv[1]["gold"], kv[0])):
        p, rc = ratio(b["matched"], b["pred"]), ratio(b["recalled"], b["gold"])
        lines.append(
            f"  {name[:28]:28s} gold={b['gold']:3d} recalled={b['recalled']:3d} R={rc:.2f}"
            f"   pred={b['pred']:3d} matched={b['matched']:3d} P={p:.2f}"
        )
    lines.append("sub-type confusion among matched, and required gold missed (gold -> predicted):")
    for gold_sub, row in sorted(report.confusion.items(), key=lambda kv: -sum(kv[1].values())):
        cells = ", ".join(f"{pred} {n}" for pred, n in row.most_common())
        lines.append(f"  {gold_sub} ({sum(row.values())}): {cells}")
    lines.append(
        f"among matched: subtype={r['subtype']:.3f} event_type={r['event_type']:.3f} "
        f"actor1={r['actor1']:.3f} claimant={r['claimant']:.3f} (n={c['claimant_n']}) "
        f"hedge={r['hedge']:.3f} (n={c['hedge_n']}) place25={r['place25']:.3f} (n={c['place_n']}) "
        f"date_in_window={r['date_in_window']:.3f} date_exact={r['date_exact']:.3f} "
        f"fatalities={r['fatalities']:.3f} (n={c['fat_n']})"
    )
    lines.append(
        f"place among matched gold with coordinates (n={c['place_n']}): "
        f"within {PLACE_KM:.0f} km={r['place25']:.3f} "
        f"no_coordinates={r['place_no_coordinates']:.3f} "
        f"country_level={r['place_country_level']:.3f} wrong_country={r['place_wrong_country']:.3f}"
    )
    lines.append(
        f"duplicates={c['dups']} events_on_negatives={c['neg_events']} "
        f"aggregates_as_fatalities={c['agg_fat']} events_with_fatalities>=100={c['fat100']} "
        f"unmatched={c['pred'] - c['matched'] - c['dups']} "
        f"required gold coded fully right={c['correct']}/{c['gold']}"
    )
    lines.append(
        f"events: precision={r['precision']:.3f} recall={r['recall']:.3f} f1={r['f1']:.3f} "
        f"subtype|matched={r['subtype']:.3f} place25|matched={r['place25']:.3f} "
        f"fatalities|matched={r['fatalities']:.3f} actor1|matched={r['actor1']:.3f}"
    )
    return "\n".join(lines)


@click.command("events")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("articles", type=click.Path(dir_okay=False, path_type=Path))
@part_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("--verbose", is_flag=True, help="Print every article's matches and misses.")
def events_eval_command(
    gold: Path, articles: Path, part: Part | None, fmt: str, verbose: bool
) -> None:
    """Score events extracted from ARTICLES (JSONL) against GOLD (events, negatives, aggregates)."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def go() -> None:
        report = run(gold, articles, part, verbose=verbose)
        click.echo(json.dumps(report.as_dict(), indent=2) if fmt == "json" else render(report))

    go()
