"""Resolve each detected place name of a document to one gazetteer place.

Disambiguation scores every candidate place by population, feature class,
the document's country and region focus, and closeness to the other places
of the story, so "Tripoli" in a Libya story is Tripoli, Libya. Detection
lives in :mod:`warwire.resolve.places_detect`; the units written after a name
("X (Y)", "X, Y state") narrow or settle it in :mod:`warwire.resolve.places_qualifier`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from warwire.resolve.countries import short_form
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_abroad import (
    NAMESAKE_CITY,
    at_home,
    home_country,
    named_countries,
    needs_evidence,
    outside_actor_names,
    vouched,
)
from warwire.resolve.places_candidate import (
    CONTEXT,
    REGION_DEMONYMS,
    REGION_FEATURES,
    Candidate,
    demonyms,
)
from warwire.resolve.places_context import apply_containment, local_region
from warwire.resolve.places_detect import (
    detect,
)
from warwire.resolve.places_facility import FACILITY, facility_name, host_places
from warwire.resolve.places_focus import demonym_weights, focus_without
from warwire.resolve.places_home import (
    hinted_home,
    home_namesake,
    outlet_country,
    spelled_at_home,
)
from warwire.resolve.places_parts import city_part, city_parts
from warwire.resolve.places_qualifier import apply_qualifiers, qualified_candidates
from warwire.resolve.places_score import (
    best_by_prior,
    biggest_city,
    common_abroad,
    country_first,
    is_stray,
    overshadowed,
    prior,
    proximity,
    region_bonus,
    unit_precision,
    water_first,
)
from warwire.resolve.places_story import (
    CAPITAL,
    SHORT_TEXT,
    STORY,
    capital_places,
    story_candidates,
    story_country,
)
from warwire.resolve.places_units import trimmed_forms, unit_choice, with_unit
from warwire.resolve.places_words import common_word
from warwire.types import Analysis, Place, Sentence, Span, Toponym

__all__ = ["Candidate", "ToponymStage", "demonyms", "detect", "geoparse", "resolve",
           "toponyms_for"]  # fmt: skip


def _candidates(cand: Candidate, gazetteer: Gazetteer) -> list[Place]:
    if cand.source == "DEMONYM":
        home = _country_places(gazetteer, cand.country_code)
        if home:  # "Somali" is Somalia, not Ethiopia's Somali Region
            return home
        region = REGION_DEMONYMS.get(normalise(cand.text))
        if region:
            return [p for p in gazetteer.lookup(region) if p.feature in REGION_FEATURES]
        return [p for p in gazetteer.lookup(cand.text) if p.feature in REGION_FEATURES] or [
            p for p in _country_places(gazetteer, cand.country_code)
        ]
    if cand.source == CAPITAL:
        return capital_places(gazetteer, cand.country_code)
    if cand.source == STORY:  # a village believed for the story's country: only there
        return gazetteer.lookup(cand.text, cand.country_code) or gazetteer.lookup_loose(
            cand.text, cand.country_code
        )
    short = short_form(cand.text)  # "Congo" of the wires is the DRC, not its namesake
    places = _country_places(gazetteer, short) if short else gazetteer.lookup(cand.text)
    if places:
        return places
    for surface in trimmed_forms(cand.text):
        places = gazetteer.lookup(surface)
        if places:
            return places
    return []


def _country_places(gazetteer: Gazetteer, code: str | None) -> list[Place]:
    from warwire.resolve.countries import country

    found = country(code) if code else None
    if not found:
        return []
    return [p for p in gazetteer.lookup(found.name, code) if p.feature in REGION_FEATURES]


WEAK_SOURCES = frozenset({CONTEXT, FACILITY})


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    gazetteer: Gazetteer,
    doc_id: str = "text",
    hint: str | None = None,
) -> list[Toponym]:
    """Choose one place per candidate (or none), with ACLED geo_precision. ``hint``:
    the country the outlet tells, the story's home when its own places do not say."""
    options = [with_unit(text, c, _candidates(c, gazetteer), gazetteer) for c in candidates]
    options, decided = apply_containment(text, candidates, options, gazetteer)
    options, decided, settled = apply_qualifiers(text, candidates, options, decided, gazetteer)
    keys = [normalise(c.text) for c in candidates]
    region = local_region(keys, options, decided)
    weights = [  # a neighbourhood's namesake town says nothing of the story's country
        0.0 if city_part(text, c.end) else w
        for c, w in zip(candidates, demonym_weights(text, candidates), strict=True)
    ]
    own = {k: focus_without(options, keys, k, weights) for k in set(keys)}  # a name's own focus
    first = [best_by_prior(o, k, own[k]) for o, k in zip(options, keys, strict=True)]
    named = named_countries(candidates, options)
    sure = [
        j
        for j, c in enumerate(candidates)
        if c.source not in WEAK_SOURCES and not city_part(text, c.end)
    ]
    home = home_country(  # names believed only at home do not say where home is
        [candidates[j] for j in sure], [first[j] for j in sure], [keys[j] for j in sure]
    ) or hinted_home(hint, candidates, first, gazetteer)
    story = {  # the countries the story names outright (not by a demonym)
        code for c, codes in zip(candidates, named, strict=True) if c.source != "DEMONYM"
        for code in codes
    }  # fmt: skip
    around = _neighbours(keys, first)
    out: list[Toponym] = []
    facilities: list[tuple[int, int, str]] = []
    for i, (cand, opts) in enumerate(zip(candidates, options, strict=True)):
        place: Place | None = settled[i]
        if place is not None:  # a name its qualifier settled, or the qualifier itself
            out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, place))
            continue
        if not opts and cand.source in ("FAC", FACILITY) and facility_name(cand.text):
            facilities.append((cand.start, cand.end, cand.text))
            continue
        if opts:
            mine = own[keys[i]]
            local, nations = around(keys[i])
            biggest = biggest_city(keys[i], opts)

            def score(p: Place) -> float:
                return (
                    prior(p, keys[i], opts, mine)  # noqa: B023
                    + proximity(p, local, nations)  # noqa: B023
                    + region_bonus(p, keys[i], opts, region)  # noqa: B023
                    - overshadowed(p, keys[i], biggest, region)  # noqa: B023
                )

            place = max(opts, key=score)
            if not decided[i]:
                place = country_first(place, opts, keys[i], mine, region)
                place = water_first(place, opts, keys[i], region)
            place = unit_choice(text, cand, place, opts, score)
            if (
                not decided[i]
                and home is not None
                and needs_evidence(place, home, NAMESAKE_CITY)
                and not vouched(text, i, place, candidates, named)
            ):
                small = needs_evidence(place, home)
                nearer = at_home(opts, home, score) or (
                    spelled_at_home(cand, gazetteer, home)
                    if small
                    else home_namesake(cand, gazetteer, home)
                )
                if nearer is not None:
                    place = nearer
                elif small:  # a city of some size abroad stands
                    if cand.source not in ("GPE", "LOC") or common_word(cand.text):
                        continue  # a namesake abroad and no sign of a place ("the Valley")
                    out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, None))
                    continue
            believed = {home} if home else story
            if cand.source == CONTEXT and not decided[i] and place.country_code not in believed:
                continue  # a mis-tagged name is believed only in the story's own country
            if not decided[i] and common_abroad(cand, place, mine):
                continue  # "the Valley" of a Kashmir story is no island of the Caribbean
            stray = is_stray(place, keys[i], mine) and place.country_code != home
            if stray and not decided[i] and not vouched(text, i, place, candidates, named):
                place = None
            else:
                place = replace(place, geo_precision=unit_precision(text, cand, place))
        elif cand.source not in ("GPE", "LOC"):
            continue
        else:
            place = spelled_at_home(cand, gazetteer, home)
        out.append(Toponym(Span(doc_id, cand.start, cand.end), cand.text, place))
    if facilities:
        hosted = host_places(facilities, out, doc_id, home)
        out = sorted([*out, *hosted], key=lambda t: t.span.start)
    return city_parts(text, out, home)


