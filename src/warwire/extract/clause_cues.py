"""Clause-level cues that a trigger tells no new incident, read off the parse: a
statistic ("attacks rose to a record"), a pattern ("continued attacks"), an
allegation ("accused of ordering attacks"), an old year in the trigger's own clause
("during the 2019 protests"). :func:`warwire.extract.anchoring.unanchored` asks them;
their word lists come from ``data/anchoring.yaml`` through its caller.
"""

from __future__ import annotations

import re
from datetime import date

from warwire.extract.syntax import Tree

__all__ = [
    "accused",
    "clause",
    "described",
    "fled",
    "old_year",
    "patterned",
    "planned",
    "trend",
    "victims_described",
]


def clause(tree: Tree, pos: int) -> int:
    """The verb heading the clause a token belongs to (itself when it is one)."""
    for at in (pos, *tree.ancestors(pos)):
        if tree.tokens[at].pos in {"VERB", "AUX"}:
            return at
    return pos


_PLURAL = "NNS"
_TOLLS = frozenset({"toll", "tally"})
_THROUGH = frozenset({"pobj", "prep", "compound"})


def _cue_at(tree: Tree, pattern: re.Pattern[str], text: str, base: int, tokens: set[int]) -> bool:
    toks = tree.tokens
    starts = [base + m.start() for m in pattern.finditer(text)]
    return any(toks[i].start <= start < toks[i].end for start in starts for i in tokens)


def trend(tree: Tree, trigger: int, text: str, base: int, pattern: re.Pattern[str]) -> bool:
    """ "Attacks on aid workers hit a record high", "a sharp rise in kidnappings": a plural
    incident noun that is the subject of a rise, a fall or a record, or the noun such a
    word counts, tells a statistic over many incidents, not one of them."""
    toks = tree.tokens
    if toks[trigger].tag != _PLURAL:
        return False
    at = trigger
    while toks[at].dep in _THROUGH and (head := tree.head(at)) is not None:
        if toks[at].dep == "prep" and toks[head].pos not in {"NOUN", "PROPN"}:
            break  # "rose after clashes": the clashes are not what rose
        at = head
        if toks[at].lemma.lower() in _TOLLS:
            return False  # "the death toll in the attacks rises to 16": one incident's toll
    if toks[at].dep in {"nsubj", "nsubjpass"} and (verb := tree.head(at)) is not None:
        subject = set(tree.subtree(at))
        said = {k for k in tree.kids(verb) if toks[k].dep not in {"ccomp", "advcl", "conj"}}
        told = {verb} | {i for k in said for i in tree.subtree(k)}
        return _cue_at(tree, pattern, text, base, told - subject)
    if at != trigger and toks[at].pos == "NOUN":  # "a rise in attacks", "a record number of"
        return _cue_at(
            tree, pattern, text, base, set(tree.subtree(at)) - set(tree.subtree(trigger))
        )
    return False


def patterned(
    tree: Tree, trigger: int, modifiers: frozenset[str], continuing: frozenset[str]
) -> bool:
    """ "repeated raids", "citing continued attacks on villages": a plural incident noun
    its adjective makes a pattern, whatever day the sentence states (the vote's, the
    statement's). "Continued"/"ongoing" make one only where the noun is what another verb
    is about (cited, condemned): "Continued clashes in X" reports today's fighting."""
    toks = tree.tokens
    if toks[trigger].tag != _PLURAL:
        return False
    words = modifiers | continuing if toks[trigger].dep in _ABOUT else modifiers
    return any(
        toks[k].lemma.lower() in words or toks[k].text.lower() in words
        for k in tree.kids(trigger, "amod")
    )


_ABOUT = frozenset({"dobj", "pobj"})


# from the incident word up to "of"/"with": the gerund, its object, its conjuncts; not a
# phrase hanging from the gerund ("accused of murdering ... in a gun battle")
_ACCUSED_PATH = frozenset({"dobj", "pcomp", "conj", "xcomp", "compound"})
_ALLEGED_OF = frozenset({"of", "for", "with"})


def accused(tree: Tree, trigger: int, heads: frozenset[str]) -> bool:
    """ "sanctions on leaders accused of ordering attacks and looting warehouses",
    "blaming the group for a string of bombings": what a person is accused, charged or
    blamed for is an allegation about them, not a report of the incident (the
    sentence's incident is the sanction, the arrest, the trial)."""
    toks = tree.tokens
    at = trigger
    while (head := tree.head(at)) is not None:
        dep = toks[at].dep
        if dep == "prep":
            if toks[head].lemma.lower() in heads or toks[head].text.lower() in heads:
                return True
            if toks[at].text.lower() not in _ALLEGED_OF:
                return False
        elif dep == "pobj":  # "of a string of bombings", not "in a gun battle"
            if toks[head].text.lower() not in _ALLEGED_OF:
                return False
        elif dep not in _ACCUSED_PATH:
            return False
        at = head
    return False


_MEASURED_FROM = frozenset({"since", "after", "before", "until", "than"})
_YEAR = re.compile(r"^((?:1[89]|20)\d\d)(s?)$")  # "2019"; a decade, "1990s"
_LAST = frozenset({"last", "previous"})  # "last year", "the previous year"


