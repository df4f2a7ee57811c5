"""A sentence that breaks a toll down by place ("nine killed: four in A, two in B and
three in C") gives each place's event its own figure, not the total. Sentences written
for these tests."""

from datetime import date

from warwire.pipeline import Pipeline
from warwire.testing import story_events

REF = date(2024, 3, 12)


def test_a_place_in_a_breakdown_takes_its_own_toll(pipeline: Pipeline) -> None:
    text = (
        "Rights group names protesters killed\n\nThe rights group said it had the names of "
        "nine protesters whom police killed: four shot dead in Garissa on March 4, two shot "
        "dead in Mombasa on March 6 and three shot dead in Kisumu on March 8."
    )
    garissa = [e for e in story_events(pipeline, REF, text) if e.location_text == "Garissa"]
    assert [e.fatalities for e in garissa] == [4]


def test_a_single_place_keeps_the_whole_toll(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill twelve in Garissa\n\nGunmen killed 12 people in Garissa, Kenya, on "
        "Monday, including three children, police said."
    )
    assert [e.fatalities for e in story_events(pipeline, REF, text)] == [12]


def test_a_total_told_clause_by_clause_gives_each_place_its_clause(pipeline: Pipeline) -> None:
    text = (
        "Monitors count dead\n\nMonitors documented 11 civilian deaths on March 9, when "
        "an air strike on Garissa killed eight people, among them two children, while "
        "shelling of Mombasa killed three people."
    )
    garissa = [e for e in story_events(pipeline, REF, text) if e.location_text == "Garissa"]
    assert [e.fatalities for e in garissa] == [8]
