"""A learned decision over candidate sentences: does this one report an event, and which?

The trigger lexicon finds every sentence that *talks about* violence; most of
them on real pages are background, habits, plans, history, opinion, totals or
page furniture, and rules over words alone could not tell them apart (sentence
precision 0.34 on real text). This module scores a sentence with two small
logistic regressions shipped as one JSON file (``data/mentions_model.json``,
written by ``scripts/train_mentions.py``):

* :func:`p_event` — the probability that the sentence reports a specific,
  asserted, past occurrence of political violence, a demonstration or a
  strategic development;
* :func:`event_type` — the most likely of ACLED's six event types, with its
  probability.

Features are word and bigram presence, lemmas when a parse is given, cue
families (habitual, plan, history, total, furniture, ...) from the cue lexicon
the model file carries, and light context (headline, position); they live in
:mod:`warwire.extract.mention_features`, shared with training. The runtime
is pure Python — no pickle, no scikit-learn — and scores a sentence in tens of
microseconds. The model loads lazily, once per process.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from warwire.errors import ModelError
from warwire.extract.mention_features import Cue, compile_cues, features
from warwire.taxonomy import SUB_EVENT_TYPES
from warwire.types import Token

FORMAT = "warwire-mentions/1"
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
MODEL_RESOURCE = "data/mentions_model.json"


@dataclass(frozen=True, slots=True)
class MentionScore:
    """Both decisions for one sentence; ``types`` maps each event type to its probability."""

    p_event: float
    event_type: str
    type_probability: float
    types: dict[str, float]


@dataclass(frozen=True, slots=True)
class MentionModel:
    """Weights of the event detector and the type classifier, and the cues they were fit on."""

    cues: tuple[Cue, ...]
    event_bias: float
    event_weights: dict[str, float]
    type_bias: tuple[float, ...]
    type_weights: dict[str, tuple[float, ...]]
    threshold: float
    info: dict[str, Any]

    def featurize(
        self,
        text: str,
        *,
        headline: bool = False,
        position: int | None = None,
        tokens: Sequence[Token] = (),
    ) -> set[str]:
        return features(text, self.cues, headline=headline, position=position, tokens=tokens)

    def p_event_of(self, feats: set[str]) -> float:
        weights = self.event_weights
        z = self.event_bias + sum(weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def types_of(self, feats: set[str]) -> dict[str, float]:
        z = list(self.type_bias)
        for f in feats:
            row = self.type_weights.get(f)
            if row is not None:
                for k, w in enumerate(row):
                    z[k] += w
        top = max(z)
        exps = [math.exp(v - top) for v in z]
        total = sum(exps)
        return {t: e / total for t, e in zip(EVENT_TYPES, exps, strict=True)}

    def score(self, feats: set[str]) -> MentionScore:
        types = self.types_of(feats)
        best = max(types, key=types.__getitem__)
        return MentionScore(self.p_event_of(feats), best, types[best], types)


def _fail(where: str, problem: str) -> ModelError:
    return ModelError(f"mention model {where}: {problem}; retrain with scripts/train_mentions.py")


def _number(value: object, where: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(where, f"{what} is not a finite number")
    return float(value)


def _row(value: object, where: str, what: str) -> tuple[float, ...]:
    if not isinstance(value, list) or len(value) != len(EVENT_TYPES):
        raise _fail(where, f"{what} must be a list of {len(EVENT_TYPES)} numbers")
    return tuple(_number(v, where, what) for v in value)


def model_from_dict(raw: object, where: str = "(in memory)") -> MentionModel:
    """Check a decoded model file and build the model; :class:`ModelError` says what is wrong."""
    if not isinstance(raw, dict):
        raise _fail(where, "is not a JSON object")
    if raw.get("format") != FORMAT:
        raise _fail(where, f"has format {raw.get('format')!r}, expected {FORMAT!r}")
    for key in ("cues", "event", "type", "threshold"):
        if key not in raw:
            raise _fail(where, f"lacks {key!r}")
    cues, event, typ = raw["cues"], raw["event"], raw["type"]
    if not isinstance(cues, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in cues.values()
    ):
        raise _fail(where, "'cues' must map names to lists of patterns")
    if not isinstance(event, dict) or not isinstance(event.get("weights"), dict):
        raise _fail(where, "'event' must hold 'bias' and a 'weights' object")
    if not isinstance(typ, dict) or not isinstance(typ.get("weights"), dict):
        raise _fail(where, "'type' must hold 'labels', 'bias' and a 'weights' object")
    if tuple(typ.get("labels", ())) != EVENT_TYPES:
        raise _fail(where, f"type labels must be ACLED's {len(EVENT_TYPES)} event types in order")
    threshold = _number(raw["threshold"], where, "threshold")
    if not 0.0 < threshold < 1.0:
        raise _fail(where, "threshold must lie strictly between 0 and 1")
    try:
        compiled = compile_cues(cues)
    except re.error as exc:
        raise _fail(where, f"a cue pattern does not compile ({exc})") from exc
    return MentionModel(
        cues=compiled,
        event_bias=_number(event.get("bias"), where, "event bias"),
        event_weights={
            str(f): _number(w, where, f"event weight {f!r}") for f, w in event["weights"].items()
        },
        type_bias=_row(typ.get("bias"), where, "type bias"),
        type_weights={
            str(f): _row(w, where, f"type weight {f!r}") for f, w in typ["weights"].items()
        },
        threshold=threshold,
        info=dict(raw.get("info", {})) if isinstance(raw.get("info"), dict) else {},
    )


def load_model(path: Path | None = None) -> MentionModel:
    """Read and check a model file (the packaged one when ``path`` is None)."""
    where = str(path) if path is not None else f"warwire/{MODEL_RESOURCE}"
    try:
        if path is None:
            text = files("warwire").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(where, f"cannot be read ({exc})") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(where, f"is not valid JSON ({exc})") from exc
    return model_from_dict(raw, where)


@cache
def default_model() -> MentionModel:
    """The packaged model, loaded on first use and kept for the process."""
    return load_model()


def threshold() -> float:
    """The packaged model's recommended cut on :func:`p_event` (chosen on training data only)."""
    return default_model().threshold


