"""Round-2 extraction rules through the real parse: actors, dates, merging."""

from datetime import date

import pytest

from warwire.extract import EventStage, is_candidate
from warwire.extract.aggregates import find_aggregate
from warwire.extract.merging import compatible
from warwire.extract.numbers import fatalities, parse_number
from warwire.nlp import SentenceStage
from warwire.pipeline import Pipeline
from warwire.testing import NoToponyms
from warwire.types import Analysis, Document, Source


def run(text: str) -> Analysis:
    doc = Document("t", "t", text, published=date(2024, 3, 4), source=Source(publisher="Desk"))
    pipeline = Pipeline([SentenceStage(is_candidate), NoToponyms(), EventStage()])
    return pipeline.run([Analysis(doc)])[0]


def test_numbers_round2() -> None:
    assert parse_number("a dozen") == 12
    assert fatalities('troops "neutralised" about a dozen assailants').value == 12  # type: ignore[union-attr]
    assert fatalities("a crowd protesting the killing of a farmer blocked roads") is None
    assert fatalities("an improvised explosive device killed four soldiers").value == 4  # type: ignore[union-attr]
    assert fatalities("a mob lynched two men").value == 2  # type: ignore[union-attr]


def test_crowd_size_is_not_an_aggregate() -> None:
    assert find_aggregate("Hundreds of people marched in Gao, under blockade since May.") is None
    assert find_aggregate("The toll has risen to 40 killed since Monday.") is not None


def test_compatible_families() -> None:
    assert compatible("Armed clash", "Remote explosive/landmine/IED")
    assert compatible("Violent demonstration", "Protest with intervention")
    assert not compatible("Armed clash", "Peaceful protest")


@pytest.mark.slow
def test_actor_phrases_and_owners() -> None:
    a = run(
        "A drone launched by Houthi forces struck a government camp near Marib on Sunday, "
        "killing two soldiers, a military official said."
    )
    event = a.events[0]
    assert event.actor1 is not None and event.actor1.name.startswith("Houthis")
    # the registry names the speaker's institution once the story's country is known
    assert event.claims[0].claimant in {"military official", "Military Forces of Yemen"}


@pytest.mark.slow
def test_continuation_merges_into_the_lead_event() -> None:
    a = run(
        "Gunmen ambushed an army patrol near Gao on Saturday, killing five soldiers, "
        "a local official said.\n\n"
        "The attackers first detonated a roadside bomb before opening fire, "
        "one of the security sources said. The army said its troops had repelled the assault "
        "and killed 20 assailants."
    )
    assert len(a.events) == 1
    event = a.events[0]
    assert event.when.start == date(2024, 3, 2)
    assert event.fatalities == 5
    assert any(c.fatalities == 20 for c in event.claims)
    assert any(c.claimant == "security sources" for c in event.claims)


@pytest.mark.slow
def test_separately_starts_a_new_story() -> None:
    a = run(
        "Police fired tear gas at protesters in Lagos on Monday.\n\n"
        "Separately, gunmen abducted a trader in Kano."
    )
    dates = {e.sub_event_type: e.when for e in a.events}
    assert dates["Abduction/forced disappearance"].time_precision != 1
