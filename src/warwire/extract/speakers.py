"""Who vouches for a statement, as an actor where the text names an organisation.

A quoted spokesperson, official or commander "of/for X" speaks for X; "police
said" is the country's police; "the Russian defence ministry" is Russia's
Ministry of Defence; a news agency is that agency, never an armed actor of the
same initials; a generic source without an organisation ("residents",
"medics", "a local official") keeps its own words; "he said", "the report
said" are the last named speaker; a statement with no source in its sentence
takes one from the next sentence of its paragraph ("... . According to police,
...", "... . The attackers fled, police said."); nothing at all is the
publisher.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warwire.extract.claims import Attribution
from warwire.extract.document import credited
from warwire.extract.records import Context
from warwire.extract.referents import Seen, is_named, resolve_phrase
from warwire.extract.roles import _phrase
from warwire.extract.speaker_phrases import attribution_cues, earlier_mention
from warwire.extract.syntax import Tree
from warwire.resolve.countries import country, country_of_demonym
from warwire.resolve.sources import lookup_source
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Hedge

_MINISTRY = re.compile(r"\b(?:ministry|minister|department|secretary|mod)\b")
_MILITARY_SOURCE = re.compile(
    r"\b(?:(?:ministry|minister|department|secretary) of (?:the )?(?:national )?"
    r"(?:defen[cs]e|war|the armed forces)|(?:defen[cs]e|war) (?:ministry|minister|department)"
    r"|army|military|armed forces|general staff)\b"
)
_POLICE_SOURCE = re.compile(
    r"\b(?:(?:ministry|minister|department|secretary) of (?:the )?(?:interior|home affairs|"
    r"internal affairs|public security)|(?:interior|home affairs) (?:ministry|minister)"
    r"|police|gendarmerie)\b"
)
_GENERIC_SOURCE = ("source", "witness", "resident", "medic", "doctor", "local ")
_CROWDS = frozenset({5, 6, INTER_CIVILIANS})
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_CUES = attribution_cues()
UNNAMED_SOURCES = "unnamed sources"
MEDIA_REPORTS = "media reports"
# claimants that name nobody in particular: never "the last speaker" of a story
NOBODY_NAMED = frozenset({UNNAMED_SOURCES, MEDIA_REPORTS})


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name.lower()) if len(w) > 2 and w != "the"]


def _countries_in(words: str) -> list[str]:
    out = []
    for word in re.findall(r"[A-Z][\w-]+", words):
        found = country_of_demonym(word) or country(word)
        if found is not None and found.iso2 not in out:
            out.append(found.iso2)
    return out


def _institution(ctx: Context, words: str) -> tuple[str, Actor | None] | None:
    """What a speaker phrase names: a news outlet, a state's ministry or forces, a
    registry actor; None when it names no institution."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)
    source = lookup_source(bare)
    if source is not None:
        return source.name, None
    if _CUES.run_by.search(bare):
        return bare, None  # "the Hamas-run health ministry" is a ministry, not Hamas
    lowered = bare.lower()
    found = [a for _, _, a in ctx.actors.find(bare, ctx.country_code) if a.inter not in _CROWDS]
    if found:
        return found[0].name, found[0]
    code = next(iter(_countries_in(bare)), None) or ctx.country_code
    if code is None:
        return None
    for pattern, kind, office in (
        (_MILITARY_SOURCE, "military", "Ministry of Defence"),
        (_POLICE_SOURCE, "police", "Ministry of Interior"),
    ):
        if pattern.search(lowered):
            forces = ctx.actors.state_forces(code, kind)
            if _MINISTRY.search(lowered):
                place = country(code)
                return f"{office} of {place.name if place else code}", forces
            return forces.name, forces
    return None


def _expanded(ctx: Context, words: str) -> str:
    """ "NNA" -> "National News Agency (NNA)" when the text spells the initials out."""
    if not re.fullmatch(r"[A-Z]{2,6}", words):
        return words
    parts = r"\s+".join(rf"{c}[\w'’-]*" for c in words)
    spelled = re.search(rf"\b{parts}\b", ctx.text)
    return f"{spelled.group(0)} ({words})" if spelled else words


_NEXT = re.compile(r"[^.!?\n]*[.!?]+[\"”’]?")
_SAID = r"(?:said|says|told\s+\w+|reported|added|stated|confirmed)"
_NEARBY = (
    re.compile(r"^\s*According to (?P<src>[^,]{2,80}),"),
    re.compile(rf",\s*(?P<src>[^,\"“”]{{2,60}}?)\s+{_SAID}(?:\s+on\s+\w+)?\.[\"”]?\s*$"),
    re.compile(r",\s*according to (?P<src>[^,\"“”]{2,80}?)\.\s*$"),
)


