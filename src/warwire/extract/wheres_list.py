"""Every place of an incident list: "shelled A, B and C", "struck positions at A and B
as well as the C barracks", "pounded the edges of A together with B".

ACLED codes one event per location per day, so each listed place is a Where of its
own, including names the gazetteer lacks when the syntax says they are places:
proper names that are the objects of an attack word and no actor, or the objects
of a locative preposition ("in", "at", "near", "the outskirts of"). A list of
actors or of countries is no list of places, and "from A to B" or "between A and
B" is one route, not two places. The words are data (``data/place_lists.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from warwire.extract.records import Context
from warwire.extract.syntax import NP_STOP, Tree
from warwire.knowledge import data_mapping
from warwire.resolve.gazetteer import normalise
from warwire.resolve.places_candidate import is_demonym
from warwire.resolve.places_words import brand_word
from warwire.types import Span, Toponym

_NAME_ENTS = frozenset({"GPE", "LOC", "FAC"})
_NEVER_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "EVENT"}
)


@cache
def _words() -> dict[str, frozenset[str]]:
    data = data_mapping("place_lists.yaml")
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def place_words(kind: str) -> frozenset[str]:
    """One word list of ``place_lists.yaml`` ("around_words", "near", ...)."""
    return _words().get(kind, frozenset())


def _has(kind: str, word: str) -> bool:
    return word.lower() in _words().get(kind, frozenset())


def _predicates(tree: Tree, trigger: int) -> list[int]:
    """The trigger, and the verb it is the subject or instrument of ("artillery pounded")."""
    out = [trigger]
    head = tree.head(trigger)
    toks = tree.tokens
    if (
        head is not None
        and toks[trigger].dep in {"nsubj", "nsubjpass", "pobj", "compound"}
        and toks[head].pos == "VERB"
        and _has("hit_words", toks[head].lemma)
    ):
        out.append(head)
    for pred in list(out):  # "pounded A ...; B was hit by jets": the list's own verb
        for kid in tree.kids(pred, "conj", "ccomp"):
            if toks[kid].pos == "VERB" and _has("hit_words", toks[kid].lemma):
                ground = {_has("ground_words", toks[p].lemma) for p in (pred, kid)}
                if ground == {False} or toks[pred].lemma == toks[kid].lemma:
                    out.append(kid)
    return out


def _joined(tree: Tree, prep: int) -> bool:
    """ "along with", "together with", "as well as", "plus": one more of the list."""
    tok = tree.tokens[prep]
    if _has("joined", tok.text) and tok.text.lower() != "with":
        return True
    head = tree.head(prep)
    if head is not None and _has("joined_after", tree.tokens[head].text):
        return True
    return any(_has("joined_after", tree.tokens[k].text) for k in tree.kids(prep, "advmod"))


def _heads(tree: Tree, preds: Sequence[int]) -> list[tuple[int, bool]]:
    """Heads of the noun phrases that may name the places, each with whether a
    locative preposition governs it (then a proper name is a place whatever its tag)."""
    toks = tree.tokens
    hits = any(_has("hit_words", toks[p].lemma) for p in preds)
    out: list[tuple[int, bool]] = []
    frontier: list[tuple[int, bool]] = []
    for p in preds:
        close = [
            (o, True)
            for adv in tree.kids(p, "advmod")
            if _has("near", toks[adv].text)
            for prep in tree.kids(adv, "prep")
            for o in tree.kids(prep, "pobj")
        ]  # "pounded the X hill close to Y": the site is coded at Y
        frontier.extend(close)
        objs = tree.kids(p, "dobj", "nsubjpass") + [
            c for c in tree.kids(p, "conj") if toks[c].pos in {"NOUN", "PROPN"}
        ]  # "pounded A, plus the edges of B": a noun parsed as the verb's conjunct
        for obj in objs:
            site = close and _has("site_heads", toks[obj].lemma)
            if hits and obj not in preds and not site:
                frontier.append((obj, False))
        for prep in tree.kids(p, "prep", "agent"):
            frontier.extend(_prep_objects(tree, prep, hits))
    seen: set[int] = set()
    while frontier:
        node, locative = frontier.pop(0)
        if node in seen:
            continue
        seen.add(node)
        near = [p for p in tree.kids(node, "prep") if _has("near", toks[p].text)]
        if _has("part_words", toks[node].lemma) or _has("part_words", toks[node].text):
            for prep in tree.kids(node, "prep"):
                frontier.extend(_prep_objects(tree, prep, hits, part=True))
        if not near or not _has("site_heads", toks[node].lemma):
            out.append((node, locative))  # "the X hill near Y" is coded at Y
        for prep in tree.kids(node, "prep"):
            if _joined(tree, prep):
                frontier.extend((o, locative) for o in tree.kids(prep, "pobj"))
            for inner in tree.kids(prep, "prep"):
                if _joined(tree, inner):
                    frontier.extend((o, locative) for o in tree.kids(inner, "pobj"))
        for conj in tree.kids(node, "conj"):
            frontier.append((conj, locative))
    return out


def _prep_objects(tree: Tree, prep: int, hits: bool, part: bool = False) -> list[tuple[int, bool]]:
    word = tree.tokens[prep].text.lower()
    objs = tree.kids(prep, "pobj")
    nested = [o for p in tree.kids(prep, "prep") if _joined(tree, p) for o in tree.kids(p, "pobj")]
    if _joined(tree, prep) or nested:
        return [(o, True) for o in (*objs, *nested)]
    if part and word == "of":
        return [(o, True) for o in objs]
    if not _has("locative", word) or (_has("hit_only", word) and not hits):
        return []
    return [(o, True) for o in objs]


def listed_places(
    ctx: Context,
    tree: Tree,
    trigger: int,
    tops: Sequence[Toponym],
    actor_spans: Sequence[Span],
) -> list[Toponym]:
    """The places of the trigger's list, in order; [] unless it lists two or more."""
    toks = tree.tokens
    found: list[tuple[Toponym, bool]] = []
    preds = _predicates(tree, trigger)
    places_verb = any(_has("place_verbs", toks[p].lemma) for p in preds)
    heads = _heads(tree, preds)
    # "took A and B, two villages of ...": names the roles read as the side hit are places
    called = places_verb and any(_called_place(tree, h) for h, _ in heads)
    for head, locative in heads:
        tok = toks[head]
        if tok.pos != "PROPN" and not _has("site_heads", tok.lemma):
            continue
        lo, hi = tree.phrase(head, NP_STOP)
        names = [t for t in toks[lo : hi + 1] if t.pos == "PROPN" and t.text[:1].isupper()]
        if not names or any(t.ent_type in _NEVER_ENTS for t in names):
            continue
        if len(names) == 1 and names[0].ent_type == "ORG" and names[0].text.isupper():
            continue  # "at MIT": an institution's acronym, not a place name
        while lo < hi and not (toks[lo].pos == "PROPN" or toks[lo].text[:1].isupper()):
            lo += 1  # "the edges of", "Israeli": no part of the name
        if tok.pos != "PROPN":
            hi = max(i for i in range(lo, hi + 1) if toks[i].pos == "PROPN")
        span = tree.span(lo, hi)
        words = tree.text(ctx.text, lo, hi)
        if not called and any(a.covers(span) or span.covers(a) for a in actor_spans):
            continue
        if brand_word(words) or is_demonym(normalise(words)):
            continue
        known = next((t for t in tops if span.covers(t.span) or t.span.covers(span)), None)
        if known is not None and known.place is not None and known.span.covers(span):
            found.append((known, True))
            continue
        if known is not None and _same(known, span):
            found.append((known, True))
            continue
        if ctx.actors.find(words, ctx.country_code):
            continue
        tagged = any(t.ent_type in _NAME_ENTS for t in names) or (
            called and _called_place(tree, head)
        )
        person = any(t.ent_type == "PERSON" for t in names)
        if person and not (locative or tagged or places_verb):
            continue  # "targeted Ali and Omar": people, not places
        found.append((Toponym(span, words), locative or tagged))
    if sum(1 for _, sure in found if sure) < 1 or len(found) < 2:
        return []
    places = [t for t, _ in found]
    fine = [t for t in places if not (t.place and (t.place.feature or "").startswith("PCL"))]
    if len(fine) < 2:
        return []  # a list of countries is no list of event places
    return _unique(fine)


def _called_place(tree: Tree, head: int) -> bool:
    """ "took A and B, two villages of the district": an appositive calls them places."""
    return any(_has("anaphor_heads", tree.tokens[a].lemma) for a in tree.kids(head, "appos"))


def _same(top: Toponym, span: Span) -> bool:
    return top.span.start == span.start and top.span.end == span.end


def _unique(places: list[Toponym]) -> list[Toponym]:
    out: list[Toponym] = []
    for t in sorted(places, key=lambda t: t.span.start):
        if all(t.text.casefold() != o.text.casefold() for o in out):
            out.append(t)
    return out