def _year_end(tree: Tree, i: int, reference: date) -> date | None:
    """The last day of the year (or decade) token ``i`` names as a time: "in 2019", "the
    2019 protests", "in November 2008", "in the 1990s", "last year"; None for a count
    ("2000 people") or no year at all."""
    toks = tree.tokens
    tok, head = toks[i], tree.head(i)
    if tok.lemma.lower() == "year" and any(
        toks[k].text.lower() in _LAST for k in tree.kids(i, "amod")
    ):
        return date(reference.year - 1, 12, 31)
    year = _YEAR.match(tok.text)
    if year is None:
        return None
    # "in 2019", "the 2019 protests", "in November 2008"; not "on 9 June 2023", a day the
    # incident may be coded to
    month = head is not None and toks[head].pos == "PROPN" and toks[head].dep == "pobj"
    month = month and head is not None and len(tree.kids(head, "nummod")) == 1
    named = (
        tok.dep == "pobj"
        or (head is not None and bool(tree.kids(head, "det", "poss")))
        or (tok.dep == "nummod" and month)
    )
    if not named:
        return None
    return date(int(year.group(1)) + (9 if year.group(2) else 0), 12, 31)


def old_year(tree: Tree, trigger: int, reference: date | None, window: int) -> bool:
    """ "during the 2019 protests", "a 2016 raid", "killed in a bombing last year": a year
    in the trigger's own clause (or its own phrase) that ended well before the report
    dates the incident to that past, whatever day the sentence states (the day a report
    or an inquiry was published, a ceremony held)."""
    if reference is None:
        return False
    toks = tree.tokens
    home = clause(tree, trigger)  # not the clause it serves ("marched to mark the 2019 ...")
    # a noun's own phrase ("a 2016 raid"); a verb's subtree is its whole sentence
    near = set(tree.subtree(trigger)) if toks[trigger].pos == "NOUN" else set()
    for i in range(len(toks)):
        if not (i in near or clause(tree, i) == home):
            continue
        end = _year_end(tree, i, reference)
        if end is None:
            continue
        # not a year the incident is measured from ("the first attack since the 2019 truce")
        if any(toks[a].text.lower() in _MEASURED_FROM for a in tree.ancestors(i)):
            continue
        if (reference - end).days > window:
            return True
    return False


def fled(tree: Tree, trigger: int, verbs: frozenset[str]) -> bool:
    """ "people who fled fighting in the north", "families displaced by the violence":
    an incident word that only describes who people are (what they fled, in a clause
    about them) reports no incident."""
    toks = tree.tokens
    head = tree.head(trigger)
    if (
        head is not None
        and toks[trigger].dep == "pobj"
        and toks[head].text.lower() in {"by", "from"}
    ):
        head = tree.head(head)  # "displaced by the violence", "escaping from the fighting"
    elif toks[trigger].dep != "dobj":
        return False
    if head is None or toks[head].lemma.lower() not in verbs:
        return False
    return toks[head].dep in {"relcl", "acl"}


def described(tree: Tree, trigger: int) -> bool:
    """ "a militia that has fought the army and seized mines", "the group, which has
    carried out attacks across the region": a present perfect in a relative clause
    tells what a party is, not what happened on a day."""
    toks = tree.tokens
    for at in (trigger, *tree.ancestors(trigger)):
        tok = toks[at]
        if tok.dep == "appos":
            return False  # a list the parse hung on the clause, not a word of it
        if tok.pos not in {"VERB", "AUX"}:
            continue
        if tok.dep == "relcl" or tree.kids(at, "nsubj", "nsubjpass"):
            # the first verb with a subject of its own heads the trigger's clause
            return tok.dep == "relcl" and any(
                toks[k].lemma.lower() == "have" for k in tree.kids(at, "aux")
            )
    return False


def _compounded(tree: Tree, pos: int) -> int:
    """The noun a compound word is part of ("protest" in "a protest march": the march)."""
    while tree.tokens[pos].dep == "compound" and (noun := tree.head(pos)) is not None:
        pos = noun
    return pos


def planned(tree: Tree, trigger: int, heads: frozenset[str], modals: frozenset[str]) -> bool:
    """ "are set to stage a march", "looked ready to storm the town", "will deploy troops
    to fight": the trigger (a verb, or the object of one) is what a party means or is
    due to do, not what it did."""
    toks = tree.tokens
    verb = _compounded(tree, trigger)  # "a protest march": the march
    if toks[verb].pos in {"NOUN", "PROPN"}:
        head = tree.head(verb)
        if toks[verb].dep != "dobj" or head is None:
            return False  # "the attack would be investigated": the attack is told as done
        verb = head
    while True:
        aux = {toks[k].text.lower() for k in tree.kids(verb, "aux")}
        if aux & modals and "have" not in aux:
            return True
        head = tree.head(verb)
        if toks[verb].dep != "xcomp" or head is None:
            return False
        word = toks[head]
        phrasal = bool(tree.kids(head, "prt"))  # "set out to attack": they went and did
        if not phrasal and (word.lemma.lower() in heads or word.text.lower() in heads):
            return True
        verb = head


_BY_WAY_OF = frozenset({"in", "during", "by"})


def victims_described(tree: Tree, trigger: int, participles: frozenset[str]) -> bool:
    """ "visited soldiers wounded in fighting", "compensation to families of people killed
    in a bombing": the incident only says who the people the sentence is about are,
    unless its phrase opens on a day of its own ("wounded in Monday's ambush")."""
    toks = tree.tokens
    at = _compounded(tree, trigger)
    prep = tree.head(at)
    if toks[at].dep not in {"pobj", "pcomp"} or prep is None:
        return False
    participle = tree.head(prep)
    if toks[prep].text.lower() not in _BY_WAY_OF or participle is None:
        return False
    people = tree.head(participle)
    if toks[participle].dep != "acl" or toks[participle].lemma.lower() not in participles:
        return False
    if people is None or toks[people].dep not in {"dobj", "pobj"}:
        return False
    # a day of its own heads the incident's phrase ("Monday's ambush"); one after it may
    # be the sentence's day, hung there by the parser
    own = [i for i in tree.subtree(at) if i < at]
    return not any(toks[i].ent_type in {"DATE", "TIME"} for i in own)
