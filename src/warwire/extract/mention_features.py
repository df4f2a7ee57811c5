"""Sentence features of the mention model: cue families, tense and aspect, light context.

Training (``scripts/train_mentions.py``) and runtime (:mod:`warwire.extract.mentions`)
must featurise a sentence identically, so this one module owns every feature and
the cue compiler; the model file only carries the cue patterns and the weights.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from warwire.types import Token

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
        if self.gates is not None:
            for gate in self.gates:  # a plain loop: ~25% cheaper than any() over a generator
                if gate in low:
                    break
            else:
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


def _after_quantifier(pattern: str, at: int) -> str | None:
    """What follows a ``?``, ``*`` or ``{m,n}`` (and its lazy ``?`` or possessive ``+``)
    at ``pattern[at]``; None if no such quantifier stands there."""
    if pattern[at : at + 1] in {"?", "*"}:
        at += 1
    elif pattern[at : at + 1] == "{" and (close := pattern.find("}", at)) > at:
        at = close + 1
    else:
        return None
    return pattern[at + 1 :] if pattern[at : at + 1] in {"?", "+"} else pattern[at:]


def literal_starts(pattern: str) -> list[str] | None:
    """Literal texts one of which starts every match of ``pattern`` (None: no such list)."""
    parts, _ = _split_top(pattern)
    if len(parts) > 1:
        found = [literal_starts(p) for p in parts]
        return None if any(g is None for g in found) else [x for g in found for x in g or ()]
    if pattern.startswith("(?:"):
        inner, end = _split_top(pattern[3:])
        found = [literal_starts(p) for p in inner]
        if (rest := _after_quantifier(pattern, 3 + end + 1)) is not None:
            # "(?:war)?planes?": a match starts with the group's or with what follows it
            found.append(literal_starts(rest) if rest else None)
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
