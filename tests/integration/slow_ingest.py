"""Run by test_sigkill: ingest N synthetic documents slowly, so it can be killed mid-write.

The sleep sits inside the per-document transaction (between writing the
event report and its claims), so a SIGKILL very likely lands mid-document.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from store_builders import unrelated

from warwire.store import open_store, writes


def main(url: str, count: int, delay: float) -> None:
    original = writes.store_report

    def slow_report(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        time.sleep(delay)

    writes.store_report = slow_report  # type: ignore[assignment]
    store = open_store(url)
    for n in range(count):
        store.add(unrelated(n))
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
