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

from warwire.extract.speaker_phrases import (
    according_to,
    attribution_cues,
    dateline,
    earlier_mention,
    left_speaker,
    source_tail,
    speaker_phrase,
)
from warwire.extract.syntax import Tree
from warwire.resolve.countries import country, country_of_demonym
from warwire.types import Actor, Hedge, Polarity, Span

_CUES = attribution_cues()
REPORTING: dict[str, Hedge] = {k: Hedge(v) for k, v in _CUES.reporting_verbs.items()}
DENIAL = _CUES.denial_verbs
_HEDGE_ADVERBS: dict[str, Hedge] = {k: Hedge(v) for k, v in _CUES.hedge_adverbs.items()}
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


def _reporter(tree: Tree, pos: int, lemma: str) -> tuple[int | None, bool]:
    """The speaker of the reporting verb at ``pos`` and whether it is an unnamed
    passive ("gunfire was reported": hearsay)."""
    if lemma in _CUES.object_speaker_verbs:
        objs = tree.kids(pos, "dobj")
        return (objs[0] if objs else None), False
    if lemma == "put" and not any(
        tree.tokens[o].lemma.lower() in _CUES.put_objects for o in tree.kids(pos, "dobj")
    ):
        return None, False
    for agent in tree.kids(pos, "agent"):
        for obj in tree.kids(agent, "pobj"):
            return obj, False
    subjects = tree.kids(pos, "nsubj") or (tree.kids(pos, "dobj") if lemma == "read" else [])
    # "Twelve fighters killed in X, says the ministry": a subject after the verb is the
    # inverted speaker; one before it is the report's own clause hung on the verb; of two
    # before it ("rebels hacked ..., leaders said" misparsed), the nearer one speaks
    subjects = sorted(subjects, key=lambda s: (s < pos, abs(pos - s)))
    for subject in subjects:
        if not dateline(tree, subject):
            tok = tree.tokens[subject]
            if tok.pos != "PROPN" and tok.lemma.lower() not in _CUES.speaker_heads:
                named = [a for a in tree.kids(subject, "appos") if tree.tokens[a].pos == "PROPN"]
                return (named[0] if named else subject), False  # "the app, Al-Shabaab, said"
            return subject, False
        for inner in tree.subtree(subject):
            if inner != subject and tree.tokens[inner].lemma.lower() in _CUES.speaker_heads:
                return inner, False
    passive = bool(tree.kids(pos, "nsubjpass", "auxpass")) and not subjects
    if not passive and not subjects:
        return left_speaker(tree, pos), False
    return None, passive and lemma in _CUES.passive_reportedly


def _countries(tree: Tree, positions: list[int]) -> set[str]:
    out = set()
    for p in positions:
        word = tree.tokens[p].text.removesuffix("'s").removesuffix("’s")
        found = country_of_demonym(word) or (country(word) if word[:1].isupper() else None)
        if found is not None:
            out.add(found.iso2)
    return out


def _armed_kind(words: str) -> str | None:
    if _CUES.unarmed_words.search(words):
        return None
    return next((k for k, pat in _CUES.armed_speakers.items() if pat.search(words)), None)


def _own_side(tree: Tree, trigger: int, speaker: int, kind: str) -> bool:
    """The reported act's agent is the speaker's own side ("the army said its troops...");
    an act told as a noun ("its fighters killed 20 in an attack") has its verb's agent."""
    agents = _agents(tree, trigger)
    if not agents and tree.tokens[trigger].pos not in {"VERB", "AUX"}:
        verb = next((a for a in tree.ancestors(trigger) if tree.tokens[a].pos == "VERB"), None)
        if verb is not None and tree.tokens[verb].lemma.lower() not in REPORTING:
            agents = _agents(tree, verb)
    pronouns = _CUES.own_side.get("pronouns", frozenset())
    first = _CUES.own_side.get("first_person", frozenset())
    forces = _CUES.own_side.get(kind, frozenset())
    mine = _countries(tree, tree.subtree(speaker))
    for agent in agents:
        word = tree.tokens[agent].text.lower()
        if word in pronouns:
            # "They killed four soldiers, the army said": "they" points back, not at the army
            return word in first or agent > speaker
        inner = tree.subtree(agent)
        if any(tree.tokens[i].text.lower() in {"our", "its", "their"} for i in inner):
            return True
        if word in forces or tree.tokens[agent].lemma.lower() in forces:
            theirs = _countries(tree, inner)
            return not theirs or bool(theirs & mine)
    return False


