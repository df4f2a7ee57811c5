"""The sides of a French, Spanish or Portuguese report, read by lexicon: who did it,
to whom, and whom the report credits its account to (:mod:`warwire.extract.foreign`)."""

from __future__ import annotations

import re

from warwire.extract.foreign_lexicon import Lexicon
from warwire.extract.roles import ActorLookup
from warwire.resolve.gazetteer import normalise
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Span

__all__ = ["actor_pair", "credited", "sides"]

_AGENT = re.compile(r"\b(?:par|por|pelos?|pelas?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def sides(
    lex: Lexicon, actors: ActorLookup, line: str, where: Span, code: str | None
) -> list[tuple[Actor, Span, bool]]:
    """The line's actors in order: (actor, span, named after "par"/"por")."""
    found: list[tuple[int, Actor, int, bool]] = []
    for start, end, actor in actors.find(line, code):
        found.append((start, actor, end, bool(_AGENT.search(line[:start]))))
    for match in lex.actor.finditer(line):
        if any(s <= match.start() < e for s, _, e, _ in found):
            continue
        english = lex.actors[" ".join(match.group().lower().split())]
        actor = actors.resolve(english, code) or actors.resolve_or_keep(english, code)
        found.append(
            (match.start(), actor, match.end(), bool(_AGENT.search(line[: match.start()])))
        )
    found.sort(key=lambda f: f[0])
    base = where.start
    return [(a, Span(where.doc_id, base + s, base + e), agent) for s, a, e, agent in found]


def actor_pair(
    sides: list[tuple[Actor, Span, bool]],
) -> tuple[tuple[Actor, Span] | None, tuple[Actor, Span] | None]:
    """Perpetrator and target: an agent ("tué par des soldats") is actor1; a victim
    (civilians, INTER_CIVILIANS) told first is actor2; else in order of mention."""
    if not sides:
        return None, None
    agents = [(a, s) for a, s, agent in sides if agent]
    others = [
        (a, s) for a, s, agent in sides if not agent and a.name not in {x.name for x, _ in agents}
    ]
    if agents:
        return agents[0], (others[0] if others else None)
    armed = [(a, s) for a, s in others if a.inter != INTER_CIVILIANS]
    victims = [(a, s) for a, s in others if a.inter == INTER_CIVILIANS]
    first = armed[0] if armed else None
    second = (armed[1] if len(armed) > 1 else None) or (victims[0] if victims else None)
    return first, second


_SENTENCE = re.compile(r"[^.!?\n]+")


def credited(
    lex: Lexicon, actors: ActorLookup, doc_id: str, text: str, code: str | None
) -> tuple[str, Span] | None:
    """The side the report credits its account to ("selon l'armée", "el Ejército
    indicó", "d'après l'ONG Avenir"): in the first sentence with a source word, the
    name an attribution preposition leads to, else the armed or state side named
    nearest that word. Civilians are victims here, not sources."""
    for sentence in _SENTENCE.finditer(text):
        source = lex.named_source.search(sentence.group())
        if source is not None and _source_name(lex, source.group("name")):
            name = source.group("name")
            at = sentence.start() + source.start("name")
            known = [a for _, _, a in actors.find(name, code)]
            return (known[0].name if known else name), Span(doc_id, at, at + len(name))
        cue = lex.source.search(sentence.group())
        if cue is None:
            continue
        where = Span(doc_id, sentence.start(), sentence.end())
        named = sides(lex, actors, sentence.group(), where, code)
        armed = [(a, sp) for a, sp, _ in named if a.inter != INTER_CIVILIANS]
        if armed:
            at = sentence.start() + cue.start()
            actor, _ = min(armed, key=lambda side: abs(side[1].start - at))
            return actor.name, where
    return None


def _source_name(lex: Lexicon, name: str) -> bool:
    """A name, not a weekday, a month or a lone capitalised article."""
    return normalise(name) not in lex.not_places and len(name) > 1
