"""Time and peak memory of hostile inputs through the library's read + clean +
analyse path (issue 11's reproductions), one line each.

    .venv/bin/python bench/bench_hostile.py            # every case
    .venv/bin/python bench/bench_hostile.py --only attrs,brackets

The unit tests check that work is bounded by size (byte, line and token caps);
whether the time is also small is measured here, not asserted in the suite.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warwire.config import Settings
from warwire.pipeline import extract
from warwire.types import Rejection

ARTICLE = "Militants shelled the port on 3 May 2020, killing five civilians, the army said."


def _text(body: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / "case.txt"
        path.write_text(body, encoding="utf-8")
        return path

    return write


def _bomb(folder: Path) -> Path:
    path = folder / "bomb.warc.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"WARC/1.0\r\nX-Pad: ")
        for _ in range(256):
            out.write(b"a" * 2**20)
    return path


def _attrs(folder: Path) -> Path:
    path = folder / "attrs.html"
    attrs = " ".join(f"a{i}=1" for i in range(100_000))
    path.write_text(f"<p {attrs}>{ARTICLE}</p>", encoding="utf-8")
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "long_line": _text("T\n\n" + "a " * 600_000),
    "brackets": _text(f"T\n\n{ARTICLE}\n\n" + "[" * 20_000),
    "triggers": _text("T\n\n" + "killed " * 10_000),
    "ogham": _text("a" + "\u1680" * 5000 + f"a\n\n{ARTICLE}"),
    "header_runs": _text(
        "News Desk"
        + ", " * 20_000
        + "x\nBy"
        + "May " * 20_000
        + "\nMARIB, Yemen, March 4"
        + "a " * 20_000
    ),
    "furniture_runs": _text(
        "T\n\n" + "\n\n".join(u * 20_000 for u in (" .", "- ", "# ", "Related ", "— ", "photo "))
    ),
    "attrs": _attrs,
    "gzip_bomb": _bomb,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated case names")
    args = parser.parse_args()
    wanted = [c for c in args.only.split(",") if c] or list(CASES)
    settings = Settings()
    list(extract([], settings))  # load the model outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            path = CASES[name](Path(tmp))
            start = time.perf_counter()
            items = list(extract([str(path)], settings))
            took = time.perf_counter() - start
            rejected = sum(isinstance(i, Rejection) for i in items)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"{name:10s} {took:7.2f} s  peak {peak:5d} MB  rejections {rejected}")


if __name__ == "__main__":
    main()
