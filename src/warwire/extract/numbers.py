"""Numbers as news reports write them, and fatalities by ACLED's rules.

ACLED codes the most conservative figure reported: "at least 5" is 5, "over
20" is 20, "up to 30" is the lower bound when one is given, "dozens" is 12,
"tens" 10, "hundreds" 100. Injuries are never fatalities, and a phrase that
mixes them ("killed or injured") is not a death toll. Deaths reported without
any number are coded 10 for a large attack and 3 for a limited one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "lone": 1,
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "couple": 2,
    "pair": 2,
    "dozen": 12,
    "score": 20,
}
# Vague plurals: ACLED's conventions where it has one, the low reading otherwise.
_VAGUE = {
    "dozens": 12,
    "tens": 10,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "several": 3,
    "a few": 3,
    "few": 3,
    "some": 3,
    "many": 10,
    "numerous": 10,
    "multiple": 2,
    "a number of": 3,
    "a handful of": 3,
    "handful": 3,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_NUMBER_WORDS = sorted([*_UNITS, *_VAGUE, *_SCALES], key=len, reverse=True)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"|(?:(?:"
    + "|".join(re.escape(w) for w in _NUMBER_WORDS)
    + r")(?:[\s-]+(?:"
    + "|".join(re.escape(w) for w in _NUMBER_WORDS)
    + r"))*)"
)
_QUALIFIERS = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "up to": "up to",
    "as many as": "up to",
    "an estimated": "about",
    "fewer than": "up to",
    "less than": "up to",
    "at most": "up to",
}
QUALIFIER = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))


def parse_number(text: str) -> int | None:
    """``"two"`` -> 2, ``"1,200"`` -> 1200, ``"dozens"`` -> 12, ``"two hundred"`` -> 200."""
    cleaned = re.sub(r"^an?\s+(?=\w)", "", text.strip().lower().replace("-", " "))
    if not cleaned:
        return None
    digits = cleaned.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return int(float(digits))
    if cleaned in _VAGUE:
        return _VAGUE[cleaned]
    total, current, seen = 0, 0, False
    for word in cleaned.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in _VAGUE:
            current += _VAGUE[word]
        elif re.fullmatch(r"\d+", word):
            current += int(word)
        else:
            return None
        seen = True
    return total + current if seen else None


def qualifier_of(text: str | None) -> str | None:
    return _QUALIFIERS.get(text.strip().lower()) if text else None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in text; ``start``/``end`` are relative to the text searched."""

    value: int
    qualifier: str | None
    start: int
    end: int


