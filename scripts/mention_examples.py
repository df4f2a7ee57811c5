"""Labelled sentences for the mention model (scripts/train_mentions.py reads them).

Each source becomes :class:`Example` rows with a weight that says how much it is
trusted: our own sentences in full, UCDP headlines as a light hint, geoparsing
stories as negatives, and the real set's *tune* part labelled from its gold (the
score part is read only for ``--report``).
"""

from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from warwire.evaluate.split import part_of
from warwire.extract.triggers import is_candidate
from warwire.nlp import split_sentences
from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Token

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
WEAK = 0.25  # weight of unlabelled sentences of real articles with events
DUP_WEAK = 0.05  # ... and of those naming a coded event's place: likely a second mention of it
REAL_POSITIVE = 3.0  # in-domain positives are few and worth more than clean sentences
UCDP_WEIGHT = 0.1  # many, short and all of one style: a hint, not the bulk
UCDP_MAX = 2500
_TOTALISH = re.compile(r"toll|total|daily report|\bdaily\b|section|\d{3,}|months|years", re.I)
_EXPLOSIVE = re.compile(
    r"shell|bomb|air ?strike|air raid|missile|rocket|drone|barrel|explo|mine\b|\bied|artillery"
    r"|mortar|warplane|aerial|helicopter|aircraft|suicide|jets?\b",
    re.I,
)
_CONFLICT = re.compile(
    r"\b(?:kill\w*|attack\w*|bomb\w*|shell\w*|troops|soldiers?|militants?|rebels?|insurgen\w*"
    r"|protest\w*|clash\w*|gunmen|fighting|war|military|army|airstrikes?|explosion|blast|terror\w*"
    r"|shot|shooting|dead|deaths?|riot\w*|arrest\w*|police|violence|massacre|hostage|kidnap\w*"
    r"|abduct\w*|militia\w*|ceasefire|strike|missile|rocket\w*|weapons?|guns?|murder\w*"
    r"|casualt\w*|wounded|injur\w*)\b",
    re.I,
)
_RISKY = re.compile(
    r"protest|demonstrat|riot|clash|attack|bomb|shelled|shelling|militant|rebel|troops|gunmen"
    r"|killed|shot|arrest|kidnap|abduct|broken up|assault|stabb",
    re.I,
)


@dataclass
class Example:
    text: str
    event: bool
    etype: str | None
    weight: float
    group: str
    source: str
    headline: bool = False
    position: int | None = None
    tokens: tuple[Token, ...] = field(default=(), repr=False)


def read_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def own_examples() -> list[Example]:
    """Our golden sentences and reports and the hand-written hard cases."""
    out: list[Example] = []
    for i, row in enumerate(read_yaml(ROOT / "tests/golden/sentences.yaml")):  # type: ignore[arg-type]
        sub = row.get("sub")
        etype = EVENT_TYPE_OF[sub] if sub else None
        out.append(Example(row["text"], sub is not None, etype, 1.0, f"gs{i}", "golden"))
    for rep in read_yaml(ROOT / "tests/golden/reports.yaml"):  # type: ignore[union-attr]
        text = rep["text"].strip()
        spans = [s.text_in(text) for s in split_sentences(rep["id"], text)]
        events = rep.get("events") or []
        if not events and not rep.get("claims"):
            out += [
                Example(s, False, None, 1.0, rep["id"], "golden", position=k)
                for k, s in enumerate(spans)
            ]
        for ev in events:
            sub = ev["sub"][0] if isinstance(ev["sub"], list) else ev["sub"]
            loc = str(ev.get("location", ""))
            k = next((k for k, s in enumerate(spans) if loc and loc in s), 0)
            out.append(
                Example(spans[k], True, EVENT_TYPE_OF[sub], 1.0, rep["id"], "golden", position=k)
            )
    hand = read_yaml(ROOT / "scripts/mentions_sentences.yaml")
    for etype, texts in hand["events"].items():  # type: ignore[index]
        out += [Example(t, True, etype, 1.0, f"own:{t}", "own") for t in texts]
    for _why, texts in hand["not_events"].items():  # type: ignore[index]
        out += [Example(t, False, None, 1.0, f"own:{t}", "own") for t in texts]
    return out


