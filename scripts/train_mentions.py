"""Train the mention model (warwire.extract.mentions): src/warwire/data/mentions_model.json.

Why a script: the shipped model must be reproducible from files we have, with
fixed seeds, and scikit-learn is needed only here (``pip install -e .[train]``);
the runtime reads the JSON it writes.

Training data:

* our own labelled sentences: tests/golden/sentences.yaml, tests/golden/reports.yaml
  and scripts/mentions_sentences.yaml (hard negatives: habitual, plans, history,
  opinion, totals, page furniture);
* the *tune* part of the UCDP GED headlines, ../shared/data/ucdp/ucdp_ged_dev.csv
  (positives; type from type_of_violence and the weapon named). UCDP data is
  CC BY 4.0: Sundberg, Ralph and Erik Melander (2013) "Introducing the UCDP
  Georeferenced Event Dataset", Journal of Peace Research 50(4); and the UCDP GED codebook;
* the non-conflict stories of the *tune* part of ../shared/data/geoparse/*.jsonl (negatives);
* the *tune* part of ../shared/data/real (warwire.evaluate.split.part_of): sentences
  holding a gold event's evidence are positives of its type, sentences of negative
  articles and aggregate evidence are negatives, other sentences are down-weighted
  negatives (often background, sometimes a second mention of a coded event).

The score parts (of the real set, the UCDP rows and the geoparsing stories) are
never trained or tuned on, so ``warwire eval ... --part score`` stays held out; ``--report`` only
measures on it. Without ../shared the script trains on our own files and says so.

    .venv/bin/python scripts/train_mentions.py [--report] [--parse] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from warwire.evaluate.split import part_of
from warwire.extract.mention_features import compile_cues, features
from warwire.extract.mentions import EVENT_TYPES, FORMAT
from warwire.extract.triggers import _stem, is_candidate, lexicon
from warwire.nlp import split_sentences
from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Token

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
MIN_COUNT = 3
C_EVENT, C_TYPE = 1.0, 0.5
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


def _read_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def own_examples() -> list[Example]:
    """Our golden sentences and reports and the hand-written hard cases."""
    out: list[Example] = []
    for i, row in enumerate(_read_yaml(ROOT / "tests/golden/sentences.yaml")):  # type: ignore[arg-type]
        sub = row.get("sub")
        etype = EVENT_TYPE_OF[sub] if sub else None
        out.append(Example(row["text"], sub is not None, etype, 1.0, f"gs{i}", "golden"))
    for rep in _read_yaml(ROOT / "tests/golden/reports.yaml"):  # type: ignore[union-attr]
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
    hand = _read_yaml(ROOT / "scripts/mentions_sentences.yaml")
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


class Vectors:
    """Feature sets to a sparse matrix over a vocabulary of features seen MIN_COUNT times."""

    def __init__(self, feats: list[set[str]]) -> None:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
        self.vocab = {
            f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))
        }

    def matrix(self, feats: list[set[str]], typing: bool = False) -> csr_matrix:
        """Rows of ``feats``; ``typing`` leaves out context features (see :func:`fit`)."""
        rows, cols = [], []
        for r, fs in enumerate(feats):
            for f in fs:
                c = self.vocab.get(f)
                if c is not None and not (typing and f.startswith("ctx:")):
                    rows.append(r)
                    cols.append(c)
        data = np.ones(len(rows))
        return csr_matrix((data, (rows, cols)), shape=(len(feats), len(self.vocab)))


def trigger_cues() -> dict[str, list[str]]:
    """The trigger lexicon as one cue family per sub-event type: the type's strongest hint."""
    out: dict[str, list[str]] = {}
    for rule in lexicon():
        words = sorted({re.escape(_stem(w)) + r"\w*" for w in rule.lemmas} | set(rule.candidates))
        bare = [
            p.pattern.removeprefix(r"(?<![\w-])").removesuffix(r"(?![\w])") for p in rule.patterns
        ]
        out["trig:" + rule.sub_event_type] = words + bare
    return out


