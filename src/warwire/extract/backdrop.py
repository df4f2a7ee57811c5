"""Hits set before or aside of a sentence's main happening: "a day after clashes at a
rally", "the town where pupils were kidnapped in April", what a protest is against,
what an arrest is for. Such a hit tells background; the main clause's happening is
the sentence's event. The words are data (``data/subtype_cues.yaml``).
"""

from __future__ import annotations

from warwire.extract.crowds import in_grievance
from warwire.extract.cues import words
from warwire.extract.syntax import Tree


def backgrounded(tree: Tree, pos: int) -> bool:
    """ "a day after clashes at a rally", "following a battle", "the town where pupils
    were kidnapped in April", "marched to condemn the abduction": a hit set before or
    aside of the sentence's main happening, or what a protest is about."""
    preps, marks = words("background_preps"), words("background_marks")
    verbs, from_heads = words("background_verbs"), words("background_from_heads")
    if in_grievance(tree, pos) or _charged(tree, pos):
        return True
    came_from = pos
    for at in (pos, *tree.ancestors(pos)):
        tok = tree.tokens[at]
        if at != pos and tok.dep == "prep" and tok.lemma.lower() in preps:
            return True
        if at != pos and tok.dep == "prep" and tok.lemma.lower() == "from":
            head = tree.head(at)
            if head is not None and tree.tokens[head].lemma.lower() in from_heads:
                return True
        if any(tree.tokens[m].lemma.lower() in marks for m in tree.kids(at, "mark")):
            return True
        if tok.dep == "relcl":
            return True
        lemma = tok.lemma.lower()
        if at != pos and lemma in verbs and tree.tokens[came_from].dep in {"dobj", "npadvmod"}:
            return True  # "this bombardment follows massacres three days earlier"
        came_from = at
    return False


def _charged(tree: Tree, pos: int) -> bool:
    """ "arrested over the killing of a trader", "held in connection with the rape": what
    hangs below an arrest's charge is the crime it is for, told, not happening here."""
    heads, preps, nouns = words("charge_heads"), words("charge_preps"), words("charge_nouns")
    for at in tree.ancestors(pos):
        tok, head = tree.tokens[at], tree.head(at)
        if tok.lemma.lower() in nouns and tok.dep == "pobj" and head is not None:
            tok, head = tree.tokens[head], tree.head(head)
        elif tok.dep != "prep" or tok.lemma.lower() not in preps:
            continue
        if head is not None and tree.tokens[head].lemma.lower() in heads:
            return True
    return False
