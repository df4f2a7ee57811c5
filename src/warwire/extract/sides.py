"""An event's two sides as ACLED names them, once its mentions are merged.

Parsing gives phrases; ACLED gives every event a named or generic actor.
A phrase the registry does not know and whose words say nothing of an actor
("shots", "a number", a street name) is no actor at all; one whose head is a
category ("Sudanese gunmen", "Kurdish protesters") is that category's generic
actor in the event's country. A side the text leaves unnamed takes ACLED's
generic actor for the event's kind: an unidentified armed group attacks,
civilians are attacked, protesters protest, rioters riot. The generic names
come from the registry (``data/actors.yaml``), the one authority for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from warwire.extract.referents import ARMED
from warwire.extract.roles import CIVILIAN_HEADS, ActorLookup
from warwire.knowledge import data_mapping
from warwire.resolve.actor_kinds import inter_of, state_means
from warwire.resolve.actors import is_kept_phrase
from warwire.resolve.countries import country_of_demonym
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor

__all__ = ["settle_sides", "struck_sub"]

_ARMED = "unidentified armed group"
_CIVILIANS = "civilians"
# what the side the text leaves unnamed is, by sub-event type
_UNNAMED_PERPETRATOR = {
    "Attack": _ARMED,
    "Abduction/forced disappearance": _ARMED,
    "Sexual violence": _ARMED,
    "Remote explosive/landmine/IED": _ARMED,
    "Grenade": _ARMED,
    "Suicide bomb": _ARMED,
    "Armed clash": _ARMED,
    "Looting/property destruction": _ARMED,
    "Peaceful protest": "protesters",
    "Protest with intervention": "protesters",
    "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}
_UNNAMED_VICTIM = {
    "Attack": _CIVILIANS,
    "Abduction/forced disappearance": _CIVILIANS,
    "Sexual violence": _CIVILIANS,
    "Mob violence": _CIVILIANS,
}


# a protest event's crowd, and on which side ACLED puts it against the state's forces
_CROWD = {
    "Peaceful protest": "protesters",
    "Protest with intervention": "protesters",
    "Excessive force against protesters": "protesters",
    "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}
_CROWD_INTERS = frozenset({5, 6})
_PROTESTS = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)
# the state always takes part: it intervenes, or it uses the force
_STATE_PRESENT = frozenset({"Protest with intervention", "Excessive force against protesters"})
_GENERIC_NAME = re.compile(r"^(Civilians|Protesters|Rioters) \(")

_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# events whose dead say which side was hit
_HIT = _REMOTE | {"Attack", "Armed clash", "Remote explosive/landmine/IED", "Grenade"}
_HIT |= {"Suicide bomb"}
_STATE_TYPES = frozenset({1, 8})  # state and external forces strike from afar


_ACTIVITY = frozenset({"Change to group/activity", "Headquarters or base established"})


def _generic(actors: ActorLookup, word: str, country_code: str | None) -> Actor | None:
    found = actors.resolve(word, country_code)
    return found if found is not None and not is_kept_phrase(found) else None


def _relocated(actors: ActorLookup, actor: Actor, country_code: str | None) -> Actor:
    """An unnamed perpetrator takes the country the event happened in: "gunmen" read with
    the story's country ("Unidentified Armed Group (Zimbabwe)") who struck in a country a
    news round-up moves on to are that country's. Civilians keep theirs: it may be their
    nationality ("Civilians (Somalia)" attacked abroad)."""
    if country_code is None or actor.country is None or actor.inter == INTER_CIVILIANS:
        return actor
    if actor.country.upper() == country_code.upper():
        return actor
    for kind, word in _generic_kinds().items():
        if actor.name.startswith(f"{kind} ("):
            moved = _generic(actors, word, country_code)
            if moved is not None and moved.name.startswith(f"{kind} ("):
                return moved
    return actor


@cache
def _generic_kinds() -> dict[str, str]:
    """The registry's generic categories ("Unidentified Armed Group") and a word for each."""
    generics = data_mapping("actors.yaml").get("generics") or ()
    return {
        str(g["template"]).removesuffix(" ({country})"): str(g["words"][0])
        for g in generics
        if g.get("words")
    }


def _settle(actors: ActorLookup, actor: Actor | None, country_code: str | None) -> Actor | None:
    """A registry actor as it is; a kept phrase by its head word, or nothing."""
    if actor is None:
        return None
    actor = _relocated(actors, actor, country_code)
    generic = _GENERIC_NAME.match(actor.name)
    if generic is not None and (actor.actor_id is None or is_kept_phrase(actor)):
        # "Civilians (<the gazetteer's country name>)": the registry's ACLED name
        return _generic(actors, generic.group(1).lower(), country_code) or actor
    if not is_kept_phrase(actor):
        return actor
    if inter_of(actor.name) == INTER_CIVILIANS:  # "a former army officer", "two clan elders"
        return _generic(actors, _CIVILIANS, country_code) or actor
    state = _state_named(actors, actor.name)
    if state is not None:
        return state  # "Russian artillery units": Russia's forces
    words = actor.name.split()
    for n in range(1, min(3, len(words)) + 1):
        head = " ".join(words[-n:])
        found = _generic(actors, head, country_code)
        if found is not None:
            return found
    return actor if actor.inter is not None else None


