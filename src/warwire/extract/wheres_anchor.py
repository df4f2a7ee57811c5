"""The place an unfound name lies by: a resolved place named beside it in its clause.

"Xville in the countryside of Y", "Y's Xville district": the gazetteer lacks Xville,
but the text puts it by Y, which is what a coder codes the event to ("near Y",
geo_precision 2), rather than the story's main place or its country. Failing that
and a story place, the place its sentence names beside it ("Xville and the outskirts
of Y") is still nearer than the country's centre.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warwire.extract.records import toponyms_near
from warwire.types import Toponym

# what ends a name's clause: a stop, a list joint, a new clause ("X and Y", "X while Y")
_CLAUSE_BREAK = re.compile(r"[.;:!?|\n]|\b(?:and|while|as|after|before|but)\b")
REACH = 40  # characters between the name and its anchor, at most
_SENTENCE_BREAK = re.compile(r"[.;!?|\n]")


def clause_anchor(
    text: str,
    toponyms: Sequence[Toponym],
    top: Toponym,
    country_code: str | None,
    sentence: bool = False,
) -> Toponym | None:
    """The nearest resolved place below country level in ``top``'s clause (its
    ``sentence``, at any distance, when asked), in the story's country (any country
    when it is unknown)."""
    breaks, reach = (_SENTENCE_BREAK, len(text)) if sentence else (_CLAUSE_BREAK, REACH)
    best: tuple[int, Toponym] | None = None
    for other in toponyms_near(toponyms, top.span.start, top.span.end, reach):
        place = other.place
        if place is None or other.span == top.span or (place.feature or "").startswith("PCL"):
            continue
        if country_code is not None and place.country_code != country_code:
            continue
        if other.span.start >= top.span.end:
            gap = (top.span.end, other.span.start)
        else:
            gap = (other.span.end, top.span.start)
        if gap[1] < gap[0] or gap[1] - gap[0] > reach or breaks.search(text[slice(*gap)]):
            continue
        if best is None or gap[1] - gap[0] < best[0]:
            best = (gap[1] - gap[0], other)
    return best[1] if best else None
