"""How actor names become lookup keys, and the words the registry builds aliases from.

One normalisation for the registry's aliases and for the text scanned against them:
case, diacritics, possessives and plurals folded, so "Houthis'", "Houthi" and
"HOUTHIS" share a key. The word lists live in ``data/actor_words.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from warwire.errors import ModelError
from warwire.knowledge import data_mapping

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def fold(text: str) -> str:
    """``text`` without diacritics and with a straight apostrophe."""
    if text.isascii():  # nothing to decompose, no curly apostrophe: the common case
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


# a word's key is computed once per process, not once per scan: the registry's find()
# reads every word of every sentence, several times per document
@lru_cache(maxsize=1 << 16)
def norm_token(raw: str) -> str:
    """One word's key: folded, case-blind, without possessive or plural ending."""
    tok = fold(raw).casefold()
    if tok.endswith("'s"):
        tok = tok[:-2]
    tok = tok.replace("'", "")
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        return tok[:-1]
    return tok


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, key, folded surface) for every word of ``text``."""
    return [
        (m.start(), m.end(), norm_token(word), fold(word))
        for m in _WORD.finditer(text)
        for word in (m.group(),)
    ]


def phrase_key(text: str) -> str:
    """The lookup key of a whole phrase."""
    return " ".join(t[2] for t in tokens(text))


def slug(name: str) -> str:
    """A stable id from a canonical name."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name).casefold()).strip("-")


@dataclass(frozen=True, slots=True)
class ActorWords:
    """``data/actor_words.yaml``, parsed (see that file's header for each list)."""

    state_nouns: dict[str, tuple[str, ...]]
    bare_state: dict[str, tuple[str, ...]]
    leading_noise: frozenset[str]
    suffixes: frozenset[str]
    locative: frozenset[str]


@cache
def actor_words() -> ActorWords:
    """The packaged word lists, read once per process."""
    data = data_mapping("actor_words.yaml")
    try:
        return ActorWords(
            state_nouns={k: tuple(v) for k, v in data["state_nouns"].items()},
            bare_state={k: tuple(v) for k, v in data["bare_state"].items()},
            leading_noise=frozenset(data["leading_noise"]),
            suffixes=frozenset(data["suffixes"]),
            locative=frozenset(data["locative"]),
        )
    except (KeyError, AttributeError, TypeError) as exc:
        raise ModelError(f"data/actor_words.yaml is malformed: {exc!r}") from exc
