"""Every command of the README's "Using it" block, as an analyst types it, in an
80-column terminal: what it prints for people (tables, summaries, messages)
fits in 80 columns, so the terminal never wraps a word or a date in two.

Each README line is either run here (on a database of the shipped examples) or
listed with the reason it is not: records for machines (JSONL, GeoJSON, CSV on
standard output), the server, Ray, and the scorers. A README line that is in
neither list fails the test, so new commands get checked too.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.cli import cli
from warwire.cli.serve_cmd import startup_line

ROOT = Path(__file__).resolve().parents[2]
WIDTH = 80

#: README lines run here; EXAMPLES, EVENT, OTHER and DOC are filled in from the database
RUN = {
    "warwire ingest examples/ ../shared/examples/": "ingest EXAMPLES",
    "warwire events --country LY --since 2020-05-01 --type battles": None,
    "warwire events --country Libya --actor haftar --hedge claimed": None,
    "warwire events --columns event_id,event_date,location,fatalities": None,
    "warwire show ev-b8f93e08": "show EVENT",
    'warwire correct ev-b8f9 --set fatalities=3 --why "hospital list"': (
        'correct EVENT --set fatalities=3 --why "hospital list"'
    ),
    'warwire correct merge ev-b8f9 ev-0c41 --why "one attack, two reports"': (
        'correct merge EVENT OTHER --why "one attack, two reports"'
    ),
    "warwire history ev-b8f9": "history EVENT",
    "warwire claims --hedge reportedly": None,
    "warwire documents": None,
    "warwire claims --doc e7616076e69": "claims --doc DOC",
    "warwire export --format parquet -o events.parquet": None,
    "warwire export --format jsonl --changed-since 12 -o delta.jsonl": None,
    "warwire export --format acled-csv --excel --ascii -o for-excel.csv": None,
    "warwire report --country Sudan --week 2024-W23 --baseline 4w --format html -o sudan.html": (
        None
    ),
}
#: README lines not run here, and why
NOT_RUN = {
    "warwire extract article.html feed.xml https://example.org/story --format jsonl": "records",
    "warwire extract notes.md -o events.csv --format acled-csv": "writes a file, prints nothing",
    "cat wire.txt | warwire extract - --format geojson": "records",
    "warwire events --near 31.75,13.98,100 --text drone --format geojson -o map.geojson": "file",
    "warwire export --format acled-csv -o - | head": "records",
    "WARWIRE_TOKEN=change-me warwire serve": "a server: its start-up line is checked below",
    "warwire report --country SD --since 2024-05-01 --until 2024-05-31 --format pdf -o sudan.pdf": (
        "the same message as the HTML report; the PDF is timed by bench/bench_report.py"
    ),
    "warwire extract -j 2 archive.jsonl --format jsonl": "records in 2 processes (test_processes)",
    "warwire extract --engine ray examples/ --format jsonl": "records, on Ray",
    "warwire ingest --engine ray --address ray://head:10001 archive/ --db postgresql://...": "Ray",
    "warwire geoparse story.txt --format jsonl": "records",
    "warwire eval acled my_acled_export_with_notes.csv": "scorer",
    "warwire eval geoparse ../shared/data/geoparse/geoparse_lgl.jsonl": "scorer",
    "warwire eval events ../shared/data/real/gold.jsonl ../shared/data/real/articles.jsonl "
    "--part tune": "scorer",
    "warwire eval ucdp ../shared/data/ucdp/ucdp_ged_dev.csv": "scorer",
}


def readme_commands() -> list[str]:
    """The command lines of the README's "Using it" block, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if "warwire" in words:
            lines.append(shlex.join(words).replace("'", '"'))
    return lines


def normal(line: str) -> str:
    return shlex.join(shlex.split(line)).replace("'", '"')


def test_every_readme_command_is_run_or_excluded_with_a_reason() -> None:
    known = {normal(line) for line in (*RUN, *NOT_RUN)}
    missing = [line for line in readme_commands() if line not in known]
    assert not missing, f"README commands this test neither runs nor excludes: {missing}"
    stale = known - set(readme_commands())
    assert not stale, f"lines no longer in the README: {stale}"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": str(WIDTH)}).invoke(cli, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def ids(db: str, command: str, key: str) -> list[str]:
    _code, out, _err = run([command, "--db", db, "--columns", key, "--format", "table"])
    return [line.split()[0] for line in out.splitlines()[3:] if line.strip()]


def too_wide(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > WIDTH]


def test_readme_commands_fit_80_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'warwire.db'}"
    filled = {"EXAMPLES": str(ROOT / "examples")}
    printed = 0
    for line, template in RUN.items():
        args = shlex.split(template or line.removeprefix("warwire "))
        if "EVENT" in args and "EVENT" not in filled:
            events = ids(db, "events", "event_id")
            filled |= {"EVENT": events[0], "OTHER": events[1]}
            filled["DOC"] = ids(db, "documents", "doc_id")[0]
        args = [filled.get(a, a) for a in args]
        code, out, err = run([*args, "--db", db])
        assert code == 0, (line, err)
        assert not too_wide(out) and not too_wide(err), (line, too_wide(out) + too_wide(err))
        printed += bool(out.strip() or err.strip())
    assert printed >= len(RUN) - 1  # each says something (a table, a summary, where it wrote)


def test_the_server_start_up_line_fits() -> None:
    assert len(startup_line("127.0.0.1", 8000, writes=True)) <= WIDTH
    assert len(startup_line("::1", 65535, writes=False)) <= WIDTH