_DEATH_NOUN = r"(?:dead|deaths?|killed|fatalities|bodies|lives|died|casualties)"
_DEATH_VERB = (
    r"(?:were|was|have been|had been|are|been|being)?\s*"
    r"(?:killed|shot dead|killed instantly|died|dead|murdered|slain|executed|beheaded|"
    r"hacked to death|burned to death|lynched|massacred|gunned down|lost their lives|"
    r"neutrali[sz]ed)"
)
_FIG = rf"(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})"
_NOUNS = (
    r"(?:(?!(?:was|were|and|has|had|have|after|when|while|but|left|leaving|killing|"
    r"january|february|march|april|june|july|august|september|october|november|december)\b)"
    r"[\w'-]+\s+){0,5}?"
)
_MONTH_AROUND = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I
)
_PATTERNS = (
    # "killing at least five soldiers", "killed 46 civilians"
    re.compile(
        rf"\b(?:kill(?:ing|ed|s)?|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|leaving|left|"
        rf"murder(?:ed|ing)|execut(?:ed|ing)|lynch(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)|"
        rf"shot dead|shooting dead|gunned down|claimed the lives of)[\"”’']?\s+{_FIG}\b"
    ),
    # the second group in "killing five soldiers and three civilians"
    re.compile(rf"\bkill(?:ing|ed)\s+(?:(?:{QUALIFIER})\s+)?(?:{NUMBER})\s+{_NOUNS}and\s+{_FIG}\b"),
    # "five soldiers were killed", "two children died"
    re.compile(rf"\b{_FIG}\s+{_NOUNS}{_DEATH_VERB}\b"),
    # "beat a suspected thief to death"
    re.compile(
        rf"\b(?:beat(?:en)?|stoned|hacked|burn(?:ed|t)|stabbed|clubbed)\s+{_FIG}\s+{_NOUNS}to death"
    ),
    # "a death toll of 12", "12 deaths", "12 dead"
    re.compile(rf"\b{_FIG}\s+(?:people\s+)?(?:dead|deaths|fatalities|bodies)\b"),
    re.compile(rf"\bdeath toll (?:of|at|rose to|stood at|was)\s+{_FIG}\b"),
    # "GNA forces lost four men", "the army lost at least 12 soldiers"
    re.compile(
        rf"\blos(?:t|es|ing)\s+{_FIG}\s+(?:of (?:its|their|his) )?(?:[\w-]+\s+)?"
        r"(?:men|soldiers|fighters|troops|members|personnel|officers|policemen|militants|"
        r"comrades|lives|people|civilians|rebels|combatants|guards)\b"
    ),
    # "claimed the lives of N", "took the lives of N"
    re.compile(rf"\b(?:claimed|took|cost)\s+the lives of\s+{_FIG}\b"),
    # "the death toll from the attack rose to N", "the toll climbed to N"
    re.compile(
        rf"\btoll\b[^.;]{{0,80}}?\b(?:rose|risen|climbed|jumped|increased|reached)\s+"
        rf"(?:to\s+)?{_FIG}\b"
    ),
)
_REVISED = re.compile(r"\btoll\b[^.;]{0,80}?\b(?:rose|risen|climbed|jumped|increased|reached)\b")
_VICTIM_STOP = frozenset(
    [
        "were",
        "was",
        "is",
        "are",
        "have",
        "has",
        "had",
        "and",
        "or",
        "in",
        "on",
        "at",
        "near",
        "from",
        "during",
        "who",
        "which",
        "that",
        "including",
        "killed",
        "died",
        "dead",
        "when",
        "after",
        "while",
        "as",
        "by",
        "with",
        "of",
        "to",
        "later",
    ]
)
_GENERIC_VICTIMS = frozenset({"", "people", "persons", "person", "others", "individuals", "lives"})


def _victim(lowered: str, end: int) -> str:
    """The words naming who died right after a figure ("17 lna fighters were ...")."""
    words: list[str] = []
    for word in re.findall(r"[a-z'-]+|[^\sa-z'-]", lowered[end : end + 60]):
        if word in _VICTIM_STOP or not word[0].isalpha() or len(words) == 3:
            break
        words.append(word)
    return " ".join(words)


def is_generic_victim(victim: str) -> bool:
    """ "people", "others" or nothing: could be anyone, so never a separate group."""
    return victim.split()[-1] in _GENERIC_VICTIMS if victim else True


_MIXED = re.compile(
    r"\b(?:killed|dead|died)\s+(?:or|and/or)\s+(?:injured|wounded|hurt)"
    r"|\b(?:injured|wounded)\s+or\s+(?:killed|dead)"
)
_NO_DEATHS = re.compile(
    r"\bno (?:casualties|fatalities|deaths|one was (?:killed|hurt|injured))"
    r"|\bno (?:one|body) was (?:killed|hurt|injured)|\bwithout (?:casualties|loss of life)"
    r"|\bno (?:immediate )?reports? of (?:casualties|deaths|injuries)"
    r"|\bno (?:injuries|one was injured)"
)
_DEATH_WORD = re.compile(
    r"\b(?:killed|killing|kills|dead|died|deaths?|murdered|slain|massacred|executed|beheaded|"
    r"lynched|shot dead|gunned down|fatalities|bodies|lost their lives|death toll|"
    r"neutrali[sz]ed)\b"
)
# "protesting the killing of a farmer": the grievance, not a death in this event
_GRIEVANCE = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ied|ies)|outrage\w*|anger\w*)\s+"
    r"(?:against |over |at |after )?(?:the |a )?(?:recent )?"
    r"(?:killing|death|murder|lynching|shooting)s?\s+of\s+[^,;]*"
)
_INJURY_ONLY = re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b")
_LARGE = re.compile(
    r"\b(?:massacre\w*|scores|large[- ]scale|heavy (?:fighting|casualties|losses)|"
    r"dozens|hundreds|many|killed villagers|mass)\b"
)


