"""Who vouches for an event and how firmly (attribution, offices, own claims)."""

from datetime import date

import pytest

from warwire.extract import EventStage, is_candidate
from warwire.nlp import SentenceStage
from warwire.pipeline import Pipeline
from warwire.testing import NoToponyms
from warwire.types import Analysis, Document, Source


def _claims(text: str) -> list[tuple[str, str]]:
    doc = Document("t", "t", text, published=date(2024, 3, 4), source=Source(publisher="Desk"))
    analysis = Pipeline([SentenceStage(is_candidate), NoToponyms(), EventStage()]).run(
        [Analysis(doc)]
    )[0]
    return [(c.claimant, c.hedge.value) for e in analysis.events for c in e.claims]


pytestmark = pytest.mark.slow


def test_trailing_attribution_in_the_next_sentence() -> None:
    claims = _claims(
        "Gunmen killed four villagers near Kandi on Sunday. "
        "The attackers fled on foot, police said."
    )
    assert ("police", "according_to") in claims


def test_office_over_a_region_not_the_country() -> None:
    for text in (
        "Shelling killed two people in Rovno on Monday, the Varta region governor, I. Pell, said.",
        "Shelling killed two in Rovno on Monday, Ivo Pell, governor of the Varta region, said.",
    ):
        assert _claims(text)[0][0] == "Governor of Varta region"


def test_a_party_telling_its_own_action_claims_it() -> None:
    assert _claims("The army said its troops had recaptured the town of Falmi on Sunday.")[0][
        1
    ] == ("claimed")
    assert (
        _claims("The group said it attacked an army base near Falmi on Sunday.")[0][1] == "claimed"
    )


def test_news_agency_is_a_source_not_an_actor() -> None:
    claims = _claims("Gunmen killed five people in Kandi on Sunday, AFP reported.")
    assert claims[0][0] == "Agence France-Presse"
    state = _claims("Shelling wounded four civilians in Kandi on Sunday, NNA reported.")
    assert state[0][0] == "National News Agency (Lebanon)"


def test_partitive_and_quoted_speakers() -> None:
    assert _claims("A number of residents said soldiers burned houses in Kandi on Sunday.")[0][
        0
    ] == ("residents")
    quoted = _claims(
        "The state agency quoted a security source as saying that shelling killed a man in Kandi."
    )
    assert quoted[0][0] == "security source"


def test_dateline_is_no_speaker() -> None:
    claims = _claims("KANDI, Borno State - Local sources say a bomb killed three people on Sunday.")
    assert claims[0][0] == "Local sources"
    hyphen = _claims(
        "A drone strike hit a car in Kandi on Sunday, "
        "according to the local counter-terrorism service."
    )
    assert hyphen[0][0] == "local counter-terrorism service"


def test_reports_nobody_is_named_for_are_hearsay() -> None:
    claims = _claims(
        "The army said it had shelled the hills on Monday. According to reports from the "
        "valley, rebels abandoned their positions near Kandi on Monday."
    )
    assert ("reports from the valley", "reportedly") in claims


def test_reportedly_without_a_source_is_media_reports() -> None:
    claims = _claims("Militiamen reportedly detained a district commander in Kandi on Monday.")
    assert claims == [("media reports", "reportedly")]


def test_a_credit_line_vouches_for_an_unattributed_brief() -> None:
    claims = _claims(
        "Artillery fire hit the outskirts of Kandi on Monday, damaging a school.\n\nVia: Ivo Pell"
    )
    assert ("Ivo Pell", "according_to") in claims


def test_a_registry_armed_group_telling_its_own_action_claims_it() -> None:
    claims = _claims("Hezbollah said on Sunday that its men overran an outpost near Marwahin.")
    assert any(hedge == "claimed" for _, hedge in claims)


def test_the_rest_of_a_sources_paragraph_goes_on_with_its_account() -> None:
    claims = _claims(
        "Shells hit Kandi on Monday, a local official said. In nearby Banikoara, a "
        "house was also struck by shelling on Monday.\n\n"
        "Artillery fire damaged a school in Malanville on Monday."
    )
    official = ("local official", "according_to")
    # the next paragraph is the outlet's own; the story's one source only backs it
    assert claims == [official, official, ("Desk", "none"), official]


def test_a_story_told_on_one_source_credits_it_throughout() -> None:
    claims = _claims(
        "A security source in Varta said militia shelling wounded three farmers in Rovno "
        "on Monday.\n\nIn Kellis, a house was also hit by artillery on Monday, killing a man."
    )
    assert claims.count(("security source", "according_to")) == 2
    assert claims[-1] == ("security source", "according_to")


def test_two_sources_leave_the_outlets_own_sentences_to_it() -> None:
    claims = _claims(
        "Police said gunmen shot dead two traders in Kandi on Monday.\n\n"
        "The army said rebels attacked a base in Banfo on Monday.\n\n"
        "In Kellis, artillery hit a house on Monday, killing a man."
    )
    assert claims.count(("Desk", "none")) == 1
    assert claims.count(("Police", "according_to")) == 1
