"""Who says so, how firmly, and whether it happened at all.

ACLED codes what sources report, so warwire keeps the claimant of every
statement ("the army said", "according to X", a quoted spokesperson -> the
organisation), its hedge (claimed, reportedly, alleged ...) and its polarity:
only asserted happenings become events; denials, intents ("preparing for a
push"), conditionals ("if ... reach the border") and negations ("not going to
surrender") stay claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from warwire.extract.syntax import NP_STOP, Tree
from warwire.types import Hedge, Polarity, Span

REPORTING = {
    "say": Hedge.NONE,
    "announce": Hedge.NONE,
    "report": Hedge.NONE,
    "state": Hedge.NONE,
    "confirm": Hedge.NONE,
    "tell": Hedge.NONE,
    "add": Hedge.NONE,
    "declare": Hedge.NONE,
    "acknowledge": Hedge.NONE,
    "admit": Hedge.NONE,
    "write": Hedge.NONE,
    "post": Hedge.NONE,
    "share": Hedge.NONE,
    "publish": Hedge.NONE,
    "reveal": Hedge.NONE,
    "show": Hedge.NONE,
    "claim": Hedge.CLAIMED,
    "insist": Hedge.CLAIMED,
    "assert": Hedge.CLAIMED,
    "boast": Hedge.CLAIMED,
    "allege": Hedge.ALLEGED,
    "accuse": Hedge.ALLEGED,
    "blame": Hedge.ALLEGED,
    "deny": Hedge.NONE,
    "reject": Hedge.NONE,
    "dismiss": Hedge.NONE,
}
DENIAL = frozenset({"deny", "reject", "dismiss", "refute"})
_HEDGE_ADVERBS = {
    "reportedly": Hedge.REPORTEDLY,
    "allegedly": Hedge.ALLEGED,
    "purportedly": Hedge.ALLEGED,
    "supposedly": Hedge.ALLEGED,
    "apparently": Hedge.REPORTEDLY,
    "unconfirmed": Hedge.UNCONFIRMED,
}
_UNVERIFIED = (
    "could not be verified",
    "could not be independently",
    "not independently verified",
    "unverified",
    "unconfirmed",
    "could not be confirmed",
)
_SPEAKERS = frozenset(
    {
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "officials",
        "commander",
        "minister",
        "officer",
        "representative",
        "statement",
        "leader",
        "chief",
        "head",
        "director",
        "agency",
        "office",
        "channel",
        "outlet",
        "media",
        "account",
        "governor",
        "mayor",
        "secretary",
    }
)
INTENT_VERBS = frozenset(
    {
        "plan",
        "prepare",
        "intend",
        "threaten",
        "vow",
        "aim",
        "seek",
        "want",
        "pledge",
        "promise",
        "expect",
        "mull",
        "consider",
        "propose",
        "warn",
        "urge",
        "call",
        "demand",
        "hope",
        "need",
        "fear",
        "anticipate",
    }
)
_MODAL_INTENT = frozenset({"will", "shall", "wo", "'ll", "gon", "going"})
_MODAL_MAYBE = frozenset({"may", "might", "could", "would", "should", "can"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source of a statement, as written, and the hedge it carries."""

    claimant: str | None
    claimant_span: Span | None
    hedge: Hedge
    verb: str | None = None
    claimant_head: int | None = None


_PARTITIVE = frozenset({"one", "two", "three", "some", "many", "several", "most", "all", "none"})
_SPEAKER_NOISE = frozenset({"the", "a", "an", "one", "two", "three", "four", "some", "several"})


def _speaker_phrase(tree: Tree, pos: int, text: str) -> tuple[str, Span, int]:
    """The organisation behind a spokesperson ("the LNA spokesperson, X" -> "LNA").

    "one of the security sources" is the security sources; a generic speaker
    keeps its noun phrase without article or count ("a local official").
    """
    tok = tree.tokens[pos]
    if tok.text.lower() in _PARTITIVE:
        for prep in tree.kids(pos, "prep"):
            if tree.tokens[prep].text.lower() == "of":
                for obj in tree.kids(prep, "pobj"):
                    return _speaker_phrase(tree, obj, text)
    if tok.lemma.lower() in _SPEAKERS or tok.text.lower() in _SPEAKERS:
        for child in tree.kids(pos, "compound", "poss", "nmod", "amod"):
            if tree.tokens[child].pos == "PROPN" or tree.tokens[child].ent_type in {"ORG", "NORP"}:
                lo, hi = tree.phrase(child, NP_STOP)
                return tree.text(text, lo, hi), tree.span(lo, hi), child
        for prep in tree.kids(pos, "prep"):
            if tree.tokens[prep].text.lower() in {"of", "for"}:
                for obj in tree.kids(prep, "pobj"):
                    lo, hi = tree.phrase(obj, NP_STOP)
                    return tree.text(text, lo, hi), tree.span(lo, hi), obj
    lo, hi = tree.phrase(pos, NP_STOP)
    while lo < hi and (
        tree.tokens[lo].text.lower() in _SPEAKER_NOISE or tree.tokens[lo].tag == "CD"
    ):
        lo += 1
    return tree.text(text, lo, hi), tree.span(lo, hi), pos


def _according_to(tree: Tree, text: str) -> tuple[str, Span, int] | None:
    toks = tree.tokens
    for pos, tok in enumerate(toks[:-1]):
        if tok.text.lower() == "according" and toks[pos + 1].text.lower() == "to":
            objs = (
                tree.kids(pos + 1, "pobj")
                or [p for p in range(pos + 2, len(toks)) if toks[p].pos in {"NOUN", "PROPN"}][:1]
            )
            if objs:
                return _speaker_phrase(tree, objs[0], text)
    return None


