"""Where a happening took place: the places in its clause, not in its actors' names.

Coordinated places ("captured A and B") come back as separate places so the
caller codes one event per location; country adjectives ("Turkish-backed",
"Chinese-made") are not places, nor is a dateline ("WASHINGTON, May 16 -") or
the place a spokesman spoke from when the sentence names another. A sentence
that names no place falls back on the story's own place, then its country
(with coordinates); each choice is logged at DEBUG with the reason.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from warwire.extract.place_basis import (
    NEAR_STORY_PLACE,
    NEAR_TOWN,
    STORY_COUNTRY,
    STORY_PLACE,
    based,
    basis_of,
    country_point,
)
from warwire.extract.records import Context, Where, toponyms_covering, toponyms_within
from warwire.extract.roles import Phrase, Roles
from warwire.extract.syntax import Tree
from warwire.extract.wheres_anchor import clause_anchor
from warwire.extract.wheres_landmark import landmark_openers, near_namesakes, qualified_towns
from warwire.extract.wheres_list import listed_places, place_words
from warwire.extract.wheres_names import after_locative, named_area
from warwire.extract.wheres_offset import offset_place
from warwire.extract.wheres_refer import (
    a_people,
    force_town,
    lone_abroad,
    outlet,
    spoke_from,
    the_capital,
    the_town,
)
from warwire.resolve.gazetteer import SPELLING
from warwire.resolve.places_home import ALLEGIANCE, ATTRIBUTIVE
from warwire.resolve.places_qualifier import FALLBACK, QUALIFIER
from warwire.resolve.places_story import is_dateline, story_place
from warwire.types import Equipment, Span, Toponym

log = logging.getLogger(__name__)


def wheres_for(
    ctx: Context, tree: Tree, trigger: int, roles: Roles, equipment: tuple[Equipment, ...]
) -> tuple[Where, ...]:
    """Places for a trigger: coordinated places in its clause are separate events."""
    sent = tree.sentence.span
    tops = toponyms_within(ctx.toponyms, sent.start, sent.end)
    judged = [t.span for t in tops]  # names the gazetteer knows: not re-read from the tagger
    target = roles.target if not is_place(ctx, roles.target, tree) else None
    actor_spans = [
        span
        for p in (roles.agent, target, *roles.co_agents)
        if p
        for span in (p.span, *(tree.span(*tree.phrase(a)) for a in tree.kids(p.head, "appos")))
    ]
    tops = [
        t
        for t in tops
        if not any(a.covers(t.span) for a in actor_spans)
        and not _adjectival(tree, t, ctx.text)
        and not any(e.evidence is not None and e.evidence.covers(t.span) for e in equipment)
        and t.text.lower() not in _NOT_PLACES
        and not a_people(ctx, t)
        and not outlet(ctx.text, t.span.end)
    ]
    tops = [_spelled_abroad(ctx, t) for t in _not_aside(ctx, _not_qualifiers(tops))]
    tops = [replace(t, place=None) if lone_abroad(ctx, t) else t for t in tops]
    # a foreign country named but not as a location ("a Turkish drone", "Turkey says") is
    # the actor's, not the event's: "in/into/across Syria" is a place, "Syria" alone is not
    tops = [
        t
        for t in tops
        if not _foreign_country(ctx, t)
        or _LOCATED_IN.search(ctx.text[max(0, t.span.start - 24) : t.span.start])
    ]
    tops = landmark_openers(ctx.text, tops)  # "the Xtown Bank branch in Ytown": Ytown
    tops = near_namesakes(ctx.text, tops)  # "Xville near Ytown": an Xville abroad is not it
    listed = listed_places(ctx, tree, trigger, tops, actor_spans)
    if listed:  # "shelled A, B and C": one event per place
        log.debug("where: a list of %d places", len(listed))
        return tuple(_listed_located(ctx, listed))
    fine = [t for t in tops if not (t.place and (t.place.feature or "").startswith("PCL"))]
    if not fine and tops:  # only a country: a named village the gazetteer lacks is finer
        fine = [
            a for a in named_area(tree, ctx.text) if not any(a.span.covers(t.span) for t in tops)
        ]
    referred = None if fine or not tops else _referred(ctx, sent, actor_spans)
    if referred is not None:  # "the heart of the capital", "the town was empty"
        log.debug("where: %r refers to %s", ctx.text[referred.span.start : referred.span.end],
                  referred.text)  # fmt: skip
        return (_located(ctx, referred),)
    if not fine and tops and all(_home_country(ctx, t) for t in tops):
        home = story_place(ctx.toponyms, ctx.text, ctx.country_code, least=1.0)
        if home is not None and home.place is not None:  # "across Peru": where the story is
            log.debug("where: only the story's country named; its place %s", home.place.name)
            return (Where(home.place.name, None, based(home, STORY_PLACE)),)
    tops = fine or tops
    if not tops:  # no gazetteer hits: fall back on the tagger's place names
        ents = [
            e
            for e in tree.sentence.entities
            if e.label in {"GPE", "LOC", "FAC"}
            and not any(a.covers(e.span) for a in actor_spans + judged)
            and not ATTRIBUTIVE.match(ctx.text[e.span.end : e.span.end + 12])
            and not is_dateline(ctx.text, e.span.start, e.span.end)
            and not a_people(ctx, Toponym(e.span, e.text))
            and not outlet(ctx.text, e.span.end)
            and not any(q.name and e.text in q.name for q in equipment)
        ]
        tops = [Toponym(span=e.span, text=e.text) for e in ents]
    if not tops:
        tops = named_area(tree, ctx.text) or after_locative(ctx, tree)
    if not tops:
        referred = _referred(ctx, sent, actor_spans)
        return (_located(ctx, referred),) if referred else _fallback(ctx)
    toks = tree.tokens
    scope = tree.subtree(trigger)
    head = tree.head(trigger)
    if toks[trigger].dep in {"acl", "relcl"} and head is not None:
        scope = sorted({*scope, *tree.subtree(head)})
    inside = [t for t in tops if any(toks[i].start <= t.span.start < toks[i].end for i in scope)]
    chosen = inside or tops
    towns = [t for t in chosen if not _coarse(t)] or qualified_towns(ctx.text, tops, ctx.toponyms)
    local = None if towns else force_town(ctx, sent, actor_spans)
    if local is not None:  # "X police cleared the camp at the Y state university": X
        return (_located(ctx, local),)
    if towns:  # "the governor of the X region said shelling hit Y": Y, the finer place
        chosen = towns
    first = chosen[0]
    group = [first]
    for other in chosen[1:]:
        between = ctx.text[group[-1].span.end : other.span.start].strip().lower()
        # "X (A, B)": the units X lies in, written as a list, are no further places
        bracketed = _bracketed(ctx.text, sent.start, other.span.start)
        if between in {"and", ",", "or", ", and", "as well as"} and not bracketed:
            group.append(other)
    # "Xville and Y": coordinated names lie together, like a list's
    return tuple(_listed_located(ctx, group)) if len(group) > 1 else (_located(ctx, first),)


def _bracketed(text: str, start: int, at: int) -> bool:
    """Whether offset ``at`` lies inside brackets opened after ``start``."""
    before = text[start:at]
    return before.rfind("(") > before.rfind(")")


def _referred(ctx: Context, sent: Span, actors: Sequence[Span]) -> Toponym | None:
    """A place the sentence points at: a town's police, "the capital", "the town"."""
    return force_town(ctx, sent, actors) or the_capital(ctx, sent) or the_town(ctx, sent)


