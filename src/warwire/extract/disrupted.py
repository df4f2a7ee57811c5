"""Disrupted weapons use: a weapon stopped before it did harm is the event.

ACLED codes a bomb defused, a missile intercepted or a roadside bomb found
before it went off as the stopping of it, not as the explosion its words
name ("police defused a bomb", "troops found an IED beside the road").
"""

from __future__ import annotations

from warwire.extract.cues import has, words
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit

__all__ = ["disrupting", "found_unexploded"]

_IED = "Remote explosive/landmine/IED"


def disrupting(tree: Tree, hits: list[TriggerHit], best: TriggerHit) -> TriggerHit:
    """ "police defused a bomb": the bomb is what was stopped, the event is the stopping."""
    for hit in hits:
        verb = tree.tokens[hit.token].pos == "VERB"
        disrupts = hit.sub_event_type == "Disrupted weapons use" and verb and hit is not best
        if disrupts and tree.is_ancestor(hit.token, best.token):
            return hit
    return best


def found_unexploded(tree: Tree, best: TriggerHit, lowered: str, background: bool) -> bool:
    """ "soldiers found a roadside bomb": a verb of finding governs the bomb word, and
    nothing in the sentence says it went off; ``background``: the bomb word sits in a
    clause set aside ("found two bodies after a bomb attack"), which tells an explosion."""
    if best.sub_event_type != _IED or background or has("went_off", lowered):
        return False
    finding = words("found_lemmas")
    return any(tree.tokens[at].lemma.lower() in finding for at in tree.ancestors(best.token))
