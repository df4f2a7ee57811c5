"""Within-document coreference: the headline, lede, body and quotes about one
incident are one event.

A report names its incident several times: the headline ("Blast kills four in
the north"), the lede with the day and the town, a body sentence with the
toll, a quote of an official. Sentence by sentence each looks like an event;
ACLED codes one event per location per day. Two drafts of one document are one
incident when their types are of one family, their dates agree (a sentence
that states no day of its own agrees with any day its window holds) and their
places agree (the same place, places within a few kilometres, a town inside a
region named for the other, or a draft that names no place below the
country). The merged event takes the most specific place, the most precise
date and every claim; the headline and undated mentions give way to the
sentence that states the day and the place.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from functools import cache

from warwire.extract.merging import Draft, compatible, family, upgrade
from warwire.extract.place_basis import NEAR_TOWN
from warwire.extract.records import Context, Where
from warwire.geodesy import distance_km
from warwire.knowledge import data_text
from warwire.resolve.actors import is_kept_phrase
from warwire.taxonomy import EVENT_TYPE_OF, INTER_CIVILIANS
from warwire.types import Actor, Place, Span, When

__all__ = ["corefer", "locate_back", "place_level"]

_NEAR_KM = 25.0
# ACLED's inter code of civilians: a generic side, not a named actor
_CROWDS = frozenset({5, 6})  # rioters, protesters
_REGION_KM = 80.0

# how specific a place is: country < first-order region < district < town or site
_COUNTRY, _REGION, _DISTRICT, _TOWN = 1, 2, 3, 4


@cache
def _unit_words() -> frozenset[str]:
    """The English words of administrative units ("province", "district"), read from
    the one table that lists them (``data/admin_unit_words.csv``)."""
    lines = [ln for ln in data_text("admin_unit_words.csv").splitlines() if not ln.startswith("#")]
    rows = csv.DictReader(io.StringIO("\n".join(lines)))
    return frozenset(row["english"].casefold() for row in rows)


def place_level(where: Where | None) -> int:
    """0 for no place, 1 country, 2 admin1, 3 district, 4 a town or site.

    A place taken from the story's country (no span of its own) counts as
    the country whatever it resolved to; a name the gazetteer could not
    resolve counts as a site, unless it names a unit ("X province"), which
    counts as a region.
    """
    if where is None or where.span is None:
        return 0 if where is None else _COUNTRY
    place = where.toponym.place if where.toponym else None
    if place is None:
        last = where.name.rsplit(None, 1)[-1].casefold() if where.name.strip() else ""
        return _REGION if last in _unit_words() or last == "region" else _TOWN
    feature = (place.feature or "").upper()
    if feature.startswith("PCL") or feature in {"CONT", "RGN", "OCN", "SEA"}:
        return _COUNTRY
    if feature == "ADM1" or place.geo_precision >= 3:
        return _REGION
    if feature.startswith("ADM") or place.geo_precision == 2:
        return _DISTRICT
    return _TOWN


def _place(where: Where | None) -> Place | None:
    return where.toponym.place if where is not None and where.toponym else None


def _same_country(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or not a.country_code or not b.country_code:
        return True
    return a.country_code == b.country_code


def places_agree(a: Where | None, b: Where | None, headline: bool = False) -> bool:
    """Could both places be where one incident happened?

    With ``headline`` one of the two is the title's mention, whose country words
    often name the sides rather than the place ("U.S. strike backs Somali
    forces"): a country there does not contradict the body's place.
    """
    la, lb = place_level(a), place_level(b)
    pa, pb = _place(a), _place(b)
    if headline and min(la, lb) <= _COUNTRY:
        return True
    if not _same_country(pa, pb):
        return False
    if min(la, lb) <= _COUNTRY:
        return True
    assert a is not None and b is not None
    if a.name.casefold() == b.name.casefold():
        return True
    if pa is None or pb is None or _borrowed(a) or _borrowed(b):
        # an unresolved site (or one coded near a town it is not) agrees with a
        # region, not with another named site
        return min(la, lb) <= _REGION
    distance = distance_km(pa, pb)
    if la == lb == _TOWN:
        return distance <= _NEAR_KM
    if min(la, lb) == _REGION:
        region, other = (pa, pb) if la == _REGION else (pb, pa)
        same_admin = bool(other.admin1) and other.admin1 in {region.admin1, region.name}
        return same_admin or distance <= _REGION_KM
    return distance <= _REGION_KM / 2


def _borrowed(where: Where) -> bool:
    """A name the gazetteer lacks, coded near a town named beside it (not a guess from
    the story's place): a site of its own, not that town."""
    place = _place(where)
    return (
        place is not None
        and place.place_basis == NEAR_TOWN
        and place.name.casefold() != where.name.casefold()
    )


def _stated(draft: Draft) -> When | None:
    """The day the draft's own sentences state, if any."""
    days = [r.when for r in draft.readings if r.dated and r.when.time_precision == 1]
    return days[0] if days else None


def _overlap(a: When, b: When, slack: int = 1) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return True
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


# a report's day (or a statement's) bounds what it tells from above: the incident
# may be a few days older
_REPORT_LAG_DAYS = 3


def _within_report(day: When, report: When) -> bool:
    if day.start is None or report.start is None or report.end is None:
        return True
    return (report.start - day.start).days <= _REPORT_LAG_DAYS and (
        day.start - report.end
    ).days <= 1


def dates_agree(a: Draft, b: Draft) -> bool:
    """Two stated days must be the same day; otherwise the windows must meet, and a
    stated day may lie a few days before the day of a report that states none."""
    da, db = _stated(a), _stated(b)
    if da is not None and db is not None:
        return da.start == db.start
    if (da is None) != (db is None):
        day, other = (da, b.when) if da is not None else (db, a.when)
        assert day is not None
        if other.time_precision == 2 and other.start == other.end:
            return _within_report(day, other)
    return _overlap(da or a.when, db or b.when)


def _known(actor: Actor | None, crowds: bool = True) -> str | None:
    """A registry actor's name; phrases kept verbatim and generic sides don't count,
    nor, unless ``crowds``, protesters and rioters."""
    if actor is None or is_kept_phrase(actor):
        return None
    if actor.inter == INTER_CIVILIANS or actor.name.startswith("Unidentified"):
        return None
    if not crowds and actor.inter in _CROWDS:
        return None
    return actor.name


def _sides(draft: Draft, crowds: bool = True) -> tuple[set[str], set[str]]:
    first = {n for r in draft.readings if (n := _known(r.actor1, crowds))}
    second = {n for r in draft.readings if (n := _known(r.actor2, crowds))}
    return first, second


def _placeless(draft: Draft) -> bool:
    """The draft names no place below the country: a summary or a side mention."""
    return place_level(draft.where) <= _COUNTRY


def actors_agree(a: Draft, b: Draft) -> bool:
    """Named sides must not contradict: the same actor doing in one draft what is done
    to it in the other, or two different named perpetrators, are two incidents."""
    # a dated lede with no place ("protests across the country left two dead on
    # Monday") sums up the located crowd event: protesters there, rioters here
    summary = [d for d in (a, b) if _placeless(d)]
    crowds = len(summary) != 1 or _stated(summary[0]) is None
    a1, a2 = _sides(a, crowds)
    b1, b2 = _sides(b, crowds)
    if a1 & b1:
        return True
    symmetric = "Battles" in {EVENT_TYPE_OF[a.sub], EVENT_TYPE_OF[b.sub]}
    if not symmetric and (a1 & b2 or a2 & b1):
        return False
    return not (a1 and b1 and not (a1 & b2 or b1 & a2))


def _siblings(a: Draft, b: Draft) -> bool:
    """The places of one sentence's list ("shelled A, B and C") are never one event,
    even when the gazetteer codes two of them to the same point."""
    if a.where is None or b.where is None or a.where.name.casefold() == b.where.name.casefold():
        return False
    return any(r is s for r in a.readings for s in b.readings)


def _crowd_side(draft: Draft) -> bool:
    """Protesters or rioters are named as a side of the draft."""
    return any(
        actor is not None and actor.inter in _CROWDS
        for r in draft.readings
        for actor in (r.actor1, r.actor2)
    )


def _armed_group(draft: Draft) -> bool:
    """A named non-state armed group carries out the draft's violence."""
    return any(r.actor1 is not None and r.actor1.inter in {2, 3, 4} for r in draft.readings)


def _related(a: Draft, b: Draft) -> bool:
    """Types that may be one incident: the same family, or a shooting or an assault
    told of a crowd (a protest the police fired on, a riot with a killing) when no
    armed group is named as the one who did it; a riot word with no crowd named
    ("two supporters were killed") is the violence told elsewhere when one of the
    two names no place. Arrests at a protest are the police's intervention in it;
    arrests told without a place of their own after a located attack are its
    aftermath, not another event."""
    if compatible(a.sub, b.sub):
        return True
    if _ARRESTS in {a.sub, b.sub}:
        arrests, other = (a, b) if a.sub == _ARRESTS else (b, a)
        if (_stated(a) or a.when).start != (_stated(b) or b.when).start:
            return False  # the day after a protest, its leaders' arrest is news of its own
        if family(other.sub) == "crowd":
            return True  # arrests at a protest: the police intervened in it
        return family(other.sub) == "violent" and _placeless(arrests) and not _placeless(other)
    crowd, violent = (a, b) if family(a.sub) == "crowd" else (b, a)
    if family(crowd.sub) != "crowd" or family(violent.sub) != "violent":
        return False
    if _crowd_side(crowd):
        return not _armed_group(violent)
    return _placeless(a) != _placeless(b)


def _position(draft: Draft) -> int:
    return min(r.sentence.start for r in draft.readings)


def _absorb(home: Draft, other: Draft) -> None:
    """``other`` is another mention of ``home``'s incident: keep the best of both."""
    if place_level(other.where) > place_level(home.where):
        home.where = other.where
        home.first_place = other.first_place
        home.share = other.share
    mine, theirs = _stated(home), _stated(other)
    if mine is None and theirs is not None:
        home.when = theirs
    elif mine is None and _width(other.when) < _width(home.when):
        home.when = other.when
    home.readings.extend(other.readings)
    if not compatible(home.sub, other.sub):
        home.sub = _crowd_with_violence(home, other)
        return
    upgrade(home, other.sub)


_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})
_ARRESTS = "Arrests"