def _not_qualifiers(tops: list[Toponym]) -> list[Toponym]:
    """ "Xville (Borno)": Borno locates Xville and is no second place of the event."""
    named = [t for t in tops if not (t.place and t.place.place_basis == QUALIFIER)]
    return named or tops


# sentence-initial words a gazetteer matches as villages ("Since" -> Sincé)
_NOT_PLACES = frozenset(
    {"since", "after", "before", "during", "while", "however", "today", "yesterday"}
)


_LOCATED_IN = re.compile(r"\b(?:in|into|inside|across|throughout|over|to)\s+(?:the\s+)?$", re.I)


def _foreign_country(ctx: Context, top: Toponym) -> bool:
    place = top.place
    return (
        place is not None
        and (place.feature or "").startswith("PCL")
        and ctx.country_code is not None
        and place.country_code != ctx.country_code
    )


def _coarse(top: Toponym) -> bool:
    """A country or first-order region: a sentence's town, if it names one, is finer."""
    place = top.place
    if place is None:
        return False
    feature = place.feature or ""
    return feature.startswith("PCL") or feature == "ADM1" or place.geo_precision >= 3


def _home_country(ctx: Context, top: Toponym) -> bool:
    place = top.place
    return (
        place is not None
        and (place.feature or "").startswith("PCL")
        and (place.country_code == ctx.country_code)
    )