def ucdp_examples(shared: Path) -> list[Example]:
    """UCDP headlines: violent events, typed by UCDP's violence type and the weapon named."""
    path = shared / "data/ucdp/ucdp_ged_dev.csv"
    seen: set[str] = set()
    out: list[Example] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if part_of(row["id"]) != "tune":
                continue
            for head in row["source_headline"].split(";"):
                head = head.strip()
                if len(head.split()) < 4 or head.lower() in seen or _TOTALISH.search(head):
                    continue
                if not is_candidate(head):
                    continue
                seen.add(head.lower())
                if _EXPLOSIVE.search(head):
                    etype = "Explosions/Remote violence"
                elif row["type_of_violence"] == "3":
                    etype = "Violence against civilians"
                else:
                    etype = "Battles"
                out.append(Example(head, True, etype, UCDP_WEIGHT, "ucdp:" + row["id"], "ucdp"))
    random.Random(SEED).shuffle(out)
    return out[:UCDP_MAX]


def geoparse_examples(shared: Path) -> list[Example]:
    """Sentences of geoparsing-corpus stories with (almost) no conflict vocabulary."""
    rng = random.Random(SEED)
    out: list[Example] = []
    for path in sorted((shared / "data/geoparse").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                text = doc["text"]
                if part_of(str(doc["id"])) != "tune" or len(_CONFLICT.findall(text)) > 2:
                    continue
                for k, span in enumerate(split_sentences(str(doc["id"]), text)):
                    s = span.text_in(text)
                    if _RISKY.search(s) or not (is_candidate(s) or rng.random() < 0.15):
                        continue
                    out.append(
                        Example(s, False, None, 1.0, f"geo:{doc['id']}", "geoparse", position=k)
                    )
    return out


def real_examples(shared: Path, part: str) -> list[Example]:
    """Sentences of one part of the real set, labelled from its gold."""
    folder = shared / "data/real"
    with (folder / "articles.jsonl").open(encoding="utf-8") as f:
        articles = [a for a in map(json.loads, f) if part_of(a["id"]) == part]
    with (folder / "gold.jsonl").open(encoding="utf-8") as f:
        gold = [g for g in map(json.loads, f) if part_of(g["article_id"]) == part]
    out: list[Example] = []
    for art in articles:
        text, aid = art["text"], art["id"]
        rows = [g for g in gold if g["article_id"] == aid]
        negative = any(g.get("negative") for g in rows)
        marks: list[tuple[int, int, str | None, float]] = []
        for g in rows:
            ev = g.get("evidence") or ""
            at = text.find(ev) if ev else -1
            if at >= 0 and "event_type" in g:
                marks.append((at, at + len(ev), g["event_type"], 0.6 if g.get("optional") else 1.0))
            elif at >= 0 and g.get("aggregate"):
                marks.append((at, at + len(ev), None, 1.0))
        title = (art.get("title") or "").strip().lower()
        places = {
            w.lower()
            for g in rows
            if "event_type" in g
            for w in re.findall(r"[^\W\d_]{4,}", str(g.get("location") or ""))
        }
        for k, span in enumerate(split_sentences(aid, text)):
            s = span.text_in(text)
            hits = [m for m in marks if m[0] < span.end and m[1] > span.start]
            head = bool(title) and s.strip().lower() == title
            typed = [m for m in hits if m[2] is not None]
            if typed:
                best = max(typed, key=lambda m: (m[3], min(m[1], span.end) - max(m[0], span.start)))
                weight = best[3] * REAL_POSITIVE
                out.append(Example(s, True, best[2], weight, aid, "real", head, k))
            else:
                low = s.lower()
                dup = any(re.search(rf"\b{re.escape(w)}\b", low) for w in places)
                weight = 1.0 if negative or hits else DUP_WEAK if dup else WEAK
                out.append(Example(s, False, None, weight, aid, "real", head, k))
    return out


def parse(examples: list[Example]) -> None:
    """Attach a spaCy parse to every example (the runtime gets one for parsed sentences)."""
    from warwire.nlp import load_model

    docs = load_model().pipe([e.text for e in examples], batch_size=256)
    for e, doc in zip(examples, docs, strict=True):
        e.tokens = tuple(
            Token(
                t.i, t.text, t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i
            )
            for t in doc
        )
