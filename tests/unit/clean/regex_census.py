"""Every regular expression warwire compiles, and those that are not linear.

Run as a script (a fresh interpreter): ``re._compile`` is wrapped before
warwire is imported, so patterns compiled at import time, patterns built from
data files on first use and strings given to ``re.search`` and friends are
all seen; only those compiled from warwire's own source files are kept.
Importing every module and running the pipeline over the example articles
reaches the lazy ones.

Each pattern then scans adversarial runs (whitespace including U+1680 and
no-break space, punctuation, brackets, letters, digits, short words) of 500
and 4,000 characters. A linear pattern costs about 8 times as much on the
longer run, a quadratic one 64 times: more than ``RATIO`` times is reported.
Cost is this thread's CPU time (the best of three), not wall-clock time, so
other processes on the machine do not decide the verdict; runs cheaper than
``FLOOR`` seconds are too quick to judge and pass.
"""

from __future__ import annotations

import json
import pkgutil
import re
import sys
import time
from importlib import import_module
from pathlib import Path
from typing import Any

RUNS = (" ", "\u1680", "\t", "\n", "\u00a0", ".", ",", "-", "(", "[", '"', "'", "a", "A",
        "0", "a ", "A ", "A.", "0,", "Aa ", "a, ", "0 ", "A-", "a.", "1 a ")  # fmt: skip
SHORT, LONG = 500, 4_000
RATIO = 24.0  # linear 8, quadratic 64
FLOOR = 0.002  # seconds: a scan this quick is linear enough at any ratio
CEILING = 0.02  # seconds for the short run: slower is a finding by itself
SEEN: dict[tuple[str, int], str] = {}
SOURCE = str(Path(__file__).resolve().parents[3] / "src" / "warwire")


def _recording(original: Any) -> Any:
    def compile_and_record(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        frame = sys._getframe(1)
        while frame.f_back is not None and frame.f_code.co_filename == re.__file__:
            frame = frame.f_back
        where = frame.f_code.co_filename
        if isinstance(compiled.pattern, str) and "warwire" in where and "tests" not in where:
            key = (compiled.pattern, compiled.flags)
            SEEN.setdefault(key, f"{Path(where).parent.name}/{Path(where).name}:{frame.f_lineno}")
        return compiled

    return compile_and_record


def census(examples: Path) -> dict[tuple[str, int], str]:
    """Every (pattern, flags) warwire compiles, with the file and line that compiled it."""
    re._compile = _recording(re._compile)  # type: ignore[attr-defined]
    import warwire
    from warwire.config import Settings
    from warwire.pipeline import extract

    for module in pkgutil.walk_packages(warwire.__path__, "warwire."):
        if module.name.endswith("__main__"):
            continue
        try:
            import_module(module.name)
        except ImportError:  # an optional extra (ray) that is not installed
            continue
    for _ in extract([str(examples)], Settings()):
        pass
    return dict(SEEN)


def _cost(pattern: re.Pattern[str], text: str, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        started = time.thread_time()
        for _match in pattern.finditer(text):
            pass
        best = min(best, time.thread_time() - started)
    return best


def finding(pattern: re.Pattern[str]) -> dict[str, Any] | None:
    """The first run on which ``pattern`` is not linear, or None."""
    for unit in RUNS:
        short = (unit * SHORT)[:SHORT]
        first = _cost(pattern, short, 1)
        if first > CEILING:
            return {"run": unit, "short": first}
        if _cost(pattern, (unit * LONG)[:LONG], 1) <= FLOOR:
            continue
        small, large = _cost(pattern, short, 3), _cost(pattern, (unit * LONG)[:LONG], 3)
        if large > FLOOR and large > RATIO * max(small, 1e-6):
            return {"run": unit, "short": small, "long": large}
    return None


def main(examples: Path) -> None:
    seen = census(examples)
    found = []
    for (pattern, flags), where in seen.items():
        bad = finding(re.compile(pattern, flags))
        if bad:
            found.append({"where": where, "pattern": pattern[:200], **bad})
    print(json.dumps({"patterns": len(seen), "superlinear": found}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