def _neighbours(
    keys: Sequence[str], first: Sequence[Place | None]
) -> Callable[[str], tuple[list[Place], list[Place]]]:
    """For a name, the story's other places (first choices of the other names): towns
    and countries apart, each place once, since only the nearest counts. Built once
    per name, not once per mention, so a long story stays linear in its mentions."""
    by_key: dict[str, dict[Place, None]] = {}
    for key, place in zip(keys, first, strict=True):
        if place:
            by_key.setdefault(key, {})[place] = None
    cache: dict[str, tuple[list[Place], list[Place]]] = {}

    def around(key: str) -> tuple[list[Place], list[Place]]:
        if key not in cache:
            others = dict.fromkeys(p for k, ps in by_key.items() if k != key for p in ps)
            pcl = [(p.feature or "").startswith("PCL") for p in others]
            cache[key] = (
                [p for p, c in zip(others, pcl, strict=True) if not c],
                [p for p, c in zip(others, pcl, strict=True) if c],
            )
        return cache[key]

    return around


# --------------------------------------------------------------------------- entry points


def _headline_only(text: str) -> bool:
    """A short line without a closing stop: a headline, whose places are few and all its
    own. A one-sentence note ("... near X, killing 49.") may name a river or a country
    beside its town, so it gets no such hint."""
    plain = text.strip()
    return 0 < len(plain) <= SHORT_TEXT and "\n" not in plain and plain[-1] not in ".!?"


def toponyms_for(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    doc_id: str = "text",
    include_demonyms: bool = True,
    hint: str | None = None,
) -> list[Toponym]:
    """Detect and resolve the toponyms of one document; ``hint``: its outlet's country."""
    detected = story_candidates(text, sentences, gazetteer, hint)
    if hint is None and _headline_only(text):  # a headline's own places tell its country
        hint = story_country([c for c in detected if c.source != "DEMONYM"], gazetteer, text)
    candidates = qualified_candidates(text, detected, gazetteer, sentences)
    found = resolve(text, candidates, gazetteer, doc_id, hint)
    if include_demonyms:
        return found
    demonym_spans = {(c.start, c.end) for c in candidates if c.source == "DEMONYM"}
    return [t for t in found if (t.span.start, t.span.end) not in demonym_spans]


def geoparse(text: str, doc_id: str = "text", gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Parse ``text`` and return its toponyms; offsets index ``text`` as given."""
    from warwire.nlp import parse_text
    from warwire.resolve.gazetteer import default_gazetteer

    return toponyms_for(text, parse_text(doc_id, text), gazetteer or default_gazetteer(), doc_id)


class ToponymStage:
    """Pipeline stage filling ``Analysis.toponyms``; loads the default gazetteer lazily."""

    name = "toponyms"
    needs = frozenset({"sentences"})
    adds = frozenset({"toponyms"})

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from warwire.resolve.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return [
            replace(
                a,
                toponyms=tuple(
                    outside_actor_names(
                        a.document.text,
                        toponyms_for(
                            a.document.text,
                            a.sentences,
                            self.gazetteer,
                            a.document.doc_id,
                            hint=outlet_country(a.document),
                        ),
                    )
                ),
            )
            for a in batch
        ]
