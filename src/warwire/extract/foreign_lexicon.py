"""The word tables of :mod:`warwire.extract.foreign`, compiled once per language.

``data/foreign_triggers.yaml`` holds, for French, Spanish and Portuguese, the
words that tell each ACLED sub-event type, the words a fatality count goes
with, number words, locative prepositions, words for the sides, country names
the gazetteer lacks and capitalised words that are never places. This module
turns them into patterns; a sub-event type the taxonomy does not know fails
loudly at load time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from warwire.knowledge import data_mapping
from warwire.resolve.gazetteer import normalise
from warwire.taxonomy import EVENT_TYPE_OF

__all__ = ["CAPITALISED_RUN", "Lexicon", "lexicon", "read_languages"]

# any capital of the Latin, Greek or Cyrillic alphabets ("Şırnak", "İzmir", "Київ")
_UPPER = "".join(sorted({c for c in map(chr, range(0x0530)) if c.isupper() and c.isalpha()}))
_CAP = rf"[{re.escape(_UPPER)}][\w'’.-]*"
_JOIN = r"(?:de|del|da|do|dos|das|du|des|la|le|el|y|e|et|sur)"
#: a place name as written: capitalised words, maybe joined by "de", "del", "da" ...
CAPITALISED_RUN = rf"{_CAP}(?:[ -](?:{_JOIN}[ -])?{_CAP})*"
_ARTICLE = r"(?:(?:la|le|les|l['’]|el|los|las|o|a|os|as)\s*)?"
_WORD = r"[\w'’-]+"


def _pattern(words: Sequence[str], whole: bool = True) -> re.Pattern[str]:
    """Case-blind alternation of words, longest first; ``*`` ends a stem."""
    parts = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    body = "|".join(
        re.escape(p.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if p.endswith("*") else "")
        for p in parts
    )
    body = body or "(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole else body, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's tables, compiled."""

    triggers: tuple[tuple[str, re.Pattern[str]], ...]  # in precedence order
    toll: re.Pattern[str]  # a count and a death word
    one_death: re.Pattern[str]
    total: re.Pattern[str]  # words of a running total ("bilan", "desde")
    source: re.Pattern[str]  # words that credit an account ("selon", "indicó")
    named_source: re.Pattern[str]  # "d'après l'ONG Avenir": the name credited (group "name")
    numbers: dict[str, int]
    locative: re.Pattern[str]
    suffix_locative: re.Pattern[str]  # a name and its case ending ("Bağdat'ta")
    weak_locative: re.Pattern[str]
    actors: dict[str, str]
    actor: re.Pattern[str]
    countries: dict[str, str]
    not_places: frozenset[str]
    day: re.Pattern[str]  # "le 28 février", "el 3 de mayo de 2021", "24 березня"
    months: dict[str, int]

    def number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        return self.numbers.get(" ".join(word.lower().split()))


def _tables() -> dict[str, Any]:
    return data_mapping("foreign_triggers.yaml")


def read_languages() -> frozenset[str]:
    """The languages other than English this path reads."""
    return frozenset(_tables()["languages"])


@cache
def lexicon(language: str) -> Lexicon | None:
    tables = _tables()
    data = tables["languages"].get(language)
    if data is None:
        return None
    order = [str(s) for s in tables["precedence"]]
    unknown = set(data["triggers"]) - set(order) | set(order) - set(EVENT_TYPE_OF)
    if unknown:
        raise ValueError(f"foreign_triggers.yaml: unknown sub-event types {sorted(unknown)}")
    numbers = {" ".join(str(k).lower().split()): int(v) for k, v in data["numbers"].items()}
    count = _pattern(list(numbers), whole=False).pattern
    deaths = _pattern(data["deaths"], whole=False).pattern
    # the words between a count and its death word hold no other count ("une attaque
    # fait quatre morts" is four dead, not one)
    between = rf"(?:(?!(?:\d|(?:{count})(?!\w))){_WORD}\s+)"
    toll = re.compile(  # "trois civils tués", or "ont tué sept personnes"
        rf"(?<!\w)(?P<n>\d{{1,4}}|{count})\)?\s+{between}{{0,3}}?(?:{deaths})(?!\w)"
        rf"|(?<!\w)(?:{deaths})\s+(?:a\s+)?(?P<after>\d{{1,4}}|{count})\s+[^\W\d]",
        re.IGNORECASE,
    )
    actors = {str(k).lower(): str(v) for k, v in data["actors"].items()}
    months = {str(m).lower(): n for n, m in enumerate(data.get("months") or (), start=1)}
    return Lexicon(
        triggers=tuple((s, _pattern(data["triggers"][s])) for s in order if s in data["triggers"]),
        toll=toll,
        one_death=_pattern(data["one_death"]),
        total=_pattern(data["totals"]),
        source=_pattern(data.get("sources") or ()),
        named_source=_named_source(data.get("according_to") or ()),
        numbers=numbers,
        locative=_locative(data["locatives"]),
        suffix_locative=_suffix_locative(data.get("locative_suffixes") or ()),
        weak_locative=_locative(data["weak_locatives"]),
        actors=actors,
        actor=_pattern(list(actors)),
        countries={normalise(str(k)): str(v) for k, v in data["countries"].items()},
        not_places=frozenset(normalise(str(w)) for w in data["not_places"]),
        day=_day(months),
        months=months,
    )


def _locative(words: Sequence[str]) -> re.Pattern[str]:
    """A preposition, maybe an article, then a capitalised name (the group "name")."""
    body = _pattern(words, whole=False).pattern
    return re.compile(rf"(?<!\w)(?i:{body})\s*{_ARTICLE}(?P<name>{CAPITALISED_RUN})")


def _suffix_locative(endings: Sequence[str]) -> re.Pattern[str]:
    """A capitalised name, an apostrophe, then a case ending that makes it a place
    ("Şam'da", "Bağdat'taki"): Turkish writes its locative after the name."""
    body = _pattern(endings, whole=False).pattern
    return re.compile(rf"(?P<name>{CAPITALISED_RUN})['’](?i:{body})(?!\w)")


def _day(months: dict[str, int]) -> re.Pattern[str]:
    """A day of a month named in the language, maybe with its year."""
    names = _pattern(list(months), whole=False).pattern if months else "(?!)"
    return re.compile(
        rf"(?<!\d)(?P<d>[0-3]?\d)(?:er|º|°)?\s+(?:de\s+)?(?P<m>{names})(?!\w)"
        rf"(?:\s+(?:de\s+)?(?P<y>(?:19|20)\d\d))?",
        re.IGNORECASE,
    )


def _named_source(words: Sequence[str]) -> re.Pattern[str]:
    """ "selon l'ONG Avenir", "ayon sa ulat ng Radyo Uno": a preposition of attribution,
    at most three lower-case words ("l'ONG", "ulat ng"), then the capitalised name."""
    body = _pattern(words, whole=False).pattern if words else "(?!)"
    return re.compile(
        rf"(?<!\w)(?i:{body})\s+(?:[^\W\d][\w'’-]*\s+){{0,3}}?(?P<name>{CAPITALISED_RUN})"
    )
