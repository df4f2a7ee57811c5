"""The one decision of an actor phrase's ACLED type from its words.

For phrases the actor registry does not know ("armed herders", "Papuan
rebels"), the type comes from ordered word rules in ``data/actor_kinds.yaml``;
this module only reads them. Callers that hold the registry ask it first
(:func:`actor_type`), so a registry entry always outranks the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from warwire.errors import ModelError
from warwire.knowledge import data_mapping
from warwire.types import Actor

__all__ = ["actor_type", "inter_of", "state_means"]


class _Resolves(Protocol):
    def resolve(self, text: str, country_code: str | None = None) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class _Rule:
    inter: int
    pattern: re.Pattern[str]


def _words(items: list[str]) -> str:
    ordered = sorted({w.strip() for w in items if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _rule(row: dict) -> _Rule:
    inter = int(row["inter"])
    if "suffix" in row:
        return _Rule(inter, re.compile(rf"\b(?:{_words(row['suffix'])})$", re.I))
    if "capitalised" in row:
        return _Rule(inter, re.compile(rf"\b[A-Z][\w'-]* (?:{_words(row['capitalised'])})\b"))
    return _Rule(inter, re.compile(rf"\b(?:{_words(row['words'])})\b", re.I))


@cache
def _data() -> dict:
    return data_mapping("actor_kinds.yaml")


@cache
def _rules() -> tuple[_Rule, ...]:
    try:
        return tuple(_rule(row) for row in _data()["rules"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"bad rule in data/actor_kinds.yaml: {exc}") from exc


@cache
def state_means() -> re.Pattern[str]:
    """A nationality word followed by what states strike with: group 1 is the word."""
    means = _words([str(w) for w in _data().get("state_means") or []]) or "(?!)"
    return re.compile(rf"\b([A-Z][\w.'-]*)[- ](?:\w+ )?(?:{means})\b")


def inter_of(phrase: str) -> int | None:
    """ACLED's inter code from the words of an actor phrase; None when they don't tell."""
    text = phrase.strip()
    return next((r.inter for r in _rules() if r.pattern.search(text)), None)


def actor_type(
    phrase: str, registry: _Resolves | None, country_code: str | None = None
) -> int | None:
    """The registry's type for a phrase it knows, else the word rules'."""
    if registry is not None:
        found = registry.resolve(phrase, country_code)
        if found is not None and found.inter is not None:
            return found.inter
    return inter_of(phrase)