_OBJECT_NEXT = re.compile(rf"\s+(?:{NUMBER}|the|his|her|their|its)\b")
_THING = re.compile(
    r"\b(?:device|bomb|drone|missile|rocket|shell|vehicle|car|mine|blast|explosion|strike|"
    r"attack|grenade|ied)s?\b"
)


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death count read from one sentence; ``figure`` is None for rule-coded counts."""

    value: int
    figure: Figure | None
    stated: bool  # False when the number comes from the no-number convention
    mixed: bool = False  # "killed or injured": not a death toll
    victims: tuple[str, ...] = ()  # who died, per summed figure ("lna fighters", "men")
    revised: bool = False  # "the toll rose to N": supersedes earlier figures for the event


def _overlaps_mixed(lowered: str, figure: Figure) -> bool:
    window = lowered[figure.end : figure.end + 60]
    return bool(_MIXED.search(re.split(r"[,;]", window)[0]))


def fatalities(text: str) -> Fatalities | None:
    """The conservative death count a sentence reports, or None if it reports none.

    Several figures (e.g. "killing 5 soldiers and 3 civilians") are summed when
    they are different victim groups; when one group has several estimates the
    lowest is taken by the caller across claims.
    """
    lowered = _GRIEVANCE.sub(lambda m: " " * len(m.group()), text.lower())
    if _NO_DEATHS.search(lowered):
        return Fatalities(0, None, stated=True)
    found: list[Figure] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(lowered):
            value = parse_number(m.group("n"))
            if value is None:
                continue
            fig = Figure(value, qualifier_of(m.group("q")), m.start("n"), m.end("n"))
            if m.group("n") in {"a", "an"} and _THING.search(m.group()):
                continue  # "an explosive device killed ...": the device is not a victim
            if pattern is _PATTERNS[2] and _OBJECT_NEXT.match(lowered, m.end()):
                continue  # "a mob lynched two men": the figure is the agent
            if any(f.start == fig.start for f in found):
                continue
            before = lowered[max(0, fig.start - 10) : fig.start].split()
            after = lowered[fig.end : fig.end + 10].split()
            modal = len(after) > 1 and after[0] == "may" and after[1] in {"have", "be", "not"}
            if (after and _MONTH_AROUND.fullmatch(after[0]) and not modal) or (
                before and _MONTH_AROUND.fullmatch(before[-1])
            ):
                continue  # "on 20 june left 12 dead": the 20 is a date
            found.append(fig)
    clean = [f for f in found if not _overlaps_mixed(lowered, f)]
    if clean:
        # distinct groups ("5 soldiers and 3 civilians killed") add up; duplicates don't
        clean.sort(key=lambda f: f.start)
        groups = _distinct(clean)
        total = sum(f.value for f in groups)
        victims = tuple(_victim(lowered, f.end) for f in groups)
        revised = bool(_REVISED.search(lowered))
        return Fatalities(total, clean[0], stated=True, victims=victims, revised=revised)
    if found:
        return Fatalities(0, found[0], stated=True, mixed=True)
    if _MIXED.search(lowered) and not _DEATH_WORD.search(_MIXED.sub(" ", lowered)):
        return Fatalities(0, None, stated=True, mixed=True)
    if _DEATH_WORD.search(lowered):
        value = 10 if _LARGE.search(lowered) else 3
        return Fatalities(value, None, stated=False)
    if _INJURY_ONLY.search(lowered):
        return Fatalities(0, None, stated=True)
    return None


def _distinct(figures: list[Figure]) -> list[Figure]:
    """Drop figures that restate another (same value), keep separate groups."""
    out: list[Figure] = []
    for f in figures:
        if any(o.value == f.value for o in out):
            continue
        out.append(f)
    return out


def find_figures(text: str) -> list[Figure]:
    """Every number in ``text`` with its qualifier (positions relative to ``text``)."""
    pattern = re.compile(rf"\b{_FIG}\b")
    out: list[Figure] = []
    for m in pattern.finditer(text.lower()):
        value = parse_number(m.group("n"))
        if value is not None and m.group("n") not in {"a", "an", "no", "some", "both"}:
            out.append(Figure(value, qualifier_of(m.group("q")), m.start("n"), m.end("n")))
    return out
