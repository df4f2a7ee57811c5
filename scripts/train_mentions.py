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
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from mention_examples import (
    ROOT,
    SEED,
    Example,
    geoparse_examples,
    own_examples,
    parse,
    read_yaml,
    real_examples,
    ucdp_examples,
)
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from warwire.extract.mention_features import compile_cues, features
from warwire.extract.mentions import EVENT_TYPES, FORMAT
from warwire.extract.triggers import _stem, is_candidate, lexicon

MIN_COUNT = 3
C_EVENT, C_TYPE = 1.0, 0.5


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
    cues = {**read_yaml(ROOT / "src/warwire/data/mention_cues.yaml"), **trigger_cues()}  # type: ignore[dict-item]
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
