"""Our paragraph-level boilerplate filter.

HTML extractors (trafilatura, readability, newspaper4k) keep donation appeals,
share prompts, disclaimers, copyright and fair-use notices and media-inquiry
lines whenever a site puts them inside the article container, as partisan
re-posting sites routinely do. Those paragraphs must not reach extraction: a
disclaimer is not a claim. A paragraph goes if it matches one strong pattern,
or carries two weaker fundraising/legal cues and is not long news prose.
"""

from __future__ import annotations

import re

_STRONG = [
    r"note to readers\b",
    r"disclaimer\b",
    r"(for )?(media|press) (inquiries|enquiries|contact)\b",
    r"(copyright|©|\(c\)\s*\d{4})",
    r"(paypal|donations?|bitcoin|btc|patreon|venmo|bank transfer)\s*:",
    r"(share|forward) (this|the) (article|story|post)\b",
    r"(click|tap) (here|the share)\b",
    r"crosspost\b",
    r"(comment on|become a (member|patron|subscriber) of|articles by\s*:)",
    r"(related( articles| stories| posts)?|read more|see also|more from|recommended)\s*:?\s*$",
    r"(follow us|sign up|subscribe)( to| for| on|\b)",
    r"(region|theme|tags?|topics?|filed under|categories?|keywords)\s*:",
    r"\(?(reporting|writing|editing|additional reporting) by\b",
    r"[*_\-=~•·]{1,}$",
]
_STRONG_ANYWHERE = [
    r"contains copyrighted material",
    r"all rights reserved",
    r"provisions of \W?fair use",
    r"(is|are) of sole responsibility of the author",
    r"do(es)? not necessarily reflect",
]
_WEAK = [
    r"donat",
    r"paypal|patreon",
    r"\bsupport (us|our|the project|independent|this)\b",
    r"\bour (work|journalism|reporting|content|newsroom)\b",
    r"if you (value|like|enjoy|appreciate|find)",
    r"subscri",
    r"newsletter",
    r"republi(cation|sh)",
    r"not (be )?responsible for",
    r"views expressed",
    r"editorial policy",
    r"share buttons",
    r"email lists?",
    r"keep .{0,30} free\b",
    r"\bmembership\b",
]
_STRONG_RE = re.compile(r"^\W{0,3}(?:" + "|".join(_STRONG) + ")", re.IGNORECASE)
_ANYWHERE_RE = re.compile("|".join(_STRONG_ANYWHERE), re.IGNORECASE)
_WEAK_RES = [re.compile(p, re.IGNORECASE) for p in _WEAK]
_URL_ONLY = re.compile(r"^<?(https?://|www\.)\S+>?$", re.IGNORECASE)
_LONG_PROSE = 600


def boilerplate_reason(paragraph: str) -> str | None:
    """Why ``paragraph`` is boilerplate, or None when it is article text."""
    text = paragraph.strip()
    if not text:
        return "blank"
    if _URL_ONLY.match(text):
        return "bare link"
    if _STRONG_RE.match(text):
        return "boilerplate line"
    if _ANYWHERE_RE.search(text):
        return "legal notice"
    cues = sum(1 for rx in _WEAK_RES if rx.search(text))
    if cues >= 2 and len(text) < _LONG_PROSE:
        return "appeal"
    return None


def is_boilerplate(paragraph: str) -> bool:
    return boilerplate_reason(paragraph) is not None