def _crowd_with_violence(a: Draft, b: Draft) -> str:
    """A crowd event and the violence told of it are one crowd event; a protest
    where people were killed is ACLED's excessive force against protesters; a
    protest with arrests is a protest with intervention."""
    if _ARRESTS in {a.sub, b.sub}:
        other = b if a.sub == _ARRESTS else a
        return "Protest with intervention" if other.sub == "Peaceful protest" else other.sub
    crowd, violent = (a, b) if family(a.sub) == "crowd" else (b, a)
    if not _crowd_side(crowd):
        return violent.sub  # "a mob" of no crowd: the violence names the incident
    killed = any(r.deaths is not None and r.deaths.value > 0 for r in violent.readings)
    return "Excessive force against protesters" if crowd.sub in _PROTESTS and killed else crowd.sub


def _width(when: When) -> int:
    if when.start is None or when.end is None:
        return 10**6
    return (when.end - when.start).days


def corefer(drafts: list[Draft], headlines: Collection[Span] = ()) -> list[Draft]:
    """Merge the drafts that report one incident; keep document order.

    Body drafts are taken first, in order, so the headline and teaser mentions
    join the body's account rather than the other way round; a headline with
    no body counterpart (a headline-only input) stays an event of its own. A
    headline that matches none of the body's incidents of its kind only sums them
    up ("Protesters killed across the province") and is dropped.
    """
    heads = set(headlines)

    def is_head(d: Draft) -> bool:
        return all(r.sentence in heads for r in d.readings)

    ordered = sorted(drafts, key=lambda d: (is_head(d), _position(d)))
    kept: list[Draft] = []
    for draft in ordered:
        home = next(
            (
                k
                for k in kept
                if _related(k, draft)
                and dates_agree(k, draft)
                and (actors_agree(k, draft) or not compatible(k.sub, draft.sub))
                and places_agree(k.where, draft.where, is_head(k) or is_head(draft))
                and not _siblings(k, draft)
            ),
            None,
        )
        if home is None:
            kept.append(draft)
        else:
            _absorb(home, draft)
    kept = _settle_vague(kept)
    for k in kept:
        day = _stated(k)
        if day is not None and k.when.time_precision != 1:
            k.when = day  # a mention that states the day dates the incident
    body = [k for k in kept if not is_head(k)]
    kept = [k for k in kept if not is_head(k) or not any(compatible(b.sub, k.sub) for b in body)]
    return sorted(kept, key=_position)


