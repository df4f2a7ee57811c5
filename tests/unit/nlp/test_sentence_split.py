from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.nlp import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text_in(text) for s in split_sentences("d", text)]


def test_titles_and_abbreviations_do_not_end_sentences() -> None:
    text = (
        "According to the spokesman, Maj. Gen. Omar Bello, the army withdrew. "
        "Col. Ruiz said item No. 4 was seized. Dr. Ade treated them."
    )
    assert _texts(text) == [
        "According to the spokesman, Maj. Gen. Omar Bello, the army withdrew.",
        "Col. Ruiz said item No. 4 was seized.",
        "Dr. Ade treated them.",
    ]


def test_line_breaks_always_end_sentences() -> None:
    assert _texts("Gunmen attacked Gao\n\nThe army responded.") == [
        "Gunmen attacked Gao",
        "The army responded.",
    ]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_spans_are_ordered_stripped_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for span in split_sentences("d", text):
        piece = span.text_in(text)
        assert piece == piece.strip() and piece
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end