def score(
    text: str,
    *,
    headline: bool = False,
    position: int | None = None,
    tokens: Sequence[Token] = (),
) -> MentionScore:
    """Both decisions at once (one featurisation); prefer this when you need both."""
    model = default_model()
    return model.score(model.featurize(text, headline=headline, position=position, tokens=tokens))


# A headline is short, names no day and tells a past event in the present: the
# model, fit on articles' sentences, learned those as marks of a caption, a habit
# or a teaser. For a document that is one headline they are its genre, not
# evidence, so :func:`p_event` leaves them out; the evidence for (a day, the
# past tense) and against (habit, plan, history, total cues) still counts.
_HEADLINE_GENRE = frozenset(
    {"len:xs", "len:s", "date:no", "asp:S", "asp:none", "pres_only", "pres_only&nodate"}
)


def p_event(
    text: str,
    *,
    headline: bool = False,
    position: int | None = None,
    tokens: Sequence[Token] = (),
    one_line: bool = False,
) -> float:
    """Probability that ``text`` reports a specific, asserted, past event.

    ``headline`` marks a title; ``position`` is the sentence's index in its
    document (0 first); ``tokens`` the sentence's parse when it has one.
    ``one_line`` says the text is the whole document (a headline-only input or
    a one-line alert), read as a headline is written (see ``_HEADLINE_GENRE``).
    """
    model = default_model()
    feats = model.featurize(text, headline=headline, position=position, tokens=tokens)
    if one_line:
        feats -= _HEADLINE_GENRE
    return model.p_event_of(feats)


def event_type(
    text: str,
    *,
    headline: bool = False,
    position: int | None = None,
    tokens: Sequence[Token] = (),
) -> tuple[str, float]:
    """The most likely ACLED event type of the event ``text`` reports, and its probability."""
    result = score(text, headline=headline, position=position, tokens=tokens)
    return result.event_type, result.type_probability
