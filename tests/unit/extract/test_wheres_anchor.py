"""An unfound village is coded near the resolved place its own clause names."""

from __future__ import annotations

from warwire.extract.wheres_anchor import clause_anchor
from warwire.types import Place, Span, Toponym

TOWN = Place("Ostrava", 10.0, 20.0, "Ruritania", "RU", "Hills", 1, "PPL", 50_000)
ABROAD = Place("Ostrava", 40.0, 20.0, "Elbonia", "EB", "Plain", 2, "PPL", 50_000)


def toponyms(text: str, names: dict[str, Place | None]) -> list[Toponym]:
    out = []
    for name, place in names.items():
        at = text.index(name)
        out.append(Toponym(Span("d", at, at + len(name)), name, place))
    return out


def test_a_village_is_coded_near_the_town_its_clause_names() -> None:
    text = "Shelling kills four in Velka in the countryside of Ostrava"
    tops = toponyms(text, {"Velka": None, "Ostrava": TOWN})
    assert clause_anchor(text, tops, tops[0], "RU") is tops[1]


def test_no_anchor_across_a_clause_or_abroad() -> None:
    text = "Shelling kills four in Velka and clashes erupt in Ostrava"
    tops = toponyms(text, {"Velka": None, "Ostrava": TOWN})
    assert clause_anchor(text, tops, tops[0], "RU") is None
    text = "Shelling kills four in Velka near Ostrava"
    tops = toponyms(text, {"Velka": None, "Ostrava": ABROAD})
    assert clause_anchor(text, tops, tops[0], "RU") is None
    assert clause_anchor(text, tops, tops[0], None) is tops[1]


def test_a_sentence_anchor_reaches_past_a_clause_but_not_past_a_stop() -> None:
    """The story-place fallback's last resort: a place the name's sentence names."""
    text = "Shelling kills four in Velka and clashes erupt in Ostrava"
    tops = toponyms(text, {"Velka": None, "Ostrava": TOWN})
    assert clause_anchor(text, tops, tops[0], "RU", sentence=True) is tops[1]
    text = "Shelling kills four in Velka. Clashes erupt in Ostrava"
    tops = toponyms(text, {"Velka": None, "Ostrava": TOWN})
    assert clause_anchor(text, tops, tops[0], "RU", sentence=True) is None