def featurize(examples: list[Example], cues: dict) -> list[set[str]]:
    compiled = compile_cues(cues)
    return [
        features(e.text, compiled, headline=e.headline, position=e.position, tokens=e.tokens)
        for e in examples
    ]


def fit(examples: list[Example], feats: list[set[str]]) -> Fitted:
    """The event detector over all examples; the type classifier over the positives.

    The type classifier does not see context features: where a sentence sits says
    whether it is new, not what kind of event it reports.
    """
    vec = Vectors(feats)
    X = vec.matrix(feats)
    y = np.array([e.event for e in examples])
    w = np.array([e.weight for e in examples])
    w = w * np.where(y, 1.0, w[y].sum() / max(w[~y].sum(), 1e-9))  # balance the classes
    det = LogisticRegression(C=C_EVENT, solver="liblinear", max_iter=3000, random_state=SEED)
    det.fit(X, y, sample_weight=w)
    pos = np.flatnonzero(y)
    labels = np.array([EVENT_TYPES.index(str(examples[i].etype)) for i in pos])
    typ = LogisticRegression(
        C=C_TYPE, solver="newton-cg", class_weight="balanced", max_iter=3000, random_state=SEED
    )
    typ.fit(vec.matrix(feats, typing=True)[pos], labels, sample_weight=w[pos])
    return Fitted(vec, det, typ)


