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
the model file carries, and light context (headline, position). The runtime
is pure Python — no pickle, no scikit-learn — and scores a sentence in tens of
microseconds. The model loads lazily, once per process.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

from warwire.errors import ModelError
from warwire.taxonomy import SUB_EVENT_TYPES
from warwire.types import Token

FORMAT = "warwire-mentions/1"
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
MODEL_RESOURCE = "data/mentions_model.json"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_QUOTES = ('"', "“", "”", "«", "»")
_LENGTHS = ((5, "xs"), (10, "s"), (20, "m"), (35, "l"))


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue family: its regex, and the literal words one of which must occur for it to match.

    ``gates`` lets a sentence skip the regex with a plain substring test; the
    regex engine cannot do that itself and would cost ~10 µs per family.
    """

    name: str
    regex: re.Pattern[str]
    gates: tuple[str, ...] | None

    def search(self, low: str) -> bool:
        if self.gates is not None and not any(g in low for g in self.gates):
            return False
        return self.regex.search(low) is not None


_META = re.compile(r"[\\()\[\]{}?*+|.^$]")


def _split_top(pattern: str) -> tuple[list[str], int]:
    """The top-level ``|`` alternatives of ``pattern`` and where an unbalanced ``)`` closes it."""
    depth, start = 0, 0
    parts: list[str] = []
    for k, ch in enumerate(pattern):
        if k > 0 and pattern[k - 1] == "\\":
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return [*parts, pattern[start:k]], k
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
    return [*parts, pattern[start:]], len(pattern)


def literal_starts(pattern: str) -> list[str] | None:
    """Literal texts one of which starts every match of ``pattern`` (None: no such list)."""
    parts, _ = _split_top(pattern)
    if len(parts) > 1:
        found = [literal_starts(p) for p in parts]
        return None if any(g is None for g in found) else [x for g in found for x in g or ()]
    if pattern.startswith("(?:"):
        inner, end = _split_top(pattern[3:])
        if pattern[3 + end + 1 : 3 + end + 2] in {"?", "*", "{"}:
            return None  # the group is optional
        found = [literal_starts(p) for p in inner]
        return None if any(g is None for g in found) else [x for g in found for x in g or ()]
    m = _META.search(pattern)
    prefix = pattern if m is None else pattern[: m.start()]
    if m is not None and pattern[m.start()] in "?*{":
        prefix = prefix[:-1]  # the last literal is optional
    return [prefix] if prefix else None


def compile_cues(cues: Mapping[str, Sequence[str]]) -> tuple[Cue, ...]:
    """One regex per cue family; each alternative is matched as whole words."""
    compiled = []
    for name, patterns in cues.items():
        if not patterns:
            continue
        alternatives = "|".join(f"(?:{p})" for p in patterns)
        gates = [literal_starts(p) for p in patterns]
        compiled.append(
            Cue(
                name,
                re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"),
                None if None in gates else tuple(sorted({g for gs in gates for g in gs or ()})),
            )
        )
    return tuple(compiled)


def _word(w: str) -> str:
    if w[0].isdigit():
        digits = w.replace(",", "").replace(".", "").replace(":", "")
        return "<big>" if len(digits) >= 4 else "<num>"
    return w


def _position(position: int) -> str:
    if position <= 0:
        return "0"
    if position == 1:
        return "1"
    return "2-4" if position <= 4 else "5+"


# Common English function words: a sentence with almost none of them is in another language.
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "by",
        "for",
        "with",
        "from",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "he",
        "she",
        "they",
        "their",
        "his",
        "her",
        "who",
        "which",
        "said",
        "not",
        "be",
        "been",
        "as",
    ]
)


def _aspect(found: set[str], other: bool) -> list[str]:
    """Tense, aspect and register crossed with what else the sentence says.

    ``found`` holds the names of the cue families that matched (see
    ``data/mention_cues.yaml``); ``other`` says the sentence is not English.
    A specific occurrence is told in the past, the present perfect or (live)
    the progressive, usually with a date; a habit in
    the simple present with a frequency adverb; a caption in the present with
    no harm done; history with an old year and no day.
    """
    past = "past" in found
    perfect = "perfect" in found or "present_perfect" in found
    progressive = "progressive" in found
    present = "present" in found or "caption_verb" in found
    habitual = "habitual" in found or "habitual_time" in found
    dated = "specific_date" in found or "foreign_date" in found
    harm = any(name.startswith("trig:") for name in found) or "casualty_number" in found
    future = "modal_future" in found or "plan" in found
    signature = "".join(
        flag for flag, on in (("P", past), ("F", perfect), ("G", progressive), ("S", present)) if on
    )
    out = ["asp:" + (signature or "none"), "date:" + ("yes" if dated else "no")]
    told = past or perfect or progressive
    if present and not told:
        out.append("pres_only")
        out.append("pres_only&date" if dated else "pres_only&nodate")
        if habitual:
            out.append("hab&pres")
        if future:
            out.append("fut&pres")
    if habitual:
        out.append("hab&" + ("past" if past else "nopast"))
        if not dated:
            out.append("hab&nodate")
    if past:
        out.append("past&date" if dated else "past&nodate")
    if progressive:
        out.append("prog&" + ("harm" if harm else "noharm"))
        if not habitual:
            out.append("prog&nohab")
    if perfect and not past:
        out.append("perf_only&" + ("date" if dated else "nodate"))
    if "history_year" in found:
        out.append("hist&" + ("date" if dated else "nodate"))
    if "caption_verb" in found:
        out.append("cap&" + ("harm" if harm else "noharm"))
        if "photo" in found:
            out.append("cap&photo")
        if not past:
            out.append("cap&nopast")
    if "quote_cue" in found and present and not told:
        out.append("quote&pres")
    if future and not dated:
        out.append("fut&nodate")
    if other:
        if "foreign_event" in found:
            out.append("lang:other&event")
        if "foreign_date" in found or dated:
            out.append("lang:other&date")
    return out


def features(
    text: str,
    cues: Sequence[Cue],
    *,
    headline: bool = False,
    position: int | None = None,
    tokens: Sequence[Token] = (),
) -> set[str]:
    """The sparse binary features of one sentence (shared by training and runtime)."""
    low = text.lower()
    words = [_word(w) for w in _WORD.findall(low)]
    out = {"w:" + w for w in words}
    out.update(f"b:{a}_{b}" for a, b in pairwise(words))
    if words:
        out.add("b:<s>_" + words[0])
    other = len(words) >= 5 and sum(w in _ENGLISH for w in words) < 0.08 * len(words)
    found = {
        cue.name
        for cue in cues
        if (other or not cue.name.startswith("foreign_")) and cue.search(low)
    }
    if other:
        out.add("lang:other")
    out.update("cue:" + name for name in found)
    out.update(_aspect(found, other))
    n = len(words)
    out.add("len:" + next((label for top, label in _LENGTHS if n <= top), "xl"))
    if any(q in text for q in _QUOTES):
        out.add("quote")
        if text.lstrip()[:1] in _QUOTES:
            out.add("quote:start")
    if text.rstrip().endswith("?"):
        out.add("question")
    if not text.rstrip().endswith((".", '"', "”", "'")):
        out.add("no_stop")
    alpha = [w for w in text.split() if w[:1].isalpha()]
    if len(alpha) >= 4 and sum(w[0].isupper() for w in alpha) >= 0.7 * len(alpha):
        out.add("titlecase")
    if headline:
        out.add("ctx:headline")
    if position is not None:
        out.add("ctx:pos=" + _position(position))
    for tok in tokens:
        out.add("l:" + tok.lemma.lower())
        if tok.dep == "ROOT":
            out.add("root:" + tok.tag)
            out.add("rootl:" + tok.lemma.lower())
        elif tok.tag in {"MD", "VBG", "VBN", "VBD", "VBZ", "VBP"} and tok.dep in {"aux", "auxpass"}:
            out.add(f"aux:{tok.tag}:{tok.lemma.lower()}")
    return out


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
