"""A teaser cue glued into a paragraph after a finished sentence ("... said. READ ALSO:
Gunmen kill nine ...") ends the paragraph: the teaser is another story's headline."""

from warwire.clean.boilerplate import cut_inline


def test_a_glued_teaser_is_cut_off() -> None:
    text = "Farmers marched on Monday, police said. READ ALSO: Militants ambush a convoy"
    assert cut_inline(text) == "Farmers marched on Monday, police said."


def test_a_lower_case_cue_needs_its_colon() -> None:
    text = "The march ended peacefully. Read also: Gunmen kill five in the north"
    assert cut_inline(text) == "The march ended peacefully."


def test_prose_that_mentions_reading_is_kept() -> None:
    text = "The report was released on Monday. Read more widely, it faults the police."
    assert cut_inline(text) == text


def test_a_cue_inside_a_sentence_is_kept() -> None:
    text = "Officials said they would watch the border closely after the raid."
    assert cut_inline(text) == text