def _agents(tree: Tree, pos: int) -> list[int]:
    agents = tree.kids(pos, "nsubj")
    for agent in tree.kids(pos, "agent"):
        agents += tree.kids(agent, "pobj")
    return agents


_ARMED_INTER = frozenset({1, 2, 3, 4, 8})


def own_claim(tree: Tree, trigger: int, said: Attribution, speaker: Actor | None) -> Hedge:
    """The hedge once the speaker is known: an armed actor of the registry ("Al-Shabaab
    announced its men stormed the town") telling what its own side did claims it,
    as a speaker its words alone mark as armed does (:func:`attribution`)."""
    if (
        said.hedge in {Hedge.NONE, Hedge.ACCORDING_TO}
        and speaker is not None
        and speaker.inter in _ARMED_INTER
        and said.claimant_head is not None
        and _own_side(tree, trigger, said.claimant_head, "state" if speaker.inter == 1 else "group")
    ):
        return Hedge.CLAIMED
    return said.hedge


def attribution(tree: Tree, text: str, trigger: int) -> Attribution:
    """Who asserts the happening at ``trigger`` and with which hedge."""
    hedge = Hedge.NONE
    claimant: tuple[str, Span, int] | None = None
    verb: str | None = None
    ancestors = set(tree.ancestors(trigger))
    best_distance = 10_000
    hearsay = False
    for pos, tok in enumerate(tree.tokens):
        lemma = tok.lemma.lower()
        if lemma not in REPORTING or tok.pos not in {"VERB", "AUX"} or pos == trigger:
            continue
        if lemma == "claim" and any(
            tree.tokens[o].lemma.lower() in {"life", "lives"} for o in tree.kids(pos, "dobj")
        ):
            continue  # "fire claimed the lives of 11": a killing, not a claim
        # reporting verbs above the trigger, or "..., the army said" at the side
        related = pos in ancestors or tree.head(pos) in ancestors or tree.head(pos) == trigger
        if not (related or tok.dep in {"ROOT", "parataxis"}):
            continue
        speaker, passive = _reporter(tree, pos, lemma)
        if speaker is None:
            hearsay = hearsay or (passive and (related or tree.head(trigger) == pos))
            continue
        distance = abs(pos - trigger)
        if distance < best_distance:
            best_distance = distance
            verb = lemma
            claimant = speaker_phrase(tree, speaker, text)
            hedge = REPORTING[lemma]
    according = according_to(tree, text) or (None if claimant else source_tail(tree, text))
    if according and claimant is None:
        claimant, hedge = according, Hedge.ACCORDING_TO
        if _hearsay(tree, according[2]):
            claimant, hedge = _reports(tree, text, according[2]), Hedge.REPORTEDLY
    if claimant is not None and hedge in {Hedge.NONE, Hedge.ACCORDING_TO}:
        words = claimant[0]
        if " " not in words.strip():
            words = earlier_mention(text, tree.sentence.span.start, words) or words
        kind = _armed_kind(words)
        if kind is not None and _own_side(tree, trigger, claimant[2], kind):
            hedge = Hedge.CLAIMED  # a party's own account of its own action
    if hearsay and claimant is None:
        hedge = Hedge.REPORTEDLY
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
    if any(p in lowered for p in _CUES.unverified):
        hedge = Hedge.UNCONFIRMED
    if claimant is None:
        return Attribution(None, None, hedge, verb)
    name, span, head = claimant
    return Attribution(name, span, hedge, verb, head)


_HEARSAY = frozenset({"report", "rumour", "rumor"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def _hearsay(tree: Tree, head: int) -> bool:
    """ "according to reports (from the valley)": reports nobody is named for, not
    "the report" told of before."""
    if tree.tokens[head].lemma.lower() not in _HEARSAY:
        return False
    return not any(
        tree.tokens[c].text.lower() in _DEFINITE or tree.tokens[c].dep == "poss"
        for c in tree.children[head]
    )


def _reports(tree: Tree, text: str, head: int) -> tuple[str, Span, int]:
    """The hearsay phrase as written, with where it comes from ("reports from Swat")."""
    lo, hi = tree.phrase(head, frozenset({"punct", "relcl", "acl", "appos", "cc", "conj"}))
    return tree.text(text, lo, hi), tree.span(lo, hi), head


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
