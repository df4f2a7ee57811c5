"""An event note's closing count ("... . 4 fatalities.") is its event's fatalities;
an article's last line, or a text with no closing line, gives none."""

import pytest

from warwire.extract.tolls import note_toll

NOTE = "On 2 May 2023, gunmen attacked a convoy near Kidal."


@pytest.mark.parametrize(
    ("closing", "count"),
    [
        ("6 fatalities.", 6),
        ("1 fatality.", 1),
        ("No fatalities.", 0),
        ("Fatalities unknown.", 0),
        ("Seven fatalities.", 7),
        ("4 fatalities, including the attacker.", 4),
        ("3 fatalities including two children.", 3),
        ("2 fatalities. [size=no report]", 2),
        ("At least 9 fatalities.", 9),
        ("1,200 fatalities.", 1200),
        ("Twenty-two fatalities.", 22),
        ("No fatalities reported.", 0),
    ],
)
def test_a_note_closing_count_is_read(closing: str, count: int) -> None:
    found = note_toll(f"{NOTE} {closing}", "d")
    assert found is not None
    value, span = found
    assert value == count
    assert span.doc_id == "d" and span.start > len(NOTE)


def test_a_note_under_a_title_line_is_a_note() -> None:
    found = note_toll(f"Gunmen attack convoy\n\n{NOTE} 4 fatalities.", "d")
    assert found is not None and found[0] == 4


def test_the_count_span_points_at_the_figure() -> None:
    text = f"{NOTE} 12 fatalities."
    found = note_toll(text, "d")
    assert found is not None
    assert found[1].text_in(text) == "12 fatalities"


@pytest.mark.parametrize(
    "text",
    [
        NOTE,  # no closing line
        "5 fatalities.",  # a single line is no note with a closing count
        f"{NOTE} The convoy carried 12 passengers.",
        f"{NOTE} Fatalities were reported.",
        # an article (several paragraphs) ending on a figure is no event note
        f"Title\n\n{NOTE}\n\nThe conflict has caused thousands of deaths. 40 fatalities.",
        f"{NOTE} " + "Residents fled the area. " * 60 + "3 fatalities.",
        # two notes in one text: which event the count belongs to is not known
        f"{NOTE} 2 fatalities. On 3 May 2023, gunmen attacked a bus near Gao. 5 fatalities.",
    ],
)
def test_other_texts_have_no_closing_count(text: str) -> None:
    assert note_toll(text, "d") is None
