"""The one loader of warwire's packaged knowledge: the files under ``warwire/data``.

Word lists, patterns, registries and lexicons are data; the modules that use
them ask here, so a missing or broken file fails the same way everywhere (a
ModelError naming the file) and a phrase list becomes a pattern by one rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from warwire.errors import ModelError

__all__ = ["data_mapping", "data_text", "data_words", "data_yaml", "phrase_pattern"]


def data_text(name: str) -> str:
    """The text of ``warwire/data/NAME``."""
    try:
        return files("warwire").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:  # pragma: no cover - a packaging problem
        raise ModelError(f"cannot read data/{name}: {exc}") from exc


@cache
def data_words(name: str) -> tuple[str, ...]:
    """The entries of a one-per-line list ``warwire/data/NAME``: stripped, without
    blank lines and ``#`` comments, in file order."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def data_yaml(name: str) -> Any:
    """``warwire/data/NAME`` parsed as YAML, once per process (treat it as read-only)."""
    try:
        return yaml.load(data_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:  # pragma: no cover - a packaging problem
        raise ModelError(f"cannot parse data/{name}: {exc}") from exc


def data_mapping(name: str) -> dict[str, Any]:
    """``data_yaml`` for a file that must hold a mapping."""
    data = data_yaml(name)
    if not isinstance(data, dict):
        raise ModelError(f"data/{name} is not a mapping")
    return data


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Word-bounded, case-blind alternation of phrases, longest first; a space in a
    phrase matches any run of white space; an empty list matches nothing."""
    words = sorted(
        {str(p).strip().lower() for p in phrases if str(p).strip()}, key=len, reverse=True
    )
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)