@dataclass
class Fitted:
    vec: Vectors
    det: LogisticRegression
    typ: LogisticRegression

    def predict(self, feats: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
        """p_event and the six type probabilities of each feature set."""
        probs = np.zeros((len(feats), len(EVENT_TYPES)))
        probs[:, self.typ.classes_] = self.typ.predict_proba(self.vec.matrix(feats, typing=True))
        return self.det.predict_proba(self.vec.matrix(feats))[:, 1], probs


def cross_validate(examples: list[Example], feats: list[set[str]], folds: int = 5):
    """Out-of-fold predictions, each document (or headline row) kept in one fold."""
    groups = sorted({e.group for e in examples})
    random.Random(SEED).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    p = np.zeros(len(examples))
    t = np.zeros((len(examples), len(EVENT_TYPES)))
    for k in range(folds):
        train = [i for i, e in enumerate(examples) if fold_of[e.group] != k]
        test = [i for i, e in enumerate(examples) if fold_of[e.group] == k]
        model = fit([examples[i] for i in train], [feats[i] for i in train])
        p[test], t[test] = model.predict([feats[i] for i in test])
    return p, t


def _strict(e: Example) -> bool:
    """Labelled for sure: evidence, negatives' sentences, aggregates (not the weak rest)."""
    return e.event or e.weight >= 1


def measure(examples: list[Example], p, t, cut: float, strict: bool = True) -> str:
    """Sentence P/R of p_event > cut on trigger-bearing sentences, and type accuracy."""
    keep = [
        i for i, e in enumerate(examples) if is_candidate(e.text) and (_strict(e) or not strict)
    ]
    pos = [i for i in keep if examples[i].event]
    neg = [i for i in keep if not examples[i].event]
    tp = sum(p[i] > cut for i in pos)
    fp = sum(p[i] > cut for i in neg)
    acc = sum(EVENT_TYPES[int(t[i].argmax())] == examples[i].etype for i in pos)
    return (
        f"n+={len(pos)} n-={len(neg)} P={tp / max(tp + fp, 1):.3f} R={tp / max(len(pos), 1):.3f}"
        f" type_acc={acc / max(len(pos), 1):.3f}"
    )


def choose_threshold(examples: list[Example], p: np.ndarray) -> float:
    """The cut maximising TPR - FPR on real tune sentences (out of fold).

    Negatives count with their weight: the sentences of negative articles and
    aggregates fully, the unlabelled rest (background, or a second mention of a
    coded event) at their reduced weight. F1 is no guide here: the strict set has
    more positives than negatives, so F1 rewards accepting everything.
    """
    idx = [i for i, e in enumerate(examples) if e.source == "real" and is_candidate(e.text)]
    pos = [i for i in idx if examples[i].event]
    neg = [i for i in idx if not examples[i].event]
    if not pos or not neg:
        return 0.5
    wn = np.array([examples[i].weight for i in neg])
    scores = [
        (
            round(float(np.mean(p[pos] >= c) - np.sum(wn * (p[neg] >= c)) / wn.sum()), 6),
            -abs(c - 0.5),
            round(float(c), 2),
        )
        for c in np.arange(0.05, 0.96, 0.01)
    ]
    return max(scores)[2]


def model_json(fitted: Fitted, cues: dict, cut: float, info: dict) -> dict:
    """The model file: weights rounded and near-zero ones dropped (keeps it small)."""
    names = list(fitted.vec.vocab)
    ev_w = fitted.det.coef_[0]
    ty_w = np.zeros((len(EVENT_TYPES), len(names)))
    ty_b = np.full(len(EVENT_TYPES), -30.0)  # a type never seen in training is never predicted
    ty_w[fitted.typ.classes_] = fitted.typ.coef_
    ty_b[fitted.typ.classes_] = fitted.typ.intercept_
    event = {n: round(float(w), 3) for n, w in zip(names, ev_w, strict=True) if abs(w) >= 0.02}
    types = {
        n: [round(float(v), 2) for v in ty_w[:, j]]
        for j, n in enumerate(names)
        if np.abs(ty_w[:, j]).max() >= 0.05
    }
    return {
        "format": FORMAT,
        "threshold": cut,
        "cues": cues,
        "event": {"bias": round(float(fitted.det.intercept_[0]), 4), "weights": event},
        "type": {
            "labels": list(EVENT_TYPES),
            "bias": [round(float(b), 4) for b in ty_b],
            "weights": types,
        },
        "info": info,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src/warwire/data/mentions_model.json")
    ap.add_argument("--parse", action="store_true", help="add spaCy lemma/tag features")
    ap.add_argument("--report", action="store_true", help="also measure on the real score part")
    args = ap.parse_args(argv)
    cues = {**_read_yaml(ROOT / "src/warwire/data/mention_cues.yaml"), **trigger_cues()}  # type: ignore[dict-item]
    examples = own_examples()
    shared = (args.shared / "data").is_dir()
    if shared:
        examples += ucdp_examples(args.shared) + geoparse_examples(args.shared)
        examples += real_examples(args.shared, "tune")
    else:
        print(f"no {args.shared}/data: training on our own sentences only", file=sys.stderr)
    if args.parse:
        parse(examples)
    counts: dict[str, list[int]] = {}
    for e in examples:
        counts.setdefault(e.source, [0, 0])[e.event] += 1
    print("examples [negative, positive]:", counts)
    feats = featurize(examples, cues)
    p, t = cross_validate(examples, feats)
    cut = choose_threshold(examples, p) if shared else 0.5
    print(f"threshold (TPR-FPR on real tune, out of fold): {cut}")
    for src in sorted(counts):
        sub = [i for i, e in enumerate(examples) if e.source == src]
        picked = [examples[i] for i in sub]
        print(f"  cv {src:9s}", measure(picked, p[sub], t[sub], cut, strict=False))
    real = [i for i, e in enumerate(examples) if e.source == "real"]
    for cut_ in sorted({cut, 0.3, 0.5, 0.7}) if real else ():
        ex_real = [examples[i] for i in real]
        print(f"  cv real tune @{cut_:.2f} strict:", measure(ex_real, p[real], t[real], cut_))
        print(
            f"  cv real tune @{cut_:.2f} all   :", measure(ex_real, p[real], t[real], cut_, False)
        )
    fitted = fit(examples, feats)
    info = {
        "seed": SEED,
        "parse": args.parse,
        "examples": counts,
        "features": len(fitted.vec.vocab),
    }
    data = model_json(fitted, cues, cut, info)
    args.out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    if args.report and shared:
        score = real_examples(args.shared, "score")
        if args.parse:
            parse(score)
        ps, ts = fitted.predict(featurize(score, cues))
        for cut_ in sorted({cut, 0.3, 0.5, 0.7}):
            print(f"score part @{cut_:.2f} strict:", measure(score, ps, ts, cut_))
            print(f"score part @{cut_:.2f} all   :", measure(score, ps, ts, cut_, False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
