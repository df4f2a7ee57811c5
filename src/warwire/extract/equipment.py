"""Weapons systems named in a sentence: drones, aircraft, air defence, armour.

"two Chinese-made Wing Loong II combat drones supplied by the UAE" gives
name, kind, count, origin and supplier; a nationality adjective ("13 Turkish
drones") gives the owner. Matching is plain regular expressions anchored on a
small kind lexicon: precise, cheap and easy to extend.
"""

from __future__ import annotations

import re

from warwire.extract.numbers import parse_number
from warwire.resolve.countries import country_of_demonym
from warwire.types import Equipment, Span

_KINDS: tuple[tuple[str, str], ...] = (
    (
        r"unmanned combat aerial vehicles?|ucavs?|combat drones?|attack drones?|armed drones?",
        "combat drone",
    ),
    (r"kamikaze drones?|loitering munitions?|suicide drones?", "loitering munition"),
    (r"unmanned aerial vehicles?|uavs?|drones?", "drone"),
    (
        r"(?:(?:short|medium|long)[- ]range )?air[- ]defen[cs]e (?:missile )?systems?",
        "air defense system",
    ),
    (r"surface-to-air missiles?|sams?", "surface-to-air missile"),
    (r"fighter jets?|warplanes?|fighter aircraft|bombers?|jets?", "aircraft"),
    (r"(?:attack |combat |military )?helicopters?", "helicopter"),
    (r"(?:main )?battle tanks?|tanks", "tank"),
    (r"armou?red (?:personnel carriers|vehicles?)|apcs?", "armoured vehicle"),
    (r"howitzers?|artillery pieces?|artillery guns?", "artillery"),
    (r"(?:multiple )?rocket launchers?|mlrs", "rocket launcher"),
    (r"ballistic missiles?|cruise missiles?", "missile"),
)
_KIND_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KINDS)), re.I)
_MADE = re.compile(r"^(?P<who>[\w. ]+?)-(?:made|built|manufactured|designed|supplied)$", re.I)


def _origin(word: str) -> str | None:
    """The country a nationality word names ("Chinese" -> China), from the one demonym table."""
    found = country_of_demonym(word)
    return found.name if found else None


_MODIFIERS = frozenset({"combat", "military", "attack", "new", "advanced", "modern", "armed"})


def _before(window: str) -> tuple[int | None, str | None, str | None, str | None]:
    """Read count, origin, owner and model name backwards from the kind word."""
    words = window.split()
    name: list[str] = []
    count = origin = owner = None
    while words and words[-1].lower() in _MODIFIERS:
        words.pop()
    while (
        words
        and (words[-1][:1].isupper() or words[-1][:1].isdigit())
        and not _MADE.match(words[-1])
        and _origin(words[-1]) is None
        and parse_number(words[-1]) is None
    ):
        name.insert(0, words.pop())
    if words and _origin(words[-1]) is not None:
        owner = _origin(words.pop())
    if words and (made := _MADE.match(words[-1])) and _origin(made.group("who")):
        origin = _origin(made.group("who"))
        words.pop()
    if words and (value := parse_number(words[-1].strip(","))) is not None:
        count = value if words[-1].lower() not in {"some", "no"} else None
    return count, origin, owner, " ".join(name) or None


_SUPPLIER = re.compile(
    r"^\s*,?\s*(?:which were |that were )?"
    r"(?:supplied|provided|delivered|sold|donated) (?:by|from) (?:the )?"
    r"(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
_NOT_NAMES = frozenset({"the", "a", "an", "its", "their", "his", "two", "three", "and", "of", "on"})


def _kind_of(match: re.Match[str]) -> str:
    for i, (_, kind) in enumerate(_KINDS):
        if match.group(f"k{i}"):
            text = match.group(f"k{i}").lower()
            if kind == "air defense system":
                ranged = re.match(r"((?:short|medium|long)[- ]range) ", text)
                return f"{ranged.group(1)} {kind}" if ranged else kind
            return kind
    return "weapon"


def find_equipment(text: str, offset: int, doc_id: str) -> list[Equipment]:
    """Equipment mentions in ``text`` (a sentence starting at ``offset`` in its document)."""
    out: list[Equipment] = []
    for m in _KIND_RE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        window = text[max(0, m.start() - 80) : m.start()]
        count, origin, owner, name = _before(window)
        supplier = _SUPPLIER.search(text[m.end() :])
        out.append(
            Equipment(
                name=name,
                kind=_kind_of(m),
                count=count,
                owner=owner,
                origin=origin,
                supplied_by=supplier.group("who") if supplier else None,
                evidence=Span(doc_id, offset + m.start(), offset + m.end()),
            )
        )
    return out