def _vague(draft: Draft) -> bool:
    """The draft states neither a day nor a place below the country: a summary, a
    side remark or a retelling, never enough for ACLED's one event per place and day."""
    return _stated(draft) is None and _placeless(draft)


def _settle_vague(kept: list[Draft]) -> list[Draft]:
    """A vague mention left over after merging is the one located incident of its kind
    it could be, whatever armed sides its own sentence names ("Somali forces fought the
    militants, backed by U.S. troops" beside "U.S. forces struck them near X on
    Monday"; a crowd of protesters is still not one of rioters); beside several such
    incidents it only sums them up and stays apart."""
    out: list[Draft] = []
    for draft in kept:
        if not _vague(draft):
            out.append(draft)
            continue
        homes = [
            k
            for k in kept
            if not _vague(k)
            and compatible(k.sub, draft.sub)
            and (family(k.sub) == "violent" or actors_agree(k, draft))
            and dates_agree(k, draft)
            and _same_country(_place(k.where), _place(draft.where))
        ]
        if len(homes) == 1:
            _absorb(homes[0], draft)
        else:
            out.append(draft)
    return out


def locate_back(draft: Draft, ctx: Context, sentence: Span) -> None:
    """ "It happened in X district": a sentence that only places the incident just told
    gives it its place when that place is finer and agrees with the one it had."""
    tops = [
        t
        for t in ctx.toponyms
        if sentence.start <= t.span.start and t.span.end <= sentence.end and t.place is not None
    ]
    for top in tops:
        where = Where(top.place.name if top.place else top.text, top.span, top)
        if place_level(where) > place_level(draft.where) and places_agree(draft.where, where):
            draft.where = where
            return
