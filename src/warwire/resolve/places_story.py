"""Story geography: the country a story is set in, and the small places it names there.

The city list holds thousands of villages with no population figure; believed
everywhere they would turn every capitalised word into a hamlet. Once the
story's country is known (its countries, demonyms and unambiguous places), a
village of that country is believed where the text treats it as a place ("in
X", "X village", "X, a town in ..."), and then at every mention of it. A headline
is too short for that: there a place word beside a name ("X countryside", "the
town of X") is enough, even without a known country when the gazetteer knows the
name in one country only, and "the capital" is the story country's capital. A
byline's names are never places.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from warwire.memo import by_identity
from warwire.resolve.countries import short_form_spans
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import CONTEXT, GENERIC_WORDS, trimmed
from warwire.resolve.places_capital import country_capitals
from warwire.resolve.places_detect import (
    _CAPS,
    _STOP_START,
    PLACE_LABELS,
    Candidate,
    _acronym,
    _noise_words,
    detect,
)
from warwire.resolve.places_words import (
    after_title,
    brand_word,
    byline_spans,
    capital_mentions,
    common_word,
    cued_after,
    cued_place,
    placed_by_context,
    settlement_cued,
    speaking,
)
from warwire.types import Place, Sentence, Toponym

STATE_INTERS = frozenset({1, 8})  # state and external forces name no story country
STORY = "STORY"  # the source of a candidate believed because of the story's country
CAPITAL = "CAPITAL"  # "the capital" of a short text: the story country's capital
MIN_VOTES = 2.0
MIN_SHARE = 0.5
SHORT_TEXT = 300
SINGLE_TOWN = 10_000  # a one-word name cued in a headline of no country: a town this big
HAMLET_VOTE = 0.5  # a headline hamlet's vote for its country: enough alone, not against a town


def _country_votes(
    places: Sequence[Place], source: str, code: str | None, short: bool = False
) -> dict[str, float]:
    """A name's vote for the story's country; in a headline a hamlet's namesake (no unit,
    no town of size) votes half: "Xville in the Y region" is set where the region is."""
    if source == "DEMONYM":
        return {code: 1.0} if code else {}
    whole = [p for p in places if (p.feature or "").startswith("PCL") and p.country_code]
    if whole:
        return {whole[0].country_code or "": 2.0}
    codes = {p.country_code for p in places}
    if len(codes) == 1 and None not in codes:
        hamlets = short and all(
            p.population < SINGLE_TOWN and (p.feature or "").startswith("PPL") for p in places
        )
        return {str(codes.pop()): HAMLET_VOTE if hamlets else 1.0}
    return {}


def story_country(
    candidates: Iterable[Candidate], gazetteer: Gazetteer, text: str = ""
) -> str | None:
    """The country most of the story's confident names point to, if one clearly leads.

    A headline is too short for the tagger to be sure of its names ("Aleppo" read as
    a nationality), so there every detected name votes, and one vote is enough; and
    there a demonym votes only when no place does: "Turkish forces shell X in Aleppo"
    names the attacker's country beside the place where it happened."""
    short = 0 < len(text) <= SHORT_TEXT
    votes: defaultdict[str, float] = defaultdict(float)
    adjectives: defaultdict[str, float] = defaultdict(float)
    for cand in candidates:
        if cand.source not in PLACE_LABELS and cand.source != "DEMONYM" and not short:
            continue
        tally = adjectives if short and cand.source == "DEMONYM" else votes
        for code, weight in _country_votes(
            gazetteer.lookup(cand.text), cand.source, cand.country_code, short
        ).items():
            tally[code] += weight
    votes = votes or adjectives
    if not votes:
        return None
    code, best = max(votes.items(), key=lambda kv: kv[1])
    if best < (HAMLET_VOTE if short else MIN_VOTES) or best < MIN_SHARE * sum(votes.values()):
        return None
    return code


