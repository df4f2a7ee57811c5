"""Worker processes must give what one process gives, in input order."""

from __future__ import annotations

from pathlib import Path

from warwire.config import Settings
from warwire.export import analysis_records
from warwire.pipeline import extract
from warwire.types import Analysis, Rejection

# Own reports; one input is missing, so a Rejection must keep its place between them.
REPORTS = [
    "Gunmen killed four villagers in Kaduna on Tuesday, police said.",
    "Hundreds of students marched in Nairobi on Friday to demand lower fees.",
    "An air strike hit a market in Idlib on Monday, killing nine people, rescuers said.",
]


def _outputs(inputs: list[str], n_process: int) -> list[object]:
    settings = Settings(n_process=n_process, batch_size=1)
    out: list[object] = []
    for item in extract(inputs, settings):
        if isinstance(item, Rejection):
            out.append(("rejected", item.input_id))
        else:
            assert isinstance(item, Analysis)
            out.append(list(analysis_records(item)))
    return out


def test_two_workers_give_the_same_records_in_order(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(REPORTS):
        path = tmp_path / f"report{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    inputs = [paths[0], str(tmp_path / "missing.txt"), paths[1], paths[2]]
    alone = _outputs(inputs, 1)
    assert ("rejected", str(tmp_path / "missing.txt")) in alone
    assert _outputs(inputs, 2) == alone
