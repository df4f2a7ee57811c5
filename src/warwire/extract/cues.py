"""The context cues that choose a sub-event type, read from ``data/subtype_cues.yaml``.

The words (who the victims are, what makes a crowd a demonstration, which
words mean aircraft) are data; :mod:`warwire.extract.rules` and
:mod:`warwire.extract.crowds` only ask whether a cue list matches.
"""

from __future__ import annotations

import re
from functools import cache

from warwire.errors import ModelError
from warwire.knowledge import data_mapping


@cache
def _raw() -> dict[str, list[str]]:
    data = data_mapping("subtype_cues.yaml")
    return {str(k): [str(w) for w in (v or ())] for k, v in data.items()}


@cache
def cue(name: str) -> re.Pattern[str]:
    """The cue list ``name`` as one pattern over lower-cased text (word-bounded)."""
    fragments = _raw().get(name)
    if fragments is None:
        raise ModelError(f"data/subtype_cues.yaml has no cue list {name!r}")
    body = "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


@cache
def words(name: str) -> frozenset[str]:
    """A cue list used as plain lemmas (background prepositions and verbs)."""
    fragments = _raw().get(name)
    if fragments is None:
        raise ModelError(f"data/subtype_cues.yaml has no cue list {name!r}")
    return frozenset(w.lower() for w in fragments)


def has(name: str, text: str) -> bool:
    return cue(name).search(text) is not None


def without(name: str, text: str) -> str:
    """``text`` with every match of cue list ``name`` blanked out."""
    return cue(name).sub(" ", text)
