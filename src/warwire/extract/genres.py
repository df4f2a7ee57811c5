"""Report genres whose war words tell no political violence: an accident's blast, a
disaster's or a crime's deaths, a sports, politics or business report's figures of
speech, a film's or a game's made-up plot. Each filter reads the whole report's words
(the cue lists of ``data/anchoring.yaml``, through :func:`warwire.extract.anchoring.cues`)
and drops the incidents nothing in their own sentences marks as attacks or harm.
"""

from __future__ import annotations

import re

from warwire.extract.anchoring import Cues, cues
from warwire.extract.cues import has
from warwire.extract.merging import Draft

__all__ = ["accidents", "figurative"]


_DENIED = re.compile(r"\b(?:no|not|never|nothing|n't|ruled out)\b[^.;]{0,40}$", re.IGNORECASE)


def _attack_said(found: Cues, sentence: str) -> bool:
    """An attack word the sentence does not deny ("the blast was no terror attack") and
    that names violence (not "a heart attack")."""
    other = [(m.start(), m.end()) for m in found.not_violence.finditer(sentence)]
    return any(
        not _DENIED.search(sentence[: m.start()]) and not any(a <= m.start() < b for a, b in other)
        for m in found.attack.finditer(sentence)
    )


_HARM_DONE = frozenset(
    {"Attack", "Armed clash", "Mob violence", "Disrupted weapons use", "Arrests"}
)


def accidents(drafts: list[Draft], text: str) -> list[Draft]:
    """Drop explosions nothing marks as attacks, in a report of an accident or of no
    attack, and killings first told as a disaster or a crime, when none of their
    sentences tells of an attack."""
    found = cues()
    # a one-line report of a blast has no room to say it was an attack: only an
    # accident word makes it one
    one_line = "\n" not in text.strip() and len(text.split()) <= 60
    accidental_report = bool(found.accident.search(text)) or not (
        one_line or found.attack.search(text)
    )

    def accidental(draft: Draft) -> bool:
        sentences = [r.sentence.text_in(text) for r in draft.readings]
        if any(_attack_said(found, s) for s in sentences):
            return False
        if draft.sub in found.explosion_subtypes:
            return accidental_report
        # the sentence that first tells of the incident says what it was
        first = min(draft.readings, key=lambda r: r.sentence.start).sentence.text_in(text)
        if draft.sub == "Mob violence" and has("mob_cues", first.lower()):
            return False  # a mob's "justice" on a suspected robber is the mob's violence
        apolitical = (found.disaster, found.crime)
        return draft.sub in _HARM_DONE and any(p.search(first) for p in apolitical)

    return [d for d in drafts if not accidental(d)]


def figurative(drafts: list[Draft], text: str) -> list[Draft]:
    """In a sports, politics or business report, war words are figures of speech:
    keep only the incidents whose own sentences tell of harm done; in a film's or a
    game's, even the harm is made up."""
    found = cues()
    fields = [len({m.group(0).lower() for m in p.finditer(text)}) for p in found.figurative]
    if max(fields, default=0) < found.figurative_min:
        return drafts
    fiction = zip(fields, found.fiction, strict=True)
    if any(n >= found.figurative_min and made_up for n, made_up in fiction):
        return []
    return [
        d for d in drafts if any(found.harm.search(r.sentence.text_in(text)) for r in d.readings)
    ]