def is_place(ctx: Context, phrase: Phrase | None, tree: Tree | None = None) -> bool:
    """A target that is somewhere, not someone: "shelled Nikopol", "the outskirts of X",
    with the ``tree``, "the eastern Xville" (its head word a place), not "Xville residents"."""
    if phrase is None:
        return False
    if phrase.place_like:
        return True
    head = tree.tokens[phrase.head].start if tree is not None else -1
    found = toponyms_covering(ctx.toponyms, phrase.span.start, phrase.span.end)
    if head >= 0:  # or the head word inside a known name: "the eastern X"
        found += toponyms_covering(ctx.toponyms, head, head + 1)
    return any(t.place is not None and not (t.place.feature or "").startswith("PCL") for t in found)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalnum())


def _adjectival(tree: Tree, top: Toponym, text: str) -> bool:
    """ "Chinese-made", "Turkish-backed", "pro-Ankara", "Syrian militants": a country
    word, not a place."""
    span = top.span
    if ATTRIBUTIVE.match(text[span.end : span.end + 12]) or ALLEGIANCE.search(
        text[max(0, span.start - 5) : span.start]
    ):
        return True
    toks = [t for t in tree.tokens if span.start <= t.start < span.end]
    if not toks or not all(t.ent_type == "NORP" or t.pos == "ADJ" for t in toks):
        return False
    return top.place is None or _fold(top.text) != _fold(top.place.name)


def _not_aside(ctx: Context, tops: list[Toponym]) -> list[Toponym]:
    """Drop datelines and speakers' places when the sentence names another place, and a
    dateline abroad ("WASHINGTON" atop an Afghanistan story) even when it does not."""
    aside = []
    for t in tops:
        if is_dateline(ctx.text, t.span.start, t.span.end):
            abroad = t.place is not None and t.place.country_code != ctx.country_code
            aside.append((t, abroad))
        elif spoke_from(ctx.text, t.span.start):
            aside.append((t, True))  # the speaker's place is no evidence of the incident's
    if not aside:
        return tops
    kept = [t for t in tops if all(t is not a for a, _ in aside)]
    if kept:
        return kept
    return [t for t in tops if not any(t is a and abroad for a, abroad in aside)]


def _located(ctx: Context, top: Toponym) -> Where:
    """A resolved place as it is; a name the gazetteer lacks at the story's place,
    "near" it (geo_precision 2), as ACLED codes an unfound village to a known town."""
    place = top.place
    if place is not None:
        if _around(ctx.text, top.span) and (place.feature or "").startswith("PPL"):
            place = replace(place, geo_precision=max(2, place.geo_precision))
        moved = offset_place(ctx.text, top.span, place)  # "40 km southwest of X"
        if moved is not None:
            log.debug("where %r: moved as the text says, near it", top.text)
            return Where(
                top.text, top.span, replace(top, place=replace(moved, place_basis=NEAR_TOWN))
            )
        basis = place.place_basis or ""
        if basis == QUALIFIER:  # only the qualifier of a name kept out: the event is there
            basis = FALLBACK + basis_of(place)
        place = replace(place, place_basis=basis if basis.startswith(FALLBACK) else basis_of(place))
        return Where(place.name, top.span, replace(top, place=place))
    anchor = clause_anchor(ctx.text, ctx.toponyms, top, ctx.country_code)
    home = story_place(ctx.toponyms, ctx.text, ctx.country_code) if anchor is None else None
    if anchor is None and (home is None or home.place is None):  # "X and the outskirts of Y"
        anchor = clause_anchor(ctx.text, ctx.toponyms, top, ctx.country_code, sentence=True)
    if anchor is not None and anchor.place is not None:  # "X in the countryside of Y": near Y
        log.debug("where %r: unresolved, near %s named beside it", top.text, anchor.place.name)
        near = replace(
            anchor.place, geo_precision=max(2, anchor.place.geo_precision), place_basis=NEAR_TOWN
        )
        return Where(top.text, top.span, replace(top, place=near))
    if home is None or home.place is None:
        log.debug("where %r: unresolved, no story place", top.text)
        return Where(top.text, top.span, top)
    near = replace(
        home.place, geo_precision=max(2, home.place.geo_precision), place_basis=NEAR_STORY_PLACE
    )
    log.debug("where %r: unresolved, near the story's place %s", top.text, near.name)
    return Where(top.text, top.span, replace(top, place=near))


