"""A fixed split of a gold set into a part we tune on and a part we only score.

The part an article falls in depends on its id alone (a hash), so the split is
the same on every machine, for every developer, and a new article never moves
an old one. About a third is held out. Gains are reported on both parts; a gain
that shows only on the tuning part is not a gain.

    python -m warwire.evaluate.split ../shared/data/real /tmp/real-split
    python3 ../shared/tools/score_real.py --data /tmp/real-split/score
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

Part = Literal["tune", "score"]
PARTS: tuple[Part, ...] = ("tune", "score")


def part_of(article_id: str) -> Part:
    """``score`` for about one article id in three, ``tune`` for the rest."""
    digest = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16)
    return "score" if digest % 3 == 0 else "tune"


def select(rows: Iterable[dict], part: Part | None, key: str) -> list[dict]:
    """The rows of ``part`` (all rows when ``part`` is None), by the id in ``key``."""
    return [r for r in rows if part is None or part_of(str(r.get(key, ""))) == part]


def write_split(source: Path, out: Path) -> dict[str, int]:
    """Write ``out/tune`` and ``out/score``, each with the articles and gold of its part."""
    articles = _read(source / "articles.jsonl")
    gold = _read(source / "gold.jsonl")
    counts: dict[str, int] = {}
    for part in PARTS:
        folder = out / part
        folder.mkdir(parents=True, exist_ok=True)
        chosen = select(articles, part, "id")
        _write(folder / "articles.jsonl", chosen)
        _write(folder / "gold.jsonl", select(gold, part, "article_id"))
        counts[part] = len(chosen)
    return counts


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m warwire.evaluate.split SOURCE_DIR OUT_DIR", file=sys.stderr)
        return 2
    counts = write_split(Path(argv[0]), Path(argv[1]))
    print(" ".join(f"{part}={n}" for part, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
