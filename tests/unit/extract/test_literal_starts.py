"""``literal_starts`` gates regexes: every match must begin with one of its texts."""

from __future__ import annotations

import re

import pytest

from warwire.extract.mention_features import literal_starts


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("shot dead", ["shot dead"]),
        ("drones? struck", ["drone"]),
        ("(?:aircraft|helicopters?) struck", ["aircraft", "helicopter"]),
        ("(?:war)?planes? struck", ["war", "plane"]),
        ("(?:fighter )*jets? (?:struck|hit)", ["fighter ", "jet"]),
        ("(?:very ){0,2}?big blast", ["very ", "big blast"]),
        ("(?:a|(?:war)?planes?) drop", ["a", "war", "plane"]),
        ("(?:war)?", None),
        ("(?:war)?\\w+ struck", None),
        ("\\d+ killed", None),
    ],
)
def test_starts(pattern: str, starts: list[str] | None) -> None:
    assert literal_starts(pattern) == starts


@pytest.mark.parametrize(
    "pattern",
    ["(?:war)?planes? struck", "(?:fighter )*jets? hit", "(?:very ){0,2}?big blast"],
)
def test_every_match_begins_with_a_start(pattern: str) -> None:
    text = "warplanes struck; planes struck; fighter fighter jets hit; jet hit; very very big blast"
    starts = literal_starts(pattern)
    assert starts is not None
    found = list(re.finditer(pattern, text))
    assert found
    for m in found:
        assert any(text.startswith(s, m.start()) for s in starts)
