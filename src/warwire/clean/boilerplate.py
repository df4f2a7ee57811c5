"""Our paragraph-level boilerplate and page-furniture filter.

HTML extractors (trafilatura, readability, newspaper4k) keep donation appeals,
share prompts, disclaimers, "Related:" teasers, photo captions, comment boxes
and cookie notices whenever a site puts them inside the article container, as
partisan re-posting sites routinely do. Those paragraphs must not reach
extraction: a disclaimer is not a claim, a teaser headline is not an event of
the article. What furniture looks like is data (``data/furniture.yaml``, read
once here); how it is applied is this module.

Every pattern runs on a bounded window of a paragraph (its head for ``start``
and ``line`` patterns, its last 200 characters for ``end`` patterns), so a
paragraph of any length costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from warwire.knowledge import data_yaml

__all__ = [
    "Furniture",
    "boilerplate_reason",
    "cut_inline",
    "furniture",
    "is_boilerplate",
    "is_teaser_headline",
]

Mode = Literal["start", "line", "end", "anywhere", "weak"]
_MODES = ("start", "line", "end", "anywhere", "weak")
_PREFIX = r"[^\w#@]{0,3}"  # leading bullets, quotes or brackets before the furniture word
_LINE_MAX = 200  # a whole-line pattern only ever describes a short line
_END_WINDOW = 200
_URL_ONLY = re.compile(r"<?(?:https?://|www\.)\S+>?", re.IGNORECASE)
_TEASER_MAX = 160
_LIST_HEAD_WORDS = 4


@dataclass(frozen=True, slots=True)
class Furniture:
    """Why a paragraph is not article text, and what it says about what follows."""

    reason: str
    opens_list: bool = False  # heads a list of teaser headlines
    ends_body: bool = False  # opens the comment section
    titled: bool = False  # "Video: ...": the page's title when it tops a page without one


@dataclass(frozen=True, slots=True)
class _Group:
    mode: Mode
    regex: re.Pattern[str]
    furniture: Furniture
    max_len: int | None


@dataclass(frozen=True, slots=True)
class _Rules:
    groups: tuple[_Group, ...]
    weak: tuple[re.Pattern[str], ...]
    appeal_max_len: int
    inline_cut: re.Pattern[str] | None = None


def _compile(mode: Mode, patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    if mode in ("start", "line"):
        body = f"{_PREFIX}(?:{body})"
    return re.compile(body, re.IGNORECASE)


def parse_rules(data: dict[str, object]) -> _Rules:
    """Build the matcher from the parsed YAML (see the header of ``furniture.yaml``)."""
    groups: list[_Group] = []
    weak: list[re.Pattern[str]] = []
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, list):
        raise ValueError("furniture data needs a 'groups' list")
    for item in raw_groups:
        mode = item["mode"]
        if mode not in _MODES:
            raise ValueError(f"unknown furniture mode {mode!r}")
        patterns = [str(p) for p in item["patterns"]]
        if mode == "weak":
            weak.extend(re.compile(p, re.IGNORECASE) for p in patterns)
            continue
        found = Furniture(
            reason=str(item["reason"]),
            opens_list=bool(item.get("opens_list", False)),
            ends_body=bool(item.get("ends_body", False)),
            titled=bool(item.get("titled", False)),
        )
        max_len = item.get("max_len", _LINE_MAX if mode == "line" else None)
        groups.append(_Group(mode, _compile(mode, patterns), found, max_len))
    appeal = data.get("appeal_max_len", 600)
    raw_cuts = data.get("inline_cut")
    cuts = [str(p) for p in raw_cuts] if isinstance(raw_cuts, list) else []
    inline = re.compile(r"(?<=[.!?\"”’)])\s+(?:" + "|".join(cuts) + ")", re.I) if cuts else None
    return _Rules(
        tuple(groups), tuple(weak), int(appeal) if isinstance(appeal, int) else 600, inline
    )


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return parse_rules(data_yaml("furniture.yaml"))


def _matches(group: _Group, text: str) -> bool:
    if group.max_len is not None and len(text) > group.max_len:
        return False
    if group.mode == "start":
        return group.regex.match(text) is not None
    if group.mode == "line":
        return group.regex.fullmatch(text.rstrip(" .:")) is not None
    if group.mode == "end":
        return group.regex.search(text[-_END_WINDOW:]) is not None
    return group.regex.search(text) is not None


def furniture(paragraph: str) -> Furniture | None:
    """What kind of furniture ``paragraph`` is, or None when it is article text."""
    text = paragraph.strip()
    if not text:
        return Furniture("blank")
    if _URL_ONLY.fullmatch(text):
        return Furniture("bare link")
    rules = _rules()
    for group in rules.groups:
        if _matches(group, text):
            if group.furniture.opens_list and not _bare_heading(text):
                return Furniture(group.furniture.reason, ends_body=group.furniture.ends_body)
            return group.furniture
    if len(text) < rules.appeal_max_len and sum(1 for rx in rules.weak if rx.search(text)) >= 2:
        return Furniture("appeal")
    return None


def cut_inline(paragraph: str) -> str:
    """``paragraph`` up to a teaser cue glued in after a finished sentence ("... police
    said. READ ALSO: Gunmen kill nine"); the whole paragraph when it has none."""
    rule = _rules().inline_cut
    found = rule.search(paragraph) if rule is not None else None
    return paragraph[: found.start()] if found else paragraph


def _bare_heading(text: str) -> bool:
    """A bare heading ("Related stories", "More from the desk:") heads a list of teasers."""
    return text.endswith(":") or len(text.split()) <= _LIST_HEAD_WORDS


def is_teaser_headline(paragraph: str) -> bool:
    """A short line that reads like a headline (no closing full stop), as in a teaser list."""
    text = paragraph.strip()
    return 0 < len(text) <= _TEASER_MAX and not text.endswith((".", "!", '"', "”", "…"))


def boilerplate_reason(paragraph: str) -> str | None:
    """Why ``paragraph`` is boilerplate, or None when it is article text."""
    found = furniture(paragraph)
    return found.reason if found else None


def is_boilerplate(paragraph: str) -> bool:
    return furniture(paragraph) is not None
