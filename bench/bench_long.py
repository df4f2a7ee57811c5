"""Long documents: does extraction time grow linearly with a document's size?
Not a test; prints CPU seconds at a size and at 10x that size, and their ratio.

    .venv/bin/python bench/bench_long.py [--paragraphs 20] [--words 1000]

Two made-up documents, each at two sizes (issue 11: a 1.2M-character report
and a run of 10k "killed" once took minutes):

* a report: the same kind of paragraph over and over (attacks, clashes,
  protests, arrests, attributions), with the numbers and places varied;
* a run: one line of the one trigger word, repeated, without a stop.

A ratio near 10 means linear growth; 100 would be quadratic. CPU seconds of
this one process are used, since wall time on a shared machine swings.
"""

from __future__ import annotations

import argparse
import time

from warwire import extract_text

_TOWNS = ("Kilo", "Ranu", "Besa", "Talo", "Nimba", "Okari", "Duma", "Feyo")
_PARAGRAPH = (
    "Gunmen killed {n} villagers in an attack on a market near {town} on Monday, "
    "the district police chief said. Soldiers clashed with rebels outside {town} for "
    "two hours, according to residents. The ministry said {m} suspects were arrested. "
    "Hundreds of people protested outside the governor's office the next day, "
    "and the group denied any role in the killings.\n\n"
)


def report(paragraphs: int) -> str:
    return "".join(
        _PARAGRAPH.format(n=k % 9 + 2, m=k % 5 + 3, town=_TOWNS[k % len(_TOWNS)])
        for k in range(paragraphs)
    )


def run_of(words: int) -> str:
    return "killed " * words


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    extract_text(text, published="2024-03-05", title="Attack report")
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=20)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    cpu_seconds(report(2))  # loads the models; not timed
    cases = (
        ("report", report, args.paragraphs),
        ("trigger run", run_of, args.words),
    )
    print(f"{'document':12} {'chars':>9} {'CPU s':>8} {'chars x10':>10} {'CPU s':>8}  ratio")
    for name, make, size in cases:
        small, large = make(size), make(10 * size)
        t_small, t_large = cpu_seconds(small), cpu_seconds(large)
        print(
            f"{name:12} {len(small):9d} {t_small:8.2f} {len(large):10d} {t_large:8.2f}"
            f"  {t_large / t_small:5.1f}  (10 = linear)"
        )


if __name__ == "__main__":
    main()
