"""Which language a document is written in, and routing stages by it.

py3langid's model ships inside its wheel (nothing is downloaded). Headlines are
short and often carry foreign place names, so for a short text the model's
answer is taken only when it is confident and no English words speak against
it; too little text reads as English. Long texts are left to the model. The
candidate languages, the thresholds and the English words are data
(``data/languages.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from warwire.knowledge import data_mapping
from warwire.stage import Stage
from warwire.types import Analysis, Rejection

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["ENGLISH", "NOT_EXTRACTED", "ForLanguages", "LanguageGate", "detect_language"]

ENGLISH = "en"
NOT_EXTRACTED = "not_extracted"  # the Rejection reason of a document kept unread
_WORD = re.compile(r"[^\W\d_]+")
_FEW_WORDS = 8  # up to this many words, one English word keeps a text English
_SHORT_WORDS = 40  # a headline, an alert, a short note: English words are evidence
_SAMPLE = 5000  # characters read: enough for a confident answer on any article


@dataclass(frozen=True, slots=True)
class _Config:
    candidates: tuple[str, ...]
    min_letters: int
    confidence: float
    english_markers: frozenset[str]
    non_latin: frozenset[str]


@cache
def _config() -> _Config:
    data = data_mapping("languages.yaml")
    return _Config(
        tuple(str(c) for c in data["candidates"]),
        int(data["min_letters"]),
        float(data["confidence"]),
        frozenset(str(w).lower() for w in data["english_markers"]),
        frozenset(str(c) for c in data["non_latin"]),
    )


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(_config().candidates))
    return identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``en`` when it cannot be told."""
    config = _config()
    sample = text[:_SAMPLE]
    words = [w.lower() for w in _WORD.findall(sample)]
    if sum(map(len, words)) < config.min_letters:
        return ENGLISH
    if len(words) <= _SHORT_WORDS:
        english = sum(w in config.english_markers for w in words)
        if english >= 2 or (english and len(words) <= _FEW_WORDS):
            return ENGLISH
    language, probability = _identifier().classify(sample)
    if language != ENGLISH and probability < config.confidence:
        return ENGLISH
    if language in config.non_latin and len(words) <= _SHORT_WORDS and _latin(words):
        return ENGLISH
    return str(language)


def _latin(words: list[str]) -> bool:
    """Most letters are Latin (Latin-1 and its extensions included)."""
    letters = "".join(words)
    return sum(ch <= "\u024f" for ch in letters) * 2 > len(letters)


# --------------------------------------------------------------------------- routing


class LanguageGate:
    """Pipeline stage "language": a document in a language no extraction path reads
    is kept (stored with its language) and carries a one-line Rejection saying so,
    instead of coming out silently empty."""

    name = "language"
    needs = frozenset({"document"})
    adds = frozenset({"language"})

    def __init__(self, readable: frozenset[str]) -> None:
        self.readable = readable

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return [a if a.document.language in self.readable else self._reject(a) for a in batch]

    @staticmethod
    def _reject(analysis: Analysis) -> Analysis:
        doc = analysis.document
        why = Rejection(
            "language", NOT_EXTRACTED, f"not extracted: language {doc.language}", doc.input_id
        )
        return replace(analysis, rejections=(*analysis.rejections, why))


class ForLanguages:
    """A stage run only on documents in ``languages``; the others pass through
    untouched (the English parse and place stages on English text only)."""

    def __init__(self, stage: Stage, languages: frozenset[str]) -> None:
        self.stage = stage
        self.languages = languages
        self.name = stage.name
        self.needs = stage.needs
        self.adds = stage.adds

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        mine = [a for a in batch if a.document.language in self.languages]
        if not mine:
            return list(batch)
        done = iter(self.stage(mine))
        return [next(done) if a.document.language in self.languages else a for a in batch]
