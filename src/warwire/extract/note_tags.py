"""A note's opening tag settles its first happening's sub-event type.

ACLED-style notes may open with the coder's own label ("Weapons seizure:",
"Property destruction:", "Movement of forces:"), and the body's verb may name
another kind of event ("made an explosive device safe", "bulldozed land"). The
tags and their sub-types live in ``data/note_tags.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from warwire.extract.records import Reading
from warwire.knowledge import data_mapping

_TAG = re.compile(r"^\W*([A-Za-z][A-Za-z /-]{2,40}?)\s*:")


@cache
def _tags() -> dict[str, str]:
    return {str(k).casefold(): str(v) for k, v in data_mapping("note_tags.yaml").items()}


def tag_sub_type(sentence_text: str) -> str | None:
    """The sub-event type a note's opening tag names, if it opens with a known tag."""
    match = _TAG.match(sentence_text)
    return _tags().get(match.group(1).casefold()) if match else None


def tagged(readings: list[Reading], sentence_text: str) -> list[Reading]:
    """The readings with the first one's sub-type set by the note's tag, if any; its
    sides stay as the body's verb found them ("Troop movement: Russian forces moved
    artillery ...": Russia's forces moved)."""
    sub = tag_sub_type(sentence_text)
    if sub is None or not readings:
        return readings
    first = readings[0]
    return [replace(first, decision=replace(first.decision, sub_event_type=sub)), *readings[1:]]