def attribution(tree: Tree, text: str, trigger: int) -> Attribution:
    """Who asserts the happening at ``trigger`` and with which hedge."""
    hedge = Hedge.NONE
    claimant: tuple[str, Span, int] | None = None
    verb: str | None = None
    ancestors = set(tree.ancestors(trigger))
    best_distance = 10_000
    for pos, tok in enumerate(tree.tokens):
        lemma = tok.lemma.lower()
        if lemma not in REPORTING or tok.pos not in {"VERB", "AUX"} or pos == trigger:
            continue
        subjects = tree.kids(pos, "nsubj")
        if not subjects:
            continue
        if lemma == "claim" and any(
            tree.tokens[o].lemma.lower() in {"life", "lives"} for o in tree.kids(pos, "dobj")
        ):
            continue  # "fire claimed the lives of 11": a killing, not a claim
        # reporting verbs above the trigger, or "..., the army said" at the side
        related = pos in ancestors or tree.head(pos) in ancestors or tree.head(pos) == trigger
        if not (related or tok.dep in {"ROOT", "parataxis"}):
            continue
        distance = abs(pos - trigger)
        if distance < best_distance:
            best_distance = distance
            verb = lemma
            claimant = _speaker_phrase(tree, subjects[0], text)
            hedge = REPORTING[lemma]
    according = _according_to(tree, text)
    if according and claimant is None:
        claimant, hedge = according, Hedge.ACCORDING_TO
    lowered = tree.sentence.span.text_in(text).lower()
    for pos, tok in enumerate(tree.tokens):
        adverb = _HEDGE_ADVERBS.get(tok.text.lower())
        if adverb is None:
            continue
        # "alleged contractors" qualifies who, not whether: only clause-level hedges count
        if tok.dep == "amod" and tree.head(pos) != trigger:
            continue
        if hedge in {Hedge.NONE, Hedge.ACCORDING_TO} or adverb is Hedge.UNCONFIRMED:
            hedge = adverb
    if " said to have " in lowered and hedge is Hedge.NONE:
        hedge = Hedge.REPORTEDLY
    if any(p in lowered for p in _UNVERIFIED):
        hedge = Hedge.UNCONFIRMED
    if claimant is None:
        return Attribution(None, None, hedge, verb)
    name, span, head = claimant
    return Attribution(name, span, hedge, verb, head)


_NOBODY = frozenset({"nobody", "noone", "none", "nothing"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _nobody(tree: Tree, pos: int) -> bool:
    tok = tree.tokens[pos]
    if tok.dep not in _ARGUMENTS:
        return False
    if tok.text.lower() in _NOBODY:
        return True
    return tok.text.lower() == "one" and any(
        tree.tokens[c].text.lower() == "no" for c in tree.children[pos]
    )


def polarity(tree: Tree, trigger: int, text: str = "") -> Polarity:
    """Asserted unless the trigger sits under a denial, negation, condition or intent."""
    toks = tree.tokens
    chain = [trigger, *tree.ancestors(trigger)]
    # stop at the reporting verb: "X denied that ..." is a denial, "X said" is not a hedge
    clause: list[int] = []
    denied = False
    for pos in chain:
        lemma = toks[pos].lemma.lower()
        if pos != trigger and lemma in REPORTING and toks[pos].pos in {"VERB", "AUX"}:
            denied = lemma in DENIAL and not tree.kids(pos, "neg")
            break
        clause.append(pos)
    if denied:
        return Polarity.DENIED
    for pos in clause:
        kids = tree.children[pos]
        if any(toks[c].dep == "neg" for c in kids):
            return Polarity.NEGATED
        if any(toks[c].text.lower() in {"no", "never"} and toks[c].dep == "det" for c in kids):
            return Polarity.NEGATED
        if any(_nobody(tree, c) for c in kids):
            return Polarity.NEGATED  # "nobody was arrested", "no one was hurt"
        head = tree.head(pos)
        if (
            toks[pos].dep == "pobj"
            and head is not None
            and toks[head].text.lower() in {"without", "avoid"}
        ):
            return Polarity.NEGATED
    for pos in clause:
        if any(
            toks[c].dep == "mark" and toks[c].text.lower() in {"if", "unless"}
            for c in tree.children[pos]
        ):
            return Polarity.CONDITIONAL
    for pos in clause:
        kids = tree.children[pos]
        aux = {toks[c].text.lower() for c in kids if toks[c].dep in {"aux", "auxpass"}}
        if aux & _MODAL_INTENT or (pos != trigger and toks[pos].lemma.lower() in INTENT_VERBS):
            return Polarity.INTENDED
        if aux & _MODAL_MAYBE:
            return Polarity.CONDITIONAL
        if "to" in aux and toks[pos].pos == "VERB" and toks[pos].dep in {"xcomp", "acl", "advcl"}:
            head = tree.head(pos)
            if head is not None and _documented(tree, head):
                continue  # "a video documenting Turkish actions to supply ...": shown, done
            if head is not None and toks[head].lemma.lower() not in {
                "begin",
                "start",
                "continue",
                "manage",
                "try",
                "attempt",
                "fail",
            }:
                return Polarity.INTENDED
    return Polarity.ASSERTED


_ACTIVITY = frozenset({"action", "activity", "operation", "effort", "move", "step", "attempt"})
_SHOWING = frozenset({"document", "show", "reveal", "expose", "depict", "record", "film", "prove"})


def _documented(tree: Tree, noun: int) -> bool:
    """ "footage showing militia operations to move weapons": activities on record."""
    toks = tree.tokens
    head = tree.head(noun)
    return (
        toks[noun].lemma.lower() in _ACTIVITY
        and head is not None
        and toks[head].lemma.lower() in _SHOWING
    )