def _state_named(actors: ActorLookup, text: str) -> Actor | None:
    """The state whose forces a nationality word before a means of attack names."""
    for match in state_means().finditer(text):
        found = country_of_demonym(match.group(1))
        if found is not None:
            return actors.state_forces(found.iso2)
    return None


_BY_MEANS = re.compile(r"\b(?:in|by|from)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _state_by(actors: ActorLookup, sentences: Sequence[str]) -> Actor | None:
    """The state whose forces' means the harm came through ("killed in an Israeli raid",
    "wounded by Russian shelling"); a nationality word elsewhere ("an attack on a Nigerian
    army base") names the side hit, not the perpetrator."""
    for text in sentences:
        for match in state_means().finditer(text):
            before = text[max(0, match.start() - 12) : match.start()]
            found = country_of_demonym(match.group(1)) if _BY_MEANS.search(before) else None
            if found is not None:
                return actors.state_forces(found.iso2)
    return None


def _shooter(
    actors: ActorLookup, sentences: Sequence[str], main: Sequence[Actor], told_by: Sequence[str]
) -> Actor | None:
    """A remote attack's implied perpetrator: the state its own sentences name by
    nationality ("an Israeli drone hit ..."), else the story's main state force, unless
    that force is who tells of the attack ("shelling hit the town, the army said": the
    side reporting the shells is the side they fell on)."""
    for text in sentences:
        state = _state_named(actors, text)
        if state is not None:
            return state
    return next((a for a in main if a.inter in _STATE_TYPES and a.name not in told_by), None)


@cache
def _state_words() -> re.Pattern[str]:
    words = sorted(data_mapping("actor_kinds.yaml")["state_force_words"], key=len, reverse=True)
    told = r"(?!\s+(?:said|says|say|told|reported|spokes\w*|statement))"
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" + told, re.I)


def _state_in(actors: ActorLookup, sentences: Sequence[str], code: str) -> Actor | None:
    """The state force an event's sentences name: a registry name, else police or troops."""
    for text in sentences:
        named = [a for _, _, a in actors.find(text, code) if a.inter == 1]
        if named:
            return named[0]
        said = _state_words().search(text)
        if said is not None:
            found = actors.resolve(said.group(), code)
            if found is not None and found.inter == 1:
                return found
    return None


def _victims_side(
    actors: ActorLookup,
    sub: str,
    victims: Sequence[str],
    actor1: Actor | None,
    code: str,
) -> Actor | None:
    """The side the dead belonged to ("killing six soldiers", "three Hezbollah fighters
    died", "a shepherd was killed", "a senior PKK official"), when no phrase names the
    side that was hit. Civilians are no side of a clash."""
    for victim in victims:
        found = actors.resolve(victim, code) if victim else None
        if found is None and victim:  # "a senior Hamas official": the group's own
            named = [a for _, _, a in actors.find(victim, code) if a.inter in ARMED]
            found = named[0] if named else None
        if found is not None and not is_kept_phrase(found):
            # dead "militants" or "attackers" are mostly the perpetrators' own
            own = actor1 is not None and found.name == actor1.name
            if (
                found.inter != INTER_CIVILIANS
                and not own
                and not found.name.startswith("Unidentified")
            ):
                return found
        head = victim.split()[-1] if victim else ""
        civilian = (
            inter_of(victim) == INTER_CIVILIANS
            or head in CIVILIAN_HEADS
            or head[:-1] in CIVILIAN_HEADS
        )
        if civilian and sub != "Armed clash":
            return _generic(actors, _CIVILIANS, code)
        people = country_of_demonym(head) if head.endswith("s") else None
        if people is not None and sub != "Armed clash":
            # "three Ukrainians were killed": people of a nationality, no armed side
            return _generic(actors, _CIVILIANS, people.iso2)
    return None


def _crowd_sides(
    actors: ActorLookup,
    sub: str,
    actor1: Actor | None,
    actor2: Actor | None,
    code: str | None,
    sentences: Sequence[str],
) -> tuple[Actor | None, Actor | None]:
    """ACLED's sides of a crowd event: the crowd acts in a protest, a riot and mob
    violence, and is acted on when state forces use excessive force against it
    ("police fired live rounds at protesters": police first, protesters second)."""
    sides = [a for a in (actor1, actor2) if a is not None]
    crowds = [a for a in sides if a.inter in _CROWD_INTERS]
    # "teachers held a demonstration": in a protest the civilians named are the crowd
    crowd_like = _CROWD_INTERS | ({INTER_CIVILIANS} if sub in _PROTESTS else set())
    others = [a for a in sides if a.inter not in crowd_like]
    # a riot's crowd are rioters, a protest's protesters, whatever the text called them
    crowd = (_generic(actors, _CROWD[sub], code) if code else None) or next(iter(crowds), None)
    state = next((a for a in others if a.inter == 1), None)
    if state is None and code and sub in _STATE_PRESENT | {"Violent demonstration"}:
        state = _state_in(actors, sentences, code)
        if state is None and sub in _STATE_PRESENT:
            state = actors.state_forces(code, "police")
    if sub == "Excessive force against protesters":
        return state, crowd
    if sub == "Protest with intervention":
        return crowd, state
    other = next(iter(others), state)
    if other is None and sub in _UNNAMED_VICTIM and code:
        other = _generic(actors, _UNNAMED_VICTIM[sub], code)
    return crowd, other


_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def _loser(
    actors: ActorLookup, taker: Actor, sentences: Sequence[str], code: str | None
) -> Actor | None:
    """Who lost the ground: the other side the event's sentences name ("M23 took the
    town after FARDC troops withdrew"), else the state's forces a rebel gain names; never
    the taker's own backers."""
    own = {taker.name, *taker.backers}
    for text in sentences:
        for _, _, found in actors.find(text, code):
            if found.name not in own and found.inter not in {None, 6, INTER_CIVILIANS}:
                return found
    if taker.inter != 1 and code:
        return _state_in(actors, sentences, code)  # "seized by rebels from the army"
    return None


def settle_sides(
    actors: ActorLookup,
    sub: str,
    actor1: Actor | None,
    actor2: Actor | None,
    country_code: str | None,
    sentences: Sequence[str] = (),
    main: Sequence[Actor] = (),
    victims: Sequence[str] = (),
    told_by: Sequence[str] = (),
) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor1 and actor2 for an event of type ``sub`` in ``country_code``.

    ``sentences`` are the event's own sentences and ``main`` the story's most
    named armed actors, for the perpetrator of a remote attack no phrase names;
    ``victims`` are who its death counts counted, for the side that was hit;
    ``told_by`` are the event's claimants, never its unnamed shooter.
    """
    actor1 = _settle(actors, actor1, country_code)
    actor2 = _settle(actors, actor2, country_code)
    if sub in _CROWD:
        return _crowd_sides(actors, sub, actor1, actor2, country_code, sentences)
    if actor1 is None and (sub in _REMOTE or sub in _ACTIVITY):
        # "Troop movement: Russian forces moved artillery ...": the force the note names
        actor1 = _shooter(actors, sentences, main, told_by)
    if actor1 is not None and actor1.inter == INTER_CIVILIANS and sub in _UNNAMED_PERPETRATOR:
        # civilians are never the perpetrators: "five people turned up and opened fire"
        # are an unidentified armed group
        actor1 = None
    if actor1 is None and sub in _UNNAMED_PERPETRATOR:
        actor1 = _state_by(actors, sentences)
    if actor1 is None and sub in _UNNAMED_PERPETRATOR and country_code:
        actor1 = _generic(actors, _UNNAMED_PERPETRATOR[sub], country_code)
    if actor2 is None and sub in _HIT and country_code:
        actor2 = _victims_side(actors, sub, victims, actor1, country_code)
    if actor2 is None and sub == "Armed clash" and actor1 is not None and country_code:
        # a clash has two sides: the state's forces the text names, else an unnamed group
        if actor1.inter != 1:
            actor2 = _state_in(actors, sentences, country_code)
        elif not actor1.name.startswith("Unidentified"):
            actor2 = _generic(actors, _ARMED, country_code)
    if actor2 is None and sub in _UNNAMED_VICTIM and country_code:
        actor2 = _generic(actors, _UNNAMED_VICTIM[sub], country_code)
    if actor1 is not None and actor2 is None and sub in _TERRITORY:
        actor2 = _loser(actors, actor1, sentences, country_code)
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None if actor1.inter in {1, 2, 3, 8} else actor2
    return actor1, actor2


def struck_sub(sub: str, actor2: Actor | None) -> str:
    """Civilians are never a side of a clash: a clash whose hit side settled as civilians
    ("gunmen shot dead a former army commander") is an attack on them."""
    hit_civilians = actor2 is not None and actor2.inter == INTER_CIVILIANS
    return "Attack" if sub == "Armed clash" and hit_civilians else sub