def _spans(text: str, sentences: Sequence[Sentence]) -> Iterable[tuple[int, str, bool]]:
    """(start, surface, opens its sentence) for every run of capitalised words."""
    for sentence in sentences:
        chunk = sentence.span.text_in(text)
        for run in _CAPS.finditer(chunk):
            words = list(re.finditer(r"\S+", run.group()))
            for i in range(len(words)):
                for j in range(min(len(words), i + 4), i, -1):
                    a, b = words[i].start(), words[j - 1].end()
                    surface, a = trimmed(run.group()[a:b], a)
                    if surface:
                        lead = chunk[: run.start() + a].strip(" \t\n\"'“”‘’([-—–•*")
                        yield sentence.span.start + run.start() + a, surface, not lead


def _home_places(surface: str, gazetteer: Gazetteer, home: str, placed: bool) -> list[Place]:
    """The story country's places so named, or, where the text places the name, so
    spelled ("in Menbej" for Manbij)."""
    key = normalise(surface)
    named = [p for p in gazetteer.lookup(surface, home) if normalise(p.name) == key]
    return named or (gazetteer.lookup_loose(surface, home) if placed else [])


def _respelled(cand: Candidate, gazetteer: Gazetteer, home: str | None) -> Candidate:
    """A tagged place name the gazetteer knows by no spelling of its own, but by a
    transliteration of one of the story country's places ("Menbej"): that place. A
    headline of no known country takes a close spelling found in one country only."""
    if cand.source not in PLACE_LABELS or gazetteer.lookup(cand.text):
        return cand
    codes = {p.country_code for p in gazetteer.lookup_loose(cand.text, home)}
    if len(codes) != 1 or None in codes:
        return cand
    return Candidate(cand.start, cand.end, cand.text, STORY, codes.pop())


def _cued_context(text: str, cand: Candidate, gazetteer: Gazetteer, home: str | None) -> Candidate:
    """A headline's mis-tagged name that its words place: a place of the story's country
    when one of its namesakes lies there; named as a settlement ("captured the village of
    X"), the place of the one country all its namesakes lie in, whatever country the
    headline's demonym names (the attacker's)."""
    if cand.source != CONTEXT:
        return cand
    places = gazetteer.lookup(cand.text)
    if home is not None and any(p.country_code == home for p in places):
        return Candidate(cand.start, cand.end, cand.text, STORY, home)
    key = normalise(cand.text)
    codes = {p.country_code for p in places if normalise(p.name) == key}
    if len(codes) != 1 or None in codes or not settlement_cued(text, cand.start, cand.end):
        return cand
    return Candidate(cand.start, cand.end, cand.text, STORY, codes.pop())


def story_candidates(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer, hint: str | None = None
) -> list[Candidate]:
    """:func:`detect`, plus the villages of the story's country that the text places;
    ``hint``, the outlet's country, is that country when the names do not tell one."""
    bylines = byline_spans(text)
    found = [
        c
        for c in detect(text, sentences, gazetteer)
        if not any(s <= c.start and c.end <= e for s, e in bylines)
    ]
    capitals = [
        Candidate(start, end, text[start:end], CAPITAL, code)
        for start, end, code in country_capitals(text)
        if not any(start < c.end and c.start < end for c in found)
    ]
    shorts = [  # "C. Africa", "DR Congo": the country, not the continent or its namesake
        Candidate(start, end, text[start:end], "GPE", code)
        for start, end, code in short_form_spans(text)
    ]
    found = [c for c in found if not any(c.start < s.end and s.start < c.end for s in shorts)]
    found = sorted([*found, *capitals, *shorts], key=lambda c: c.start)
    home = story_country(found, gazetteer, text) or hint
    # a headline is believed by spelling; in an article, a person ("Danielle") would be
    short = 0 < len(text) <= SHORT_TEXT
    by_places = None
    if short:  # a headline's demonym is its attacker's: only its places say where it is
        by_places = (
            story_country([c for c in found if c.source != "DEMONYM"], gazetteer, text)
            or hint
            or group_country(text)
        )
        home = by_places or home
        found = [_respelled(c, gazetteer, by_places) for c in found]
        found = [_cued_context(text, c, gazetteer, by_places) for c in found]
    if home is None:
        return _cued_abroad(text, sentences, gazetteer, found) if short else found
    # a country only a headline's demonyms name is its attacker's: a village there is
    # believed by its own spelling, not by a close one ("Ain X" is no Turkish "Ainos")
    loose = not short or by_places is not None
    with_home = _with_home_villages(text, sentences, gazetteer, found, home, bylines, loose)
    if short and by_places is None:  # "Turkish jets pound Xville countryside"
        return _cued_abroad(text, sentences, gazetteer, with_home)
    return with_home


