"""The analyst's terminal: tables that fit, ids to paste, validated filters, `show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.cli import cli

ARTICLES = {
    "chad.txt": "N'Djamena, June 9, 2024 (Sahel Daily) - Boko Haram fighters attacked an army "
    "post near Bol on Saturday, killing six soldiers, the army said. Residents said "
    "the militants reportedly killed nine soldiers.",
    "nigeria.txt": "Maiduguri, June 12, 2024 (Lake Chad Wire) - Gunmen abducted 14 farmers in "
    "Konduga on Tuesday, police said.",
}


def run(*args: str, columns: str | None = "80") -> tuple[int, str, str]:
    env = {"COLUMNS": columns} if columns else {"COLUMNS": ""}
    result = CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'w.db'}"
    code, _out, err = run("ingest", str(folder), "--db", url)
    assert code == 0, err
    return url


def event_ids(db: str, *filters: str) -> list[str]:
    code, out, err = run("events", "--db", db, "--format", "jsonl", *filters)
    assert code == 0, err
    return [json.loads(line)["event_id"] for line in out.splitlines()]


def test_tables_fit_80_columns_and_show_ids_and_countries(db: str) -> None:
    for command in ("events", "claims", "documents"):
        code, out, err = run(command, "--db", db)
        assert code == 0, err
        assert all(len(line) <= 80 for line in out.splitlines()), (command, out)
    _, out, _ = run("events", "--db", db)
    header = out.splitlines()[1].split()
    assert header[:3] == ["event_id", "event_date", "country"]
    assert "Chad" in out and "Nigeria" in out


def test_piped_tables_are_tsv_with_full_ids(db: str) -> None:
    _, out, _ = run("events", "--db", db, "--columns", "event_id,country", columns=None)
    lines = out.splitlines()
    assert lines[0] == "event_id\tcountry"
    assert sorted(line.split("\t")[0] for line in lines[1:]) == sorted(event_ids(db))


def test_unknown_column_is_a_usage_error(db: str) -> None:
    code, _, err = run("events", "--db", db, "--columns", "event_id,nope")
    assert code == 2 and "unknown column nope" in err


def test_country_by_code_or_name_and_types_any_case(db: str) -> None:
    chad = event_ids(db, "--country", "Chad")
    assert chad and event_ids(db, "--country", "TD") == chad == event_ids(db, "--country", "tcd")
    assert event_ids(db, "--type", "battle") == event_ids(db, "--type", "Battles")
    assert event_ids(db, "--type", "ARMED CLASH") == event_ids(db, "--type", "Armed clash")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "--country", "Atlantis"), "unknown country"),
        (("events", "--type", "skirmish"), "unknown event type"),
        (("events", "--hedge", "bogus"), "known hedges"),
        (("claims", "--hedge", "bogus"), "known hedges"),
        (("claims", "--doc", "zzzzzz"), "no document with id"),
        (("show", "ev-zzzz"), "no event with id"),
    ],
)
def test_unknown_values_exit_2_with_a_message(db: str, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args, "--db", db)
    assert code == 2 and message in err and out == ""


def test_no_match_says_so(db: str) -> None:
    code, out, err = run("events", "--db", db, "--country", "Chad", "--type", "Protests")
    assert code == 0 and out == ""
    assert "0 events match (--country Chad --type Protests)" in err


def test_actor_matches_aliases_case_insensitively(db: str) -> None:
    assert event_ids(db, "--actor", "boko haram") == event_ids(db, "--actor", "jas")
    assert event_ids(db, "--actor", "JAS")


def test_table_ids_paste_into_the_next_command(db: str) -> None:
    _, out, _ = run("documents", "--db", db)
    doc_prefix = out.splitlines()[3].split()[0]
    code, claims, err = run("claims", "--db", db, "--doc", doc_prefix, "--format", "jsonl")
    assert code == 0, err
    assert claims and {json.loads(c)["doc_id"][: len(doc_prefix)] for c in claims.splitlines()} \
        == {doc_prefix}  # fmt: skip
    _, out, _ = run("events", "--db", db, "--country", "Chad")
    event_prefix = out.splitlines()[3].split()[0]
    code, shown, err = run("show", event_prefix, "--db", db)
    assert code == 0, err
    assert shown.startswith(event_prefix) and "claims (" in shown and "evidence" in shown
    assert all(len(line) <= 80 for line in shown.splitlines())


def test_show_puts_claims_side_by_side_with_marked_evidence(db: str) -> None:
    (chad,) = [e for e in event_ids(db, "--country", "Chad", "--type", "battles")][:1]
    _, shown, _ = run("show", chad[:8], "--db", db, columns="100")
    claims_part = shown.split("claims (", 1)[1].split("\nevidence", 1)[0]
    assert " | " in claims_part  # two sides, two columns
    assert "«" in shown.split("\nevidence", 1)[1]


def test_claims_table_says_what_each_claim_is_about(db: str) -> None:
    _code, out, _ = run("claims", "--db", db, "--format", "jsonl")
    claims = [json.loads(line) for line in out.splitlines()]
    in_events = [c for c in claims if c["event_id"]]
    assert in_events and all(c["subject"] and c["quantity"] and c["place"] for c in in_events)


def test_export_to_standard_output(db: str, tmp_path: Path) -> None:
    code, out, err = run("export", "--db", db, "--format", "jsonl", "-o", "-")
    assert code == 0 and "written to standard output" in err
    assert {json.loads(line)["kind"] for line in out.splitlines()} >= {"document", "event"}
    assert not (tmp_path / "-").exists()


def test_verbose_ingest_says_what_each_document_did(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES["nigeria.txt"], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'v.db'}"
    code, out, err = run("ingest", "-v", str(article), "--db", db)
    assert code == 0 and "documents: 1 added" in out and "events: " in out
    assert " added: " in err and "new events" in err
    _, again, err = run("ingest", "-v", str(article), "--db", db)
    assert "1 unchanged (already stored)" in again and " unchanged: 0 new events" in err


def test_extract_table_fits_80_columns() -> None:
    code, out, _ = run("extract", str(Path(__file__).resolve().parents[2] / "examples"))
    assert code == 0 and "events (" in out
    assert max(len(line) for line in out.splitlines()) <= 80
