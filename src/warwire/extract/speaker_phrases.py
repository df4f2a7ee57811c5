"""Speaker phrases: the cue lists of ``data/attribution.yaml`` and the noun phrase
that names who vouches for a statement ("a spokesman for X" -> X, "the Kharkiv
region governor" -> "Governor of Kharkiv region", "one of the sources" -> the
sources)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from warwire.extract.syntax import NP_STOP, Tree
from warwire.knowledge import data_mapping, phrase_pattern
from warwire.types import Span, Token


@dataclass(frozen=True, slots=True)
class Cues:
    """The attribution cue lists of ``data/attribution.yaml``."""

    reporting_verbs: dict[str, str]
    object_speaker_verbs: frozenset[str]
    put_objects: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_adverbs: dict[str, str]
    passive_reportedly: frozenset[str]
    unverified: tuple[str, ...]
    speaker_nouns: frozenset[str]
    office_titles: frozenset[str]
    speaker_heads: frozenset[str]
    anaphoric_heads: frozenset[str]
    armed_speakers: dict[str, re.Pattern[str]]
    unarmed_words: re.Pattern[str]
    own_side: dict[str, frozenset[str]]
    own_happening: re.Pattern[str]
    run_by: re.Pattern[str]


@cache
def attribution_cues() -> Cues:
    """The packaged attribution cues, parsed once per process."""
    data = data_mapping("attribution.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return Cues(
        {str(k): str(v) for k, v in (data.get("reporting_verbs") or {}).items()},
        words("object_speaker_verbs"),
        words("put_objects"),
        words("denial_verbs"),
        {str(k): str(v) for k, v in (data.get("hedge_adverbs") or {}).items()},
        words("passive_reportedly"),
        tuple(str(w).lower() for w in data.get("unverified") or ()),
        words("speaker_nouns"),
        words("office_titles"),
        words("speaker_heads"),
        words("anaphoric_heads"),
        {k: phrase_pattern(list(v)) for k, v in (data.get("armed_speakers") or {}).items()},
        phrase_pattern(list(data.get("unarmed_words") or ())),
        {k: frozenset(str(w) for w in v) for k, v in (data.get("own_side") or {}).items()},
        phrase_pattern(list(data.get("own_happening") or ())),
        re.compile(
            r"\w-(?:" + "|".join(re.escape(str(w)) for w in data.get("run_by") or ()) + r")\b",
            re.IGNORECASE,
        ),
    )


_CUES = attribution_cues()
_SPEAKERS = _CUES.speaker_nouns


_PARTITIVE = frozenset(
    {"one", "two", "three", "some", "many", "several", "most", "all", "none", "number", "couple"}
)
_SPEAKER_NOISE = frozenset({"the", "a", "an", "one", "two", "three", "four", "some", "several"})
_NAMED = frozenset({"PROPN"})
_OF = frozenset({"of", "for", "from"})
# "an official in the party's press wing", "a source at the ministry", "an official with
# the UN agency": the body they speak for, unless it is a place ("an official in Kabul")
_WITHIN = frozenset({"in", "at", "with"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _trimmed(tree: Tree, lo: int, hi: int) -> int:
    toks = tree.tokens
    dash = [
        i
        for i in range(max(lo, 1), hi)
        if toks[i].text in {"-", "–", "—"} and toks[i - 1].end < toks[i].start
    ]
    lo = dash[-1] + 1 if dash else lo  # "KANDI, Region - Local sources": after the dateline
    while lo < hi and (
        tree.tokens[lo].text.lower() in _SPEAKER_NOISE or tree.tokens[lo].tag == "CD"
    ):
        lo += 1
    return lo


def _office(tree: Tree, pos: int, text: str) -> tuple[str, Span, int] | None:
    """ "the Kherson region governor" / "the governor of Kherson" -> "Governor of Kherson"."""
    title = tree.tokens[pos].text
    compounds = tree.kids(pos, "compound")
    lo = min((tree.phrase(c, NP_STOP)[0] for c in compounds), default=pos)
    if any(tree.tokens[i].pos in _NAMED for i in range(lo, pos)):
        return f"{title.capitalize()} of {tree.text(text, lo, pos - 1)}", tree.span(lo, pos), pos
    for prep in tree.kids(pos, "prep"):
        if tree.tokens[prep].text.lower() == "of":
            for obj in tree.kids(prep, "pobj"):
                lo, hi = tree.phrase(obj, frozenset(NP_STOP - {"prep"}))
                lo = lo + (tree.tokens[lo].text.lower() == "the")
                if any(tree.tokens[i].pos in _NAMED for i in range(lo, hi + 1)):
                    return (
                        f"{title.capitalize()} of {tree.text(text, lo, hi)}",
                        tree.span(pos, hi),
                        pos,
                    )
    return None


def speaker_phrase(tree: Tree, pos: int, text: str) -> tuple[str, Span, int]:
    """The organisation behind a spokesperson ("the LNA spokesperson, X" -> "LNA").

    "one of the security sources" is the security sources; a generic speaker
    keeps its noun phrase without article or count ("a local official"); a named
    person described by an office ("X, governor of Y") speaks as that office.
    """
    tok = tree.tokens[pos]
    lowered, lemma = tok.text.lower(), tok.lemma.lower()
    if lowered in _PARTITIVE:
        for prep in tree.kids(pos, "prep"):
            if tree.tokens[prep].text.lower() == "of":
                for obj in tree.kids(prep, "pobj"):
                    return speaker_phrase(tree, obj, text)
    if tok.pos in _NAMED:
        for appos in tree.kids(pos, "appos"):
            inner = speaker_phrase(tree, appos, text)
            changed = inner[2] != appos or inner[0].lower() != tree.tokens[appos].text.lower()
            if changed and tree.tokens[appos].lemma.lower() in _SPEAKERS:
                return inner
        for prep in tree.kids(pos, "prep"):
            if tree.tokens[prep].text.lower() == "of":
                for obj in tree.kids(prep, "pobj"):
                    lo, hi = tree.phrase(obj, NP_STOP)
                    if tree.tokens[obj].lemma.lower() in _CUES.speaker_heads:
                        return tree.text(text, lo, hi), tree.span(lo, hi), obj
    if lemma in _CUES.office_titles or lowered in _CUES.office_titles:
        office = _office(tree, pos, text)
        if office is not None:
            return office
    if (lemma in _SPEAKERS or lowered in _SPEAKERS) and tok.pos not in _NAMED:
        for child in tree.kids(pos, "compound", "poss", "nmod", "amod"):
            if tree.tokens[child].pos in _NAMED or tree.tokens[child].ent_type in {"ORG", "NORP"}:
                lo, hi = tree.phrase(child, NP_STOP)
                return tree.text(text, lo, hi), tree.span(lo, hi), child
        for prep in tree.kids(pos, "prep"):
            word = tree.tokens[prep].text.lower()
            for obj in tree.kids(prep, "pobj") if word in _OF | _WITHIN else []:
                lo, hi = tree.phrase(obj, NP_STOP)
                if word in _OF:
                    return tree.text(text, lo, hi), tree.span(lo, hi), obj
                if tree.tokens[obj].ent_type not in _PLACES:
                    # "an official in Kabul" speaks for no place; the whole phrase stays
                    # the speaker's, its head the speaker noun
                    lo = _trimmed(tree, tree.phrase(pos, NP_STOP)[0], hi)
                    return tree.text(text, lo, hi), tree.span(lo, hi), pos
    lo, hi = tree.phrase(pos, NP_STOP)
    lo = _trimmed(tree, lo, hi)
    return tree.text(text, lo, hi), tree.span(lo, hi), pos


def according_to(tree: Tree, text: str) -> tuple[str, Span, int] | None:
    toks = tree.tokens
    for pos, tok in enumerate(toks[:-1]):
        if tok.text.lower() == "according" and toks[pos + 1].text.lower() == "to":
            objs = (
                tree.kids(pos + 1, "pobj")
                or [p for p in range(pos + 2, len(toks)) if toks[p].pos in {"NOUN", "PROPN"}][:1]
            )
            if objs:
                return speaker_phrase(tree, objs[0], text)
    return None


_TAIL_MARKS = frozenset({":", "-", "–", "—"})
_TAIL_WORDS = 4


def source_tail(tree: Tree, text: str) -> tuple[str, Span, int] | None:
    """A wire headline's source after a colon or dash ("... killed in X: army",
    "... - police"): a short verbless tail naming a speaker, an organisation or an
    initialism. A tail naming anything else ("live updates") is no source."""
    toks = tree.tokens
    end = len(toks)
    while end and toks[end - 1].pos == "PUNCT" and toks[end - 1].text not in _TAIL_MARKS:
        end -= 1
    mark = next((i for i in range(end - 1, 0, -1) if toks[i].text in _TAIL_MARKS), None)
    if mark is None or mark < 3 or not 0 < end - mark - 1 <= _TAIL_WORDS:
        return None
    tail = range(mark + 1, end)
    if any(toks[i].pos in {"VERB", "AUX", "NUM"} for i in tail):
        return None
    named = [i for i in tail if toks[i].pos in {"NOUN", "PROPN", "ADJ"} and _speaks(toks[i])]
    if not named:
        return None
    lo = mark + 1 + (toks[mark + 1].text.lower() in _SPEAKER_NOISE)
    if lo >= end:
        return None
    span = tree.span(lo, end - 1)
    return span.text_in(text), span, named[0]


def _speaks(word: Token) -> bool:
    """A word that can name who vouches: a speaker noun, an organisation or a
    people, or an initialism ("MoI", "UN")."""
    return (
        word.lemma.lower() in _CUES.speaker_heads
        or word.lemma.lower() in _SPEAKERS
        or word.ent_type in {"ORG", "NORP"}
        or (word.text[:1].isupper() and any(c.isupper() for c in word.text[1:]))
    )


def dateline(tree: Tree, pos: int) -> bool:
    """ "ERBIL, Region - sources say": a capitalised dateline parsed as the subject."""
    tok = tree.tokens[pos]
    return tok.text.isupper() and len(tok.text) > 3 and tok.ent_type in {"GPE", "LOC", ""}


def left_speaker(tree: Tree, pos: int) -> int | None:
    """ "..., the region's governor, Ivan Petrenko, said" parsed without a subject:
    the noun phrase just before the verb."""
    left = pos - 1
    while left >= 0 and tree.tokens[left].pos == "PUNCT":
        left -= 1
    if left < 0 or tree.tokens[left].pos not in {"NOUN", "PROPN"}:
        return None
    head = left
    while tree.tokens[head].dep in {"compound", "appos", "flat"}:
        up = tree.head(head)
        if up is None or up > pos:
            break
        head = up
    tok = tree.tokens[head]
    return head if tok.pos == "PROPN" or tok.lemma.lower() in _CUES.speaker_heads else None


def earlier_mention(text: str, before: int, head_word: str) -> str | None:
    """The last fuller mention before ``before`` of a bare "the ministry"."""
    bare = head_word.removeprefix("the ").strip()
    pattern = _mention_pattern(re.escape(bare))
    if bare[-1:].isalnum() and (before == 0 or text[before - 1].isspace()):
        return _last_fuller_before(pattern, text, before)
    found = reversed([m.group(0) for m in pattern.finditer(text[:before])])
    return next((m.strip() for m in found if _fuller(m)), None)


def _fuller(mention: str) -> bool:
    """Two capitalised words at least: "the Interior Ministry", not "the ministry"."""
    return sum(w[:1].isupper() for w in mention.split()) >= 2


@lru_cache(maxsize=64)
def _mention_pattern(word: str) -> re.Pattern[str]:
    name = r"[A-Z][\w'’-]*"
    return re.compile(
        # names start where no name character precedes and are joined by required
        # whitespace: a scan from inside a long word ("A-A-A-..."), or "(?:name\s*)+"
        # splitting one word, is superlinear
        rf"(?<![\w'’-])(?:{name}\s+){{1,4}}{word}\b"
        rf"|{word}\s+of\s+(?:the\s+)?{name}(?:\s+{name})*",
        re.IGNORECASE,
    )


@lru_cache(maxsize=16)
def _mentions_in(
    pattern: re.Pattern[str], text: str
) -> tuple[list[int], list[re.Match[str]], list[int]]:
    """Every match in the text, their ends, and the indexes of the fuller ones."""
    matches = list(pattern.finditer(text))
    fuller = [i for i, m in enumerate(matches) if _fuller(m.group(0))]
    return [m.end() for m in matches], matches, fuller


def _last_fuller_before(pattern: re.Pattern[str], text: str, before: int) -> str | None:
    """The last fuller match of ``pattern.finditer(text[:before])``, from one scan of
    the whole text.

    Scanning the prefix again for every sentence made a long document quadratic,
    and so did walking back over every earlier match for a fuller one. With
    whitespace just before ``before`` and the head word ending in a letter, the
    matches of the whole text that end by ``before`` are the prefix's own; only one
    running across ``before`` can differ, so the prefix is rescanned from its start.
    """
    ends, matches, fuller = _mentions_in(pattern, text)
    k = bisect_right(ends, before)
    if k < len(matches) and matches[k].start() < before:
        across = [m.group(0) for m in pattern.finditer(text, matches[k].start(), before)]
        if last := next((m for m in reversed(across) if _fuller(m)), None):
            return last.strip()
    j = bisect_left(fuller, k) - 1
    return matches[fuller[j]].group(0).strip() if j >= 0 else None
