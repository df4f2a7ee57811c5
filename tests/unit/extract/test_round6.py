"""Round 6: trailing attributions, weapons under quantity nouns, "the group", places
the gazetteer lacks."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

REF = date(2024, 7, 1)  # a Monday


def _events(text: str) -> list[Event]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.slow
def test_trailing_attribution_leads_the_claims() -> None:
    events = _events(
        "ISWAP fighters raided a village near Monguno on 8 June, killing five farmers. "
        "Two more villagers were killed, local officials said."
    )
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert "local officials" in attack.claims[0].claimant
    assert any(c.claimant == "Desk" for c in attack.claims)


@pytest.mark.slow
def test_fact_without_later_source_stays_with_publisher() -> None:
    (event,) = _events(
        "ISWAP fighters raided a village near Monguno on 8 June, killing five farmers."
    )
    assert event.claims[0].claimant == "Desk"


@pytest.mark.slow
@pytest.mark.parametrize("amount", ["dozens of", "a barrage of", "a salvo of"])
def test_agent_of_weapon_under_quantity_noun(amount: str) -> None:
    (event,) = _events(f"Hezbollah fired {amount} rockets at a base near Metula on 2 June.")
    assert event.actor1 is not None and event.actor1.name == "Hezbollah"


@pytest.mark.slow
def test_the_group_said_skips_state_forces() -> None:
    (event,) = _events(
        "Hezbollah fired rockets at an Israeli army post near Metula on 2 June, "
        "the group said in a statement."
    )
    assert event.claims[0].claimant == "Hezbollah"


@pytest.mark.slow
def test_unknown_name_after_near_is_the_location() -> None:
    (event,) = _events("Six fighters died in clashes with the army near Zorbatou on 3 June.")
    assert event.location_text == "Zorbatou"


@pytest.mark.slow
def test_actor_after_in_is_not_a_place() -> None:
    events = _events("Two soldiers died in clashes with Wagner on 3 June.")
    assert all(e.location_text != "Wagner" for e in events)
