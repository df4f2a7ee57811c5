"""geo_precision shared across a list, and names the model splits."""

from __future__ import annotations

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import resolve, toponyms_for
from warwire.resolve.places_candidate import Candidate
from warwire.types import Mention, Place, Sentence, Span, Token

BANI = Place("Bani Walid", 31.76, 13.99, "Libya", "LY", "Misrata", 1, "PPL", 50_000)
QARYAT = Place("Al Qaryat", 30.38, 13.59, "Libya", "LY", None, 2, "PPL", 2_000)
GHARYAN = Place("Gharyan", 32.17, 13.02, "Libya", "LY", None, 3, "PPL", 85_000)
SALAH = Place("Salah ad-Din", 32.83, 13.21, "Libya", "LY", "Tripoli", None, "PPLX", 0)
GAZ = MemoryGazetteer([BANI, (QARYAT, ["Qaryat"]), GHARYAN, SALAH])


def _precisions(text: str, *names: str) -> list[int]:
    cands = [Candidate(text.index(n), text.index(n) + len(n), n, "GPE") for n in names]
    return [t.place.geo_precision for t in resolve(text, cands, GAZ) if t.place]


def test_near_is_shared_by_a_list_of_places() -> None:
    text = "Two drones crashed near Bani Walid and Qaryat on Sunday."
    assert _precisions(text, "Bani Walid", "Qaryat") == [2, 2]


def test_a_plain_list_stays_precise() -> None:
    text = "Fighting was reported in Gharyan and Qaryat on Sunday."
    assert _precisions(text, "Gharyan", "Qaryat") == [1, 1]


def test_a_name_longer_than_the_models_entity_is_found() -> None:
    text = "A contractor was killed in the area of Salah ad-Din."
    start = text.index("Salah")
    token = Token(0, "A", 0, 1, "a", "DET", "DT", "det", 0)
    sentence = Sentence(
        Span("d", 0, len(text)), (token,), (Mention(Span("d", start, start + 5), "NORP", "Salah"),)
    )
    found = toponyms_for(text, [sentence], GAZ, doc_id="d")
    assert [(t.text, t.place and t.place.name) for t in found] == [("Salah ad-Din", "Salah ad-Din")]
