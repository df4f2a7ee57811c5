"""``warwire eval events``: the matching rule on hand-made records, and the command end to end."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warwire.cli import cli
from warwire.config import Settings
from warwire.evaluate.common import actor_match, country_key, country_level, run_documents
from warwire.evaluate.events import score
from warwire.evaluate.matching import gold_from_rows, is_candidate, match_article
from warwire.pipeline import Pipeline
from warwire.types import Analysis, RawDocument

# 0.27 degrees of latitude is about 30 km, 0.54 about 60 km.
HERE = (10.0, 20.0)


def ev(
    sub: str = "Armed clash",
    etype: str = "Battles",
    when: str = "2024-05-10",
    at: tuple[float, float] | None = HERE,
    **extra: Any,
) -> dict[str, Any]:
    lat, lon = at if at else (None, None)
    record = {"event_type": etype, "sub_event_type": sub, "event_date": when}
    return {**record, "latitude": lat, "longitude": lon, **extra}


def north(km30s: int) -> tuple[float, float]:
    return (HERE[0] + 0.27 * km30s, HERE[1])


# ---------------------------------------------------------------- candidates


def test_window_is_widened_by_one_day_each_side() -> None:
    gold = ev(date_window=["2024-05-10", "2024-05-12"])
    assert is_candidate(ev(when="2024-05-09"), gold)
    assert is_candidate(ev(when="2024-05-13"), gold)
    assert not is_candidate(ev(when="2024-05-08"), gold)
    assert not is_candidate(ev(when=None), gold)


def test_window_defaults_to_the_gold_day() -> None:
    assert is_candidate(ev(when="2024-05-11"), ev())
    assert not is_candidate(ev(when="2024-05-12"), ev())


def test_same_family_pairs_at_any_distance() -> None:
    shelling = ev("Shelling/artillery/missile attack", "Explosions/Remote violence", at=north(20))
    assert is_candidate(shelling, ev())  # political violence both
    assert is_candidate(ev(at=None), ev())


def test_other_family_needs_50_km() -> None:
    march = "Peaceful protest", "Protests"
    assert is_candidate(ev(*march, at=north(1)), ev())
    assert not is_candidate(ev(*march, at=north(2)), ev())
    assert not is_candidate(ev(*march, at=None), ev())  # unknown place fails the distance test


# ---------------------------------------------------------------- greedy order


def test_same_subtype_beats_a_closer_place() -> None:
    golds = [ev("Attack", "Violence against civilians"), ev()]
    preds = [ev(at=north(1))]  # an armed clash 30 km off
    pairs, _ = match_article(preds, golds)
    assert pairs == [(0, 1)]


def test_greedy_takes_the_nearest_same_subtype_first() -> None:
    golds = [ev(), ev("Attack", "Violence against civilians")]
    preds = [ev(at=north(1)), ev()]
    pairs, dups = match_article(preds, golds)
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert dups == []


def test_required_gold_before_optional_on_a_tie() -> None:
    golds = [ev(optional=True), ev()]
    pairs, _ = match_article([ev()], golds)
    assert pairs == [(0, 1)]


def test_unpaired_candidate_of_a_taken_gold_is_a_duplicate() -> None:
    golds = [ev()]
    preds = [ev(), ev(when="2024-05-11"), ev(when="2024-05-20")]
    pairs, dups = match_article(preds, golds)
    assert pairs == [(0, 0)]
    assert dups == [1]  # the third is out of the window: an extra, not a duplicate


# ---------------------------------------------------------------- actors and countries


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("Military Forces of Israel", "Military Forces of Israel (2022-)", True),
        ("Military Forces of Israel", "Military Forces of Russia (2000-)", False),
        ("Police Forces of Nigeria", "Civilians (Nigeria)", False),
        ("unknown gunmen", "Unidentified Armed Group", True),
        ("unknown gunmen", "Unidentified Armed Group (Nigeria)", False),  # as score_real.py
        ("Civilians", "civilians", True),
        ("Hezbollah", "Hezbollah fighters", True),
        (None, "Hezbollah", False),
    ],
)
def test_actor_match_on_tokens_and_kinds(pred: str | None, gold: str, same: bool) -> None:
    assert actor_match(pred, [gold]) is same


def test_country_names_normalise() -> None:
    assert country_key("DR Congo (Zaire)") == "CD"
    assert country_key("Bosnia-Herzegovina") == "BA"
    assert country_key("Russia (Soviet Union)") == country_key("Russia") == "RU"
    assert country_key("Atlantis") == "atlantis"
    assert country_key("") is None


def test_country_level_place() -> None:
    assert country_level({**ev(), "feature": "PCLI", "country": "Chad", "location": "Chad"})
    assert country_level({**ev(), "feature": "PPL", "country": "Chad", "location": "Chad"})
    assert not country_level({**ev(), "feature": "PPL", "country": "Chad", "location": "Abeche"})
    assert not country_level({**ev(at=None), "country": "Chad", "location": "Chad"})


# ---------------------------------------------------------------- tallies


def gold_lines() -> list[dict[str, Any]]:
    return [
        {"article_id": "a", **ev(country="Chad", fatalities=4, actor1="Rebels of X")},
        {
            "article_id": "a",
            **ev("Attack", "Violence against civilians", "2024-05-20", country="Chad"),
        },
        {"article_id": "a", **ev(when="2024-05-01", optional=True, country="Chad")},
        {"article_id": "a", "aggregate": True, "value": 57, "evidence": "x"},
        {"article_id": "n", "negative": True},
    ]


def test_score_counts_precision_recall_and_traps() -> None:
    gold = gold_from_rows(gold_lines())
    preds = {
        "a": [
            ev(fatalities=4, actor1="Rebels of X", country="Chad"),
            ev(when="2024-05-01", country="Chad"),  # the optional background event
            ev(fatalities=57, when="2024-05-11", country="Chad"),  # aggregate, duplicate
        ],
        "n": [ev(fatalities=150)],
    }
    report = score(["a", "n"], preds, gold)
    c = report.counts
    assert (c["pred"], c["matched"], c["matched_optional"]) == (4, 2, 1)
    assert (c["gold"], c["recalled"]) == (2, 1)
    assert report.precision == pytest.approx(0.5) and report.recall == pytest.approx(0.5)
    assert (c["dups"], c["neg_events"], c["agg_fat"], c["fat100"]) == (1, 1, 1, 1)
    assert report.rates()["actor1"] == pytest.approx(0.5)
    assert report.by_country["negative"]["pred"] == 1
    assert report.confusion["Attack"]["(missed)"] == 1
    assert report.by_type["Battles"]["pred"] == 4


def test_place_diagnostics_among_matched() -> None:
    gold = gold_from_rows([{"article_id": "a", **ev(country="Chad")}] * 3)
    preds = {
        "a": [
            ev(country="Chad"),
            ev(at=None),
            ev(at=north(4), country="Niger", location="Niger", feature="PCLI"),
        ]
    }
    r = score(["a"], preds, gold).rates()
    assert r["place25"] == pytest.approx(1 / 3)
    assert r["place_no_coordinates"] == pytest.approx(1 / 3)
    assert r["place_country_level"] == pytest.approx(1 / 3)
    assert r["place_wrong_country"] == pytest.approx(1 / 3)


# ---------------------------------------------------------------- running


class Boom:
    """A stage that fails on one document, to show the rest survive."""

    name, needs, adds = "boom", frozenset({"document"}), frozenset({"boom"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        if any("explode" in a.document.text for a in batch):
            raise RuntimeError("stage failed")
        return list(batch)


def test_one_crashing_document_costs_only_itself(capsys: pytest.CaptureFixture[str]) -> None:
    raws = [
        RawDocument(input_id=name, content=text, media_type="text")
        for name, text in [
            ("fine", "Farmers gathered at the market square on a calm Sunday."),
            ("bad", "This one will explode inside the stage."),
            ("also-fine", "A ferry left the harbour at noon with forty passengers."),
        ]
    ]
    out = dict(run_documents(raws, Settings(), Pipeline([Boom()])))
    assert isinstance(out["fine"], Analysis) and isinstance(out["also-fine"], Analysis)
    assert isinstance(out["bad"], str) and "crashed" in out["bad"]
    assert "bad:" in capsys.readouterr().err


def write_jsonl(path: Path, rows: Sequence[object], bad_line: str = "") -> Path:
    text = "".join(json.dumps(r) + "\n" for r in rows) + bad_line
    path.write_text(text, encoding="utf-8")
    return path


def test_command_end_to_end_through_the_pipeline(tmp_path: Path) -> None:
    articles = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {
                "id": "raid",
                "title": "Gunmen storm village market",
                "published": "2024-03-05",
                "source": "Example Wire",
                "text": "Gunmen stormed a market in Maiduguri, Nigeria, on Monday, killing "
                "seven traders, police said on Tuesday.",
            },
            {
                "id": "calm",
                "published": "2024-03-05",
                "text": "The orchestra played to a full hall.",
            },
            {"id": "broken", "text": 42},
        ],
        bad_line="{not json\n",
    )
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "article_id": "raid",
                **ev("Attack", "Violence against civilians", "2024-03-04", (11.85, 13.16)),
                "date_window": ["2024-03-04", "2024-03-04"],
                "country": "Nigeria",
                "fatalities": 7,
                "actor1": "Unidentified Armed Group (Nigeria)",
            },
            {"article_id": "calm", "negative": True},
        ],
    )
    result = CliRunner().invoke(
        cli, ["eval", "events", str(gold), str(articles), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 3 and report["negatives"] == 1
    assert "broken" in report["failed"]
    assert report["counts"]["gold"] == 1
    assert report["counts"]["recalled"] == 1, report
    assert 0 < report["rates"]["f1"] <= 1

    text = CliRunner().invoke(cli, ["eval", "events", str(gold), str(articles), "--verbose"])
    assert text.exit_code == 0
    assert "== raid [Nigeria]" in text.stdout
    assert text.stdout.strip().splitlines()[-1].startswith("events: precision=")


def test_part_selects_articles_by_id(tmp_path: Path) -> None:
    from warwire.evaluate.split import part_of

    ids = [f"story-{n}" for n in range(12)]
    rows = [{"id": i, "text": "Nothing happened in the quiet town."} for i in ids]
    articles = write_jsonl(tmp_path / "articles.jsonl", rows)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    for part in ("tune", "score"):
        result = CliRunner().invoke(
            cli, ["eval", "events", str(gold), str(articles), "--part", part, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["articles"] == sum(part_of(i) == part for i in ids)