def _nearby(ctx: Context, tree: Tree) -> str | None:
    """A source credited by the next sentence of the same paragraph."""
    end = tree.sentence.span.end
    rest = ctx.text[end : end + 600]
    paragraph = rest.split("\n", 1)[0]
    found = _NEXT.match(paragraph.lstrip())
    if found is None:
        return None
    nxt = found.group(0)
    if _CUES.own_happening.search(nxt):
        return None  # its own event: coreference joins it, the outlet's claim stays
    for pattern in _NEARBY:
        m = pattern.search(nxt)
        if m is not None:
            src = m.group("src").strip()
            head = src.split()[-1].lower().rstrip("s") if src.split() else ""
            if (
                src[:1].isupper()
                or head in _CUES.speaker_heads
                or f"{head}s" in _CUES.speaker_heads
            ):
                return src
    return None


def _speaks(tree: Tree, head: int) -> bool:
    """Can the phrase at ``head`` vouch for anything ("attacks said", "Tuesday said": no)."""
    tok = tree.tokens[head]
    if tok.ent_type in _NOT_SPEAKERS or (tok.text.isupper() and tok.ent_type in {"GPE", "LOC"}):
        return False
    if tok.pos in {"PROPN", "PRON"} or tok.ent_type in {"ORG", "PERSON", "NORP", "GPE"}:
        return True
    lemma = tok.lemma.lower()
    return lemma in _CUES.speaker_heads or lemma.rstrip("s") in _CUES.speaker_heads


def _fallback(ctx: Context, tree: Tree, said: Attribution) -> tuple[str, Actor | None]:
    src = _nearby(ctx, tree) if said.hedge is Hedge.NONE else None
    if src is not None:
        return _institution(ctx, src) or (_expanded(ctx, src), None)
    if said.hedge is Hedge.REPORTEDLY:
        return MEDIA_REPORTS, None  # "reportedly": according to reports
    if said.hedge in {Hedge.UNCONFIRMED, Hedge.ALLEGED}:
        return UNNAMED_SOURCES, None
    return default_claimant(ctx), None


def default_claimant(ctx: Context) -> str:
    """Who vouches for what nobody in the text is credited with: the source the post
    credits on a line of its own ("Via: X"), else the publisher."""
    return credited(ctx.text) or ctx.publisher


def claimant_of(
    ctx: Context,
    tree: Tree,
    said: Attribution,
    seen: tuple[Seen, ...],
    speaker: str | None = None,
) -> tuple[str, Actor | None]:
    """Who vouches: a named organisation resolves to its actor; a generic speaker
    ("a resident", "security sources") keeps its words; "he said" is the last
    speaker; nobody -> a source in the next sentence of the paragraph, else the
    publisher."""
    if not (said.claimant and said.claimant_head is not None):
        if said.claimant:
            return said.claimant, None
        return _fallback(ctx, tree, said)
    head = said.claimant_head
    tok = tree.tokens[head]
    pronoun = tok.text.lower()
    if pronoun in {"he", "she"} or (speaker and pronoun in {"it", "they"}):
        return speaker or default_claimant(ctx), None
    if not _speaks(tree, head):
        return _fallback(ctx, tree, said)
    lemma = tok.lemma.lower()
    bare = said.claimant.lower().removeprefix("the ").strip()
    if said.hedge is Hedge.REPORTEDLY and lemma == "report":
        return said.claimant, None  # "according to reports from the valley"
    if lemma in _CUES.anaphoric_heads and bare in {lemma, tok.text.lower()}:
        return speaker or default_claimant(ctx), None  # "the report said": whoever reported
    if any(g in said.claimant.lower() for g in _GENERIC_SOURCE):
        return said.claimant, None
    if bare == tok.text.lower() and tok.pos != "PROPN":
        fuller = earlier_mention(
            ctx.text, tree.sentence.span.start, tok.text
        )  # "the ministry" named earlier
        if fuller is not None:
            found = _institution(ctx, fuller)
            return found or (fuller, None)
    found = _institution(ctx, said.claimant)
    if found is not None:
        return found
    group = lemma in {"group", "militia", "movement", "force"}
    if group or tok.pos == "PRON" or is_named(tree, head):
        phrase = replace(_phrase(tree, head, ctx.text), civilian=False)
        actor = resolve_phrase(tree, phrase, ctx.text, ctx.actors, ctx.country_code, seen, None)
        # a name resolves only to an actor it names ("NNA" is not the army mentioned before)
        shared = set(_words(actor.name)) & set(_words(said.claimant)) if actor else set()
        if (
            actor is not None
            and actor.inter not in _CROWDS
            and (shared or not is_named(tree, head))
        ):
            return actor.name, actor
    return _expanded(ctx, said.claimant), None