def _with_home_villages(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    found: list[Candidate],
    home: str,
    bylines: list[tuple[int, int]],
    loose: bool = True,
) -> list[Candidate]:
    """``found`` and the villages of the ``home`` country the text places."""
    short = 0 < len(text) <= SHORT_TEXT
    taken = [(c.start, c.end) for c in found] + bylines
    known = {normalise(c.text) for c in found}
    noise = _noise_words(text, sentences)  # surnames ("Churchill") and lower-case words
    seen: list[tuple[int, str, bool]] = []
    placed: set[str] = set()
    for start, surface, opener in _spans(text, sentences):
        key = normalise(surface)
        first = surface.split()[0].lower()
        single = " " not in surface
        if key in known or first in _STOP_START or _acronym(surface):
            continue
        end = start + len(surface)
        # "Xville countryside", "eastern Xville": a headline's place, even where the
        # tagger read the name as a surname
        cued = short and (cued_after(text, end) or (not opener and cued_place(text, start, end)))
        noisy = key in noise or surface.lower() in noise
        if single and (common_word(surface) or (noisy and not cued)):
            continue
        if after_title(text, start) or brand_word(surface):
            continue
        in_place = cued or (not (single and opener) and placed_by_context(text, start, end))
        if not _home_places(surface, gazetteer, home, in_place and short and loose):
            continue
        seen.append((start, surface, opener))
        if in_place:
            placed.add(key)
    extra: list[Candidate] = []
    for start, surface, _ in sorted(seen, key=lambda s: (s[0], -len(s[1]))):
        end = start + len(surface)
        if normalise(surface) not in placed:
            continue
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        extra.append(Candidate(start, end, surface, STORY, home))
    if short:
        capital = named_capital(found, gazetteer) or home
        for start, end in capital_mentions(text):
            if not any(start < e and s < end for s, e in taken):
                extra.append(Candidate(start, end, text[start:end], CAPITAL, capital))
    return sorted([*found, *extra], key=lambda c: c.start)


def _cued_abroad(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer, found: list[Candidate]
) -> list[Candidate]:
    """A headline of no known country: a name with a place word beside it ("Nova Xville
    countryside", "the town of Nova Xville") that the gazetteer knows in one country
    only is that country's place: a name of two or more words also by spelling, one
    word only by its own name when it is a town of some size."""
    taken = [(c.start, c.end) for c in found] + byline_spans(text)
    extra: list[Candidate] = []
    for start, surface, opener in _spans(text, sentences):
        end = start + len(surface)
        single = " " not in surface
        if any(start < e and s < end for s, e in taken):
            continue
        if surface.split()[0].lower() in _STOP_START or _acronym(surface) or brand_word(surface):
            continue
        if after_title(text, start) or normalise(surface) in GENERIC_WORDS:
            continue
        if not (cued_after(text, end) or (not opener and cued_place(text, start, end))):
            continue
        key = normalise(surface)
        places = [p for p in gazetteer.lookup(surface) if normalise(p.name) == key]
        # "the village of X" vouches for a hamlet; a bare cue ("X countryside") needs a town
        town = settlement_cued(text, start, end) or any(p.population >= SINGLE_TOWN for p in places)
        if single and (common_word(surface) or not town):  # one word names hamlets abroad
            continue
        codes = {p.country_code for p in places or gazetteer.lookup_loose(surface)}
        if len(codes) != 1 or None in codes:
            continue
        taken.append((start, end))
        extra.append(Candidate(start, end, surface, STORY, codes.pop()))
    return sorted([*found, *extra], key=lambda c: c.start) if extra else found


