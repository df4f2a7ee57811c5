"""A capital named by its country: "Somalia's capital", "the Malian capital".

The phrase names a city without spelling it; read as the country alone it would put
the event on the country's centre point. The country is a name or a demonym right
before the capital word (``country_capital`` in ``warwire/data/place_cue_words.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from warwire.knowledge import data_mapping
from warwire.resolve.countries import country, country_of_demonym


@cache
def _pattern() -> re.Pattern[str]:
    words = data_mapping("place_cue_words.yaml").get("country_capital", ())
    heads = "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))
    name = r"[A-Z][\w.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]*){0,3}"
    return re.compile(rf"(?<![\w-])({name})(?:['’]s)?\s+({heads})(?![\w-])")


def country_capitals(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country code) of each capital word named by its country."""
    out = []
    for m in _pattern().finditer(text):
        words = m.group(1).split()
        found = None
        for i in range(len(words)):  # "Fighting in Mogadishu, Somalia capital": the tail
            tail = " ".join(words[i:])
            found = country_of_demonym(tail) or country(tail)
            if found is not None:
                break
        if found is not None:
            out.append((m.start(2), m.end(2), found.iso2))
    return out
