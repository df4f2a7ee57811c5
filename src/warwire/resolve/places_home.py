"""How much one resolved name says about the country a story happens in.

A demonym mostly names a side ("Turkish forces", "Russian warplanes"), so it
loses a tie to a place; a country written as a location ("in northern Syria")
says where the story is, so it wins a tie with a country named as an actor
("Turkey kills three militants in northern Syria").
"""

from __future__ import annotations

import re

from warwire.resolve.countries import country_of_demonym
from warwire.types import Toponym

ADJECTIVE, LOCATED = 0.5, 1.5

_LOCATIVE = re.compile(
    r"\b(?:in|inside|across|throughout|into)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?$",
    re.IGNORECASE,
)


def story_weight(text: str, top: Toponym) -> float:
    """The vote of ``top`` for the story's country (1 for a plain place)."""
    if country_of_demonym(top.text) is not None:
        return ADJECTIVE
    place = top.place
    whole = place is not None and (place.feature or "").startswith("PCL")
    if whole and _LOCATIVE.search(text[max(0, top.span.start - 30) : top.span.start]):
        return LOCATED
    return 1.0
