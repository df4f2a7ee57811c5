"""How place names are compared: the gazetteer index's lookup key and schema version.

Kept apart from the index (gazetteer.py) and its builder (gazetteer_build.py),
which both need them, so that neither imports the other's module for them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["SCHEMA_VERSION", "joined", "normalise", "skeleton"]

SCHEMA_VERSION = 4

_MARKS = re.compile(r"['’‘`ʿʾʼ′´ʻ]")
_NON_WORD = re.compile(r"[\W_]+")
_DOUBLE = re.compile(r"(.)\1")
# Arabic (and Romance) articles that transliterations keep or drop at will.
_ARTICLES = frozenset(
    "al el il ad ed ar er as es ash esh at et az ez adh ath an en the".split()  # noqa: SIM905
)
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


@lru_cache(maxsize=1 << 16)  # resolving a story asks for the same few names again and again
def normalise(name: str) -> str:
    """The lookup key: equal keys are treated as spellings of one name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _NON_WORD.sub(" ", _MARKS.sub("", text))
    tokens = text.split()
    kept = [t for i, t in enumerate(tokens) if not (t in _ARTICLES and i < len(tokens) - 1)]
    words: list[str] = []
    initials = ""
    for token in kept:  # "U.S." and "US" alike: a run of initials is one word
        if len(token) == 1:
            initials += token
            continue
        if initials:
            words.append(initials)
            initials = ""
        words.append(_spelling(token))
    if initials:
        words.append(initials)
    return " ".join(words)


def _spelling(token: str) -> str:
    token = _ABBREVIATIONS.get(token, token)
    token = _DOUBLE.sub(r"\1", token)
    if len(token) > 4:
        token = token.replace("ou", "u").replace("ee", "i")
    if len(token) > 3 and token.endswith("ah"):
        token = token[:-1]
    return token


_VOWELS = re.compile(r"[aeiouyw]+")
_LETTER_CLASSES = str.maketrans({"q": "k", "c": "k", "p": "b", "v": "f"})
MIN_SKELETON = 2  # "Ain Issa" is n-s
MIN_JOINED = 5


def joined(name: str) -> str:
    """The lookup key without its spaces: "Kafr Nabl" and "Kafrnabl" alike."""
    return normalise(name).replace(" ", "")


def skeleton(name: str) -> str:
    """The consonants of the joined key: one key for the spellings transliteration
    scatters a name over ("Manbij", "Menbej"; "Deir ez-Zor", "Deir Ezzor";
    "Kafr Nabl", "Kafrnabal"). Far too loose alone: a lookup by it is confined to
    one country and checked by similarity (see :meth:`SqliteGazetteer.lookup_loose`).
    Empty when too short to mean anything."""
    whole = joined(name)
    letters = _VOWELS.sub("", whole.translate(_LETTER_CLASSES))
    if len(whole) < MIN_JOINED or len(letters) < MIN_SKELETON or not letters.isalpha():
        return ""
    return letters
