"""Numbers as news reports write them: "twenty-three", "a hundred and five",
"1,200", "380 000", "dozens of", "at least 7", "7 to 10", "29 or more".

The words live in ``warwire/data/casualties.yaml`` so analysts can extend them.
Text is read as words once (one linear regex); every later step looks at a
bounded window of words, so no input can make matching slow. ACLED codes the
most conservative figure, so a range keeps its low end and a qualifier keeps
the figure itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from warwire.knowledge import data_mapping

# quotation marks a figure or a name may sit behind
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "´", "`", "«", "»"})
_MAX_DIGITS = 15  # longer digit strings are not quantities (and must not overflow)


@cache
def lexicon() -> dict[str, Any]:
    """The packaged casualty lexicon, loaded once per process."""
    return data_mapping("casualties.yaml")


@cache
def phrases(*path: str) -> tuple[tuple[str, ...], ...]:
    """A word list from the lexicon as word tuples, longest first (built once: the
    same tuple each call also keeps ``_by_first``'s index warm)."""
    node: Any = lexicon()
    for key in path:
        node = node[key]
    return tuple(sorted((tuple(p.split()) for p in node), key=len, reverse=True))


@cache
def cues() -> dict[str, Any]:
    """The lexicon's word lists as ready-to-match phrase tuples and word sets."""
    d, a = lexicon()["deaths"], lexicon()["aggregates"]
    single = {"months", "weekdays", "victim_stops", "generic_victims", "durations", "not_victims"}
    out: dict[str, Any] = {k: frozenset(lexicon()[k]) for k in single}
    out |= {
        k: frozenset(d[k])
        for k in ("lost_people", "singular_victims", "grievance_nouns", "singular_objects")
    }
    out |= {k: phrases("deaths", k) for k in d if isinstance(d[k], list) and k not in out}
    out |= {f"agg_{k}": phrases("aggregates", k) for k in a if isinstance(a[k], list)}
    for key in (
        "injuries",
        "mixed",
        "others",
        "clause_breaks",
        "subset_cues",
        "parts",
        "enumeration",
        "source_openers",
        "background_marks",
    ):
        out[key] = phrases(key)
    out["large_figure"] = a["large_figure"]
    out["largest_toll"] = lexicon()["numbers"]["largest_toll"]
    return out


@dataclass(frozen=True, slots=True)
class Word:
    """One word (or punctuation mark) of a text: lower-cased, with its offsets."""

    text: str
    start: int
    end: int
    capital: bool  # written with a capital: part of a name


_WORD = re.compile(
    r"\d+(?:[-–]\d+)?(?:[-–]?[^\W\d_]+)+"  # "35-year-old", "5th", "10am": not figures
    r"|\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?!\d)(?:\.\d+)?"  # "1,200", "380 000"
    r"|\d+(?:[-–]\d+)?(?:\.\d+)?"  # "12", "1.5", "7-10"
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"
    r"|[^\s\w]"
)


_PARTS = re.compile(r"['’-]")


def words(text: str) -> list[Word]:
    """The words of ``text`` (a fresh list; the words themselves are shared)."""
    return list(_words_of(text))


@lru_cache(maxsize=2048)
def _words_of(text: str) -> tuple[Word, ...]:
    """Cached: a sentence is read for its own toll and again for other totals."""
    out = []
    for m in _WORD.finditer(text):
        raw = m.group()
        capital = raw[:1].isupper() or (
            _PARTS.search(raw) is not None and any(p[:1].isupper() for p in _PARTS.split(raw))
        )
        out.append(Word(raw.lower(), m.start(), m.end(), capital))
    return tuple(out)


Options = tuple[tuple[str, ...], ...]
# options by their first (and by their last) word, per options table (the tables
# live as long as the lexicon): a lookup instead of a pass over every option
_BY_FIRST: dict[int, tuple[Options, dict[str, Options]]] = {}
_BY_LAST: dict[int, tuple[Options, dict[str, Options]]] = {}


def _index(
    options: Options, held: dict[int, tuple[Options, dict[str, Options]]], at: int
) -> dict[str, Options]:
    """``options`` grouped by their word at ``at`` (0 or -1), each group in table order."""
    got = held.get(id(options))
    if got is None or got[0] is not options:
        index: dict[str, list[tuple[str, ...]]] = {}
        for option in options:
            if option:
                index.setdefault(option[at], []).append(option)
        got = (options, {k: tuple(v) for k, v in index.items()})
        held[id(options)] = got
    return got[1]


def _by_first(options: Options) -> dict[str, Options]:
    return _index(options, _BY_FIRST, 0)


def match_at(ws: list[Word], i: int, options: Options) -> int:
    """Length (in words) of the longest option starting at word ``i``; 0 if none."""
    if i >= len(ws):
        return 0
    held = _BY_FIRST.get(id(options))
    index = held[1] if held is not None and held[0] is options else _by_first(options)
    for option in index.get(ws[i].text, ()):
        n = len(option)
        if n == 1 or (i + n <= len(ws) and all(ws[i + k].text == option[k] for k in range(1, n))):
            return n
    return 0


def occurs(ws: list[Word], options: Options) -> bool:
    """Whether any option occurs anywhere in the words (one pass, one index lookup a word)."""
    index, size = _by_first(options), len(ws)
    for i, w in enumerate(ws):
        for option in index.get(w.text, ()):
            n = len(option)
            if i + n <= size and all(ws[i + k].text == option[k] for k in range(1, n)):
                return True
    return False


def match_before(ws: list[Word], i: int, options: Options) -> int:
    """Length of the longest option ending right before word ``i``; 0 if none."""
    if i <= 0 or i > len(ws):
        return 0
    for option in _index(options, _BY_LAST, -1).get(ws[i - 1].text, ()):
        n = len(option)
        if i - n >= 0 and all(ws[i - n + k].text == option[k] for k in range(n - 1)):
            return n
    return 0


def _digits(text: str) -> int | None:
    whole = re.sub(r"[,\u00a0\u202f ]", "", text).split(".")[0]
    if not whole.isdigit() or len(whole) > _MAX_DIGITS:
        return None
    return int(whole)


def _decimal(text: str) -> float | None:
    if re.fullmatch(r"\d{1,6}\.\d{1,3}", text):
        return float(text)
    return None


def parse_number(text: str) -> int | None:
    """``"two"`` -> 2, ``"1,200"`` -> 1200, ``"dozens"`` -> 12, ``"a hundred and five"`` -> 105."""
    ws = words(text)
    if not ws:
        return None
    got = number_at(ws, 0)
    return got[0] if got and got[1] == len(ws) else None


def number_at(ws: list[Word], i: int) -> tuple[int, int] | None:
    """The number starting at word ``i`` and the index after it, or None."""
    nums = lexicon()["numbers"]
    scales = nums["scales"]
    first = ws[i].text
    if first[:1].isdigit():
        if re.fullmatch(r"\d+[-–]\d+", first):
            low = _digits(re.split(r"[-–]", first)[0])
            return (low, i + 1) if low is not None else None  # "7-10": the low end
        value, decimal, j = _digits(first), _decimal(first), i + 1
        if j < len(ws) and ws[j].text in scales and (value is not None or decimal is not None):
            base = decimal if decimal is not None else value or 0
            return int(base * scales[ws[j].text]), j + 1  # "1.5 million"
        return (value, j) if value is not None else None
    if first in nums["vague"]:
        j, value = i + 1, nums["vague"][first]
        if j + 1 < len(ws) and ws[j].text == "of" and ws[j + 1].text in nums["vague"]:
            return value * nums["vague"][ws[j + 1].text], j + 2  # "tens of thousands"
        return value, j
    return _spelled(ws, i)


def _spelled(ws: list[Word], i: int) -> tuple[int, int] | None:
    """ "a hundred and five", "twenty-three", "two dozen", "half a dozen", "a couple of",
    "both"."""
    nums = lexicon()["numbers"]
    units, scales, counts = nums["units"], nums["scales"], nums["counts"]
    j = i
    half = ws[j].text == "half" and j + 2 < len(ws) and ws[j + 1].text in {"a", "an"}
    if half and ws[j + 2].text in scales:
        return scales[ws[j + 2].text] // 2, j + 3  # "half a dozen"
    if ws[j].text in {"a", "an"} and j + 1 < len(ws) and ws[j + 1].text in scales:
        j += 1  # "a hundred", "a dozen"
    elif ws[j].text in counts:
        if ws[j].text in {"a", "an"} and j + 1 < len(ws) and ws[j + 1].text in counts:
            j += 1  # "a couple", "a pair"
        value, j = counts[ws[j].text], j + 1
        if j < len(ws) and ws[j].text == "of" and ws[j - 1].text in {"couple", "pair"}:
            j += 1
        return value, j
    total, current, prev = 0, 0, ""
    while j < len(ws):
        word = ws[j].text
        value = _unit(word, units)
        if value is not None:
            if prev == "unit" or (prev == "ten" and value >= 10):
                break  # "five six", "twenty thirty": two numbers
            current += value
            prev = "ten" if value >= 20 and value % 10 == 0 else "unit"
        elif word in scales:
            current = max(current, 1) * scales[word]
            if scales[word] >= 1000:
                total, current = total + current, 0
            prev = "scale"
        elif word == "and" and prev == "scale" and j + 1 < len(ws):
            if _unit(ws[j + 1].text, units) is None:
                break
            prev = "and"  # "a hundred and five"
        else:
            break
        j += 1
    if not prev:
        return None
    return total + current, j - 1 if prev == "and" else j


def _unit(word: str, units: dict[str, int]) -> int | None:
    """ "seven" -> 7, "twenty-three" -> 23; None for anything else."""
    parts = word.split("-")
    if len(parts) == 1:
        return units.get(word)
    if len(parts) == 2 and parts[0] in units and parts[1] in units:
        tens, ones = units[parts[0]], units[parts[1]]
        if tens >= 20 and tens % 10 == 0 and 0 < ones < 10:
            return tens + ones
    return None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in text; ``start``/``end`` are offsets in the text searched,
    ``first``/``last`` its word indices (qualifier included)."""

    value: int
    qualifier: str | None
    start: int
    end: int
    first: int = 0
    last: int = 0
    vague: bool = False  # "several", "a number of": deaths without a number


@cache
def _figure_starts() -> frozenset[str]:
    """Every word a figure can begin with, apart from digits and "twenty-three"."""
    nums = lexicon()["numbers"]
    firsts = {p[0] for key in ("qualifiers",) for p in phrases(key) if p}
    firsts |= {p[0] for p in phrases("numbers", "unnumbered") if p}
    keys = ("vague", "counts", "scales", "units")
    return frozenset(firsts | {"half", "a", "an"} | {w for k in keys for w in nums[k]})


def figure_at(ws: list[Word], i: int) -> Figure | None:
    """The (qualified) figure starting at word ``i``: "at least 7", "7 to 10", "29 or more"."""
    if i >= len(ws):
        return None
    first = ws[i].text
    if not first[:1].isdigit() and first not in _figure_starts() and "-" not in first:
        return None  # no qualifier, count word or number starts here
    quals = lexicon()["qualifiers"]
    q = match_at(ws, i, phrases("qualifiers"))
    if q and (i + q >= len(ws) or number_at(ws, i + q) is None):
        q = 0  # "some people": no qualifier, a vague count
    if q and _bare_article(ws, i + q):
        q = 0  # "over a person", "about an hour": a preposition, not "more than one"
    qualifier = quals[" ".join(w.text for w in ws[i : i + q])] if q else None
    k = i + q
    if k >= len(ws):
        return None
    if not q and (n := match_at(ws, k, phrases("numbers", "unnumbered"))):
        last = k + n + (1 if k + n < len(ws) and ws[k + n].text == "of" else 0)
        return Figure(0, None, ws[k].start, ws[k + n - 1].end, i, last, vague=True)
    got = number_at(ws, k)
    if got is None:
        return None
    value, j = got
    end = ws[j - 1].end
    # a range keeps its low end: "7 to 10", "between 7 and 10", "five or six"
    joined = j + 1 < len(ws) and ws[j].text in {"to", "or", "-", "–", "and"}
    if joined and (ws[j].text != "and" or ws[k - 1].text == "between"):
        upper = number_at(ws, j + 1)
        if upper is not None:
            j, qualifier = upper[1], qualifier or "range"
    a = match_at(ws, j, phrases("after_qualifiers"))
    if a:
        qualifier = (
            qualifier or lexicon()["after_qualifiers"][" ".join(w.text for w in ws[j : j + a])]
        )
        j += a
    return Figure(value, qualifier, ws[k].start, end, i, j)


def _bare_article(ws: list[Word], k: int) -> bool:
    """ "a" or "an" standing alone, no "dozen" or "hundred" after it."""
    got = number_at(ws, k)
    return ws[k].text in {"a", "an"} and got is not None and got[1] == k + 1


def find_figures(text: str) -> list[Figure]:
    """Every number in ``text`` with its qualifier (positions relative to ``text``)."""
    ws = words(text)
    out: list[Figure] = []
    i = 0
    while i < len(ws):
        fig = figure_at(ws, i)
        bare = ws[i + (1 if fig and fig.qualifier else 0)].text if fig else ""
        if fig is None or fig.vague or bare in {"a", "an", "no", "some", "both", "single", "lone"}:
            i += 1
            continue
        out.append(fig)
        i = max(fig.last, i + 1)
    return out
