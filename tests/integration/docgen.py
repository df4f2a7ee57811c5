"""Short generated news items for scale tests: deterministic for a given seed.

Sentences are assembled from small hand-written parts (attacks, clashes,
protests, shelling, and lines with no event at all), so a corpus of any size
exercises the trigger scan, the parser and the resolvers the way real wire
copy does, and the same seed always gives the same texts.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACES = ["Kabul", "Mogadishu", "Aleppo", "Goma", "Mosul", "Kharkiv", "Gao", "Maiduguri",
          "Benghazi", "Juba", "Kandahar", "Homs", "Bamako", "Sanaa", "Bunia"]  # fmt: skip
ARMED = ["gunmen", "militants", "insurgents", "unidentified attackers", "armed men", "rebels"]
FORCES = ["government troops", "the army", "security forces", "police", "soldiers"]
EVENTS = [
    "{armed} attacked a checkpoint in {place} on {day}, killing {n} {victims}.",
    "{armed} clashed with {forces} near {place} on {day}; {n} fighters were killed.",
    "Artillery shells hit a market in {place} on {day}, killing {n} civilians.",
    "Hundreds of people protested in {place} on {day} against rising fuel prices.",
    "An airstrike on a village outside {place} killed {n} people on {day}, residents said.",
    "{forces} said they repelled an assault by {armed} on a base in {place} on {day}.",
    "A roadside bomb struck a bus near {place} on {day}, wounding {n} passengers.",
]
FILLER = [
    "Officials did not respond to requests for comment.",
    "The region has seen repeated violence this year.",
    "Aid groups say access to the area remains difficult.",
    "Schools in the district reopened last month after a long closure.",
    "The ministry announced a new budget for road repairs.",
]
VICTIMS = ["soldiers", "police officers", "civilians", "guards"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def document(rng: random.Random, n: int) -> dict[str, Any]:
    """One item: one or two event sentences among filler, or (one in ten) filler only."""
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(365))
    lines = rng.sample(FILLER, 2)
    if rng.random() > 0.1:
        for template in rng.sample(EVENTS, rng.choice([1, 1, 2])):
            lines.insert(rng.randrange(len(lines) + 1), template.format(
                armed=rng.choice(ARMED), forces=rng.choice(FORCES), place=rng.choice(PLACES),
                day=rng.choice(DAYS), n=rng.randint(2, 30), victims=rng.choice(VICTIMS),
            ))  # fmt: skip
    lines.append(f"This is dispatch {n} from our desk.")  # distinct texts, distinct doc ids
    text = " ".join(lines)
    return {"id": f"gen-{n:05d}", "title": f"Report {n}", "published": published.isoformat(),
            "source": "Generated Wire", "text": text[0].upper() + text[1:]}  # fmt: skip


def generate(count: int, seed: int = 14) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [document(rng, n) for n in range(count)]


def write_jsonl(path: Path, count: int, seed: int = 14) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in generate(count, seed)), encoding="utf-8")
    return path
