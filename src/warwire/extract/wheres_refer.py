"""Places a sentence points at without naming them, and names that are no place of it.

"Police charged marchers in the heart of the capital" names no town, but the
story names its country's capital elsewhere; "soldiers found the town empty"
is the town the story named last. Either is finer than the country's centre
point a coder would never use. The other way round, a name the gazetteer finds
only abroad, in a country the story names no other place of, is a namesake
("Salerno" in an Afghan story), and an unresolved name cued as a people
("ethnic Xs", "the X tribe") is no place at all; nor is the place a speaker spoke
from or an outlet's name ("an X reporter said"). The cue words are data
(``data/place_lists.yaml``, ``data/place_cue_words.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from warwire.extract.records import Context, toponyms_within
from warwire.extract.wheres_list import place_words
from warwire.knowledge import data_mapping, phrase_pattern
from warwire.resolve.places_story import is_dateline
from warwire.resolve.places_words import capital_mentions
from warwire.types import Span, Toponym

REACH = 2000  # characters back to the town "the town" refers to, at most
BIG_TOWN = 100_000  # a town abroad this big is named as itself, not as a namesake


def _home_town(ctx: Context, top: Toponym) -> bool:
    place = top.place
    return (
        place is not None
        and place.country_code == ctx.country_code
        and (place.feature or "").startswith("PPL")
        and not is_dateline(ctx.text, top.span.start, top.span.end)
    )


def the_capital(ctx: Context, sentence: Span) -> Toponym | None:
    """ "the capital" in the sentence: the story country's capital, as the story names it."""
    if ctx.country_code is None:
        return None
    said = capital_mentions(ctx.text[sentence.start : sentence.end])
    if not said:
        return None
    capital = next(
        (t for t in ctx.toponyms if _home_town(ctx, t) and t.place and t.place.feature == "PPLC"),
        None,
    )
    if capital is None:
        return None
    start, end = said[0]
    return Toponym(Span(ctx.doc_id, sentence.start + start, sentence.start + end),
                   capital.text, capital.place)  # fmt: skip


@cache
def _town_words() -> re.Pattern[str]:
    words = "|".join(sorted(place_words("anaphor_heads"), key=len, reverse=True))
    return re.compile(rf"\b(?:the|this|that)\s+(?:{words})\b(?!\s+of\b)", re.I)


def the_town(ctx: Context, sentence: Span) -> Toponym | None:
    """ "the town", "the village": the last town of the story's country named before."""
    found = _town_words().search(ctx.text, sentence.start, sentence.end)
    if found is None or ctx.country_code is None:
        return None
    before = [
        t
        for t in ctx.toponyms
        if sentence.start - REACH <= t.span.start and t.span.end <= sentence.start
        and _home_town(ctx, t)
    ]  # fmt: skip
    if not before:
        return None
    last = max(before, key=lambda t: t.span.start)
    return Toponym(Span(ctx.doc_id, found.start(), found.end()), last.text, last.place)


def lone_abroad(ctx: Context, top: Toponym) -> bool:
    """A town resolved abroad in a country of which the story names no other place,
    while it names towns at home."""
    place = top.place
    home = ctx.country_code
    if place is None or home is None or place.country_code in {None, home}:
        return False
    feature = place.feature or ""
    if feature.startswith("PCL") or feature == "PPLC" or place.population >= BIG_TOWN:
        return False  # a country, a capital or a city abroad is meant as itself
    if not any(
        t.place is not None
        and t.place.country_code == home
        and not (t.place.feature or "").startswith("PCL")
        for t in ctx.toponyms
    ):
        return False  # no town at home either ("on the Niger river near X"): the town stands
    key = top.text.casefold()
    return not any(
        t.place is not None
        and t.place.country_code == place.country_code
        and t.text.casefold() != key
        and _names_place(ctx, t)
        for t in ctx.toponyms
    )


def _names_place(ctx: Context, top: Toponym) -> bool:
    """A place of the text proper (a dateline too: the story is filed from there), no
    country's adjective ("Turkish"), no country added to a name ("Ministry, Xland")."""
    place = top.place
    if place is None:
        return False
    if not (place.feature or "").startswith("PCL"):
        return True
    own = top.text.casefold().removesuffix("'s").removesuffix("’s")
    return own == place.name.casefold() and not (place.place_basis or "").startswith("qualifier")


@cache
def _people_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = "|".join(sorted(place_words("people_before"), key=len, reverse=True))
    after = "|".join(sorted(place_words("people_after"), key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{before})\s+$", re.I),
        re.compile(rf"(?:-|\s+)(?:{after})\b", re.I),
    )


def a_people(ctx: Context, top: Toponym) -> bool:
    """An unresolved name cued as a people ("ethnic Xs", "X tribesmen"): not a place."""
    if top.place is not None:
        return False
    before, after = _people_cues()
    lead = ctx.text[max(0, top.span.start - 20) : top.span.start]
    return bool(before.search(lead) or after.match(ctx.text, top.span.end))


@cache
def _force_words() -> re.Pattern[str]:
    words = "|".join(sorted(place_words("local_force"), key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b", re.I)


def force_town(ctx: Context, sentence: Span, actor_spans: Sequence[Span]) -> Toponym | None:
    """ "X police cleared the camp": the home town named in the force's own name."""
    return next(
        (
            t
            for t in toponyms_within(ctx.toponyms, sentence.start, sentence.end)
            if any(a.covers(t.span) for a in actor_spans)
            and _home_town(ctx, t)
            and _force_words().match(ctx.text, t.span.end)
        ),
        None,
    )


@cache
def _spoke_from() -> re.Pattern[str]:
    words = phrase_pattern(data_mapping("place_cue_words.yaml").get("spoke_from") or ())
    return re.compile(rf"{words.pattern}[^.;]{{0,30}}\b(?:in|from)\s+(?:the\s+)?$", re.I)


def spoke_from(text: str, start: int) -> bool:
    """ "said in X", "speaking to reporters in X", "a group based in X": the name at
    ``start`` is where a speaker spoke from, no evidence of where the incident was."""
    return bool(_spoke_from().search(text[max(0, start - 60) : start]))


@cache
def _outlet() -> re.Pattern[str]:
    words = phrase_pattern(data_mapping("place_cue_words.yaml").get("outlet_after") or ())
    return re.compile(rf"(?<!\s)\s+{words.pattern}", re.I)  # from a run's start: linear


def outlet(text: str, end: int) -> bool:
    """ "an X reporter said", "X television reported": the name ending at ``end`` is a
    news outlet, not a place."""
    return bool(_outlet().match(text, end))