def group_country(text: str) -> str | None:
    """The one country the armed groups a headline names are based in ("YPG", "Taliban"):
    where a headline of no other country sets its villages, before any demonym's."""
    from warwire.resolve.actors import default_registry

    codes = {
        actor.country
        for _s, _e, actor in default_registry().find(text)
        if actor.country and actor.inter not in STATE_INTERS
    }
    return codes.pop() if len(codes) == 1 else None


def named_capital(found: Iterable[Candidate], gazetteer: Gazetteer) -> str | None:
    """The country whose capital a headline names by name: there "the capital" is that
    city ("shells on the capital ... a police station of Damascus"), whatever country
    its demonyms name ("the Russian embassy")."""
    codes = {
        p.country_code
        for c in found
        if c.source in PLACE_LABELS
        for p in gazetteer.lookup(c.text)
        if p.feature == "PPLC" and normalise(p.name) == normalise(c.text)
    }
    return codes.pop() if len(codes) == 1 else None


def capital_places(gazetteer: Gazetteer, code: str | None) -> list[Place]:
    """The capital of the country ``code``: its PPLC row, else its biggest namesake."""
    from warwire.resolve.countries import country

    found = country(code) if code else None
    if found is None or not found.capital:
        return []
    places = gazetteer.lookup(found.capital, code)
    capitals = [p for p in places if p.feature == "PPLC"]
    return capitals or sorted(places, key=lambda p: -p.population)[:1]


_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.'’ -]{1,30}?)?\s*(?:\((?:[A-Za-z ]{2,20})\)\s*)?"
    r"(?:[,:]\s*(?:\(|[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z][a-z]{2,8})|[:—–]|\s-\s|\()"
)


def is_dateline(text: str, start: int, end: int) -> bool:
    """ "WASHINGTON, May 16 –", "KABUL (Reuters) -", "Kano, Nigeria —": the place a
    report was filed from, at the head of a line, is not where its events happened."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t*_•"):
        return False
    return bool(_DATELINE_AFTER.match(text, end))


_WIDE = frozenset({"RGN", "OCN", "SEA", "GULF", "CONT"})
LEAD_CHARS = 400
HEADLINE_LEAST = 2.0  # a headline's one home town, even "X countryside", is its place


@by_identity  # asked for every placeless sentence: once per document
def story_place(
    toponyms: Sequence[Toponym], text: str, code: str | None, least: float = 2.5
) -> Toponym | None:
    """The story's own place: the specific place of its country it names most and first.

    A sentence that names no place ("the army ran from the attack") happened
    there; a country point is the last resort.
    """
    if code is None:
        return None
    scores: dict[tuple[str, float, float], float] = {}
    first: dict[tuple[str, float, float], Toponym] = {}
    for t in toponyms:
        p = t.place
        if p is None or p.country_code != code:
            continue
        feature = p.feature or ""
        if feature.startswith("PCL") or feature in _WIDE or speaking(text, t.span.end):
            continue
        key = (p.name, round(p.latitude, 3), round(p.longitude, 3))
        score = 1.0 + (1.0 if t.span.start < LEAD_CHARS else 0.0)
        score += 0.5 if p.geo_precision == 1 else 0.0
        scores[key] = scores.get(key, 0.0) + score
        first.setdefault(key, t)
    if not scores:
        return None
    key = max(scores, key=lambda k: (scores[k], -first[k].span.start))
    # named twice, or once up top; a headline names its place once, maybe as its area
    least = min(least, HEADLINE_LEAST) if len(text) <= SHORT_TEXT else least
    return first[key] if scores[key] >= least else None