def _listed_located(ctx: Context, listed: Sequence[Toponym]) -> list[Where]:
    """The places of one list: a name resolved abroad while the rest of the list lies in
    one country is a namesake, and a name the gazetteer lacks is near the listed place
    before it (else after it): villages listed together lie together."""
    codes = {t.place.country_code for t in listed if t.place is not None}
    home = ctx.country_code if ctx.country_code in codes else None
    if home is None and len(codes) > 1:  # the list's country, then the story's most named
        in_list = Counter(t.place.country_code for t in listed if t.place is not None)
        in_story = Counter(t.place.country_code for t in ctx.toponyms if t.place is not None)
        home = max(codes, key=lambda c: (in_list[c], in_story[c]))
    kept = [
        t if t.place is None or home is None or t.place.country_code == home
        else replace(t, place=None)
        for t in listed
    ]  # fmt: skip
    out = []
    for i, top in enumerate(kept):
        if top.place is not None:
            out.append(_located(ctx, top))
            continue
        before = [t for t in reversed(kept[:i]) if t.place is not None]
        after = [t for t in kept[i + 1 :] if t.place is not None]
        anchor = before[0] if before else after[0] if after else None
        if anchor is None or anchor.place is None:
            out.append(_located(ctx, top))
            continue
        near = replace(
            anchor.place, geo_precision=max(2, anchor.place.geo_precision), place_basis=NEAR_TOWN
        )
        out.append(Where(top.text, top.span, replace(top, place=near)))
    return out


@cache
def _around_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(place_words("around_words")))
    after = re.compile(rf"(?:\s+(?:city|town|village)(?:'s)?)?\s+(?:{words})\b", re.I)
    before = re.compile(
        rf"\b(?:{words})\s+(?:of\s+)?(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I
    )
    return after, before


def _around(text: str, span: Span) -> bool:
    """ "the countryside of X", "X outskirts", "near X": around the town, not in it."""
    after, before = _around_patterns()
    return bool(
        after.match(text, span.end) or before.search(text[max(0, span.start - 40) : span.start])
    )


def _spelled_abroad(ctx: Context, top: Toponym) -> Toponym:
    """A name matched only as another spelling ("Menbej") outside the story's country
    is unresolved: a loose match is believed only where the story is."""
    place = top.place
    if place is None or place.place_basis != SPELLING or ctx.country_code is None:
        return top
    return top if place.country_code == ctx.country_code else replace(top, place=None)


def _fallback(ctx: Context) -> tuple[Where, ...]:
    """No place in the sentence: the story's own place, else its country's point."""
    home = story_place(ctx.toponyms, ctx.text, ctx.country_code)
    if home is not None and home.place is not None:
        log.debug("where: the story's place %s", home.place.name)
        return (Where(home.place.name, None, based(home, STORY_PLACE)),)
    where = ctx.country_place
    if where is not None and where.toponym and where.toponym.place:
        return (Where(where.name, where.span, based(where.toponym, STORY_COUNTRY)),)
    if where is None:
        return ()
    point = country_point(ctx.country_code)
    if point is None:
        return (where,)
    log.debug("where: the country point of %s", point.name)
    return (Where(where.name, None, Toponym(Span(ctx.doc_id, 0, 0), where.name, point)),)
