"""Sides, claimants and counts of matched events: sources never become perpetrators,
unnamed perpetrators take the event's country, time spans are no counts."""

from datetime import date

import pytest

from warwire.extract.numbers import fatalities
from warwire.pipeline import Pipeline
from warwire.taxonomy import INTER_CIVILIANS, INTER_CODES
from warwire.testing import story_events


def _events(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None, int, set]]:
    return [
        (
            e.actor1.name if e.actor1 else None,
            e.actor2.name if e.actor2 else None,
            e.fatalities,
            {(c.claimant, c.hedge.value) for c in e.claims},
        )
        for e in story_events(pipeline, date(2024, 3, 4), text)
    ]


def test_civilians_code_is_one_named_constant() -> None:
    assert INTER_CIVILIANS == INTER_CODES["Civilians"] == 7


def test_a_span_of_time_is_no_count_of_people() -> None:
    told = fatalities("In the past 24 hours, three guards were killed in an ambush.")
    assert told is not None and told.value == 3
    assert fatalities("A 12-hour siege left five fighters dead.").value == 5  # type: ignore[union-attr]


def test_a_death_protested_over_is_no_death_of_the_riot() -> None:
    told = fatalities(
        "Youths burned tyres in the market, protesting over a trader's death in jail."
    )
    assert told is None or told.value == 0


def test_a_number_brought_to_a_new_height_is_a_total() -> None:
    told = fatalities("The new deaths bring to 310 the number of people killed in the campaign.")
    assert told is not None and told.value == 0 and told.totals
    told = fatalities("Some 700 people were killed in the first half of the year.")
    assert told is not None and told.value == 0 and told.totals


@pytest.mark.slow
def test_a_pronoun_before_the_speaker_is_not_the_speaker(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Patrol ambushed near Menaka\n\n"
        "Militants ambushed a patrol near Menaka on Monday. "
        "They killed four soldiers, the army said in a statement.",
    )
    assert events
    assert all(a1 is None or not a1.startswith("Military Forces") for a1, _, _, _ in events)
    # the army tells what others did to it: no claim of its own act
    assert all(hedge != "claimed" for *_, claims in events for _, hedge in claims)


@pytest.mark.slow
def test_an_office_an_armed_group_runs_is_no_perpetrator(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Deaths in Rafah\n\n"
        "Four people were killed in Rafah on Monday, the Hamas-run health ministry said.",
    )
    assert events
    assert all(a1 is None or "Hamas" not in a1 for a1, _, _, _ in events)
    assert any("health ministry" in c for *_, claims in events for c, _ in claims)


@pytest.mark.slow
def test_harm_by_a_states_means_names_its_forces(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Deaths in Deir al-Balah\n\n"
        "Five Palestinians were killed in an Israeli strike in Deir al-Balah on Monday, "
        "medics said.",
    )
    assert any(a1 == "Military Forces of Israel" for a1, _, _, _ in events)
    assert any(a2 is not None and a2.startswith("Civilians (Palestine") for _, a2, _, _ in events)


@pytest.mark.slow
def test_unnamed_gunmen_take_the_country_of_the_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Regional digest\n\n"
        "Harare - Zimbabwe's ruling party held a congress in Gweru on Saturday.\n\n"
        "Khartoum - Gunmen shot dead six herders in Sudan's Darfur region on Sunday, "
        "a rights group said.",
    )
    gunmen = [a1 for a1, _, _, _ in events if a1 and a1.startswith("Unidentified Armed Group")]
    assert gunmen and all(a1 == "Unidentified Armed Group (Sudan)" for a1 in gunmen)


@pytest.mark.slow
def test_the_speaker_of_a_strike_is_not_its_unnamed_shooter(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Drone hits car\n\n"
        '"A drone hit a car near Sinjar, killing two fighters," said a statement from the '
        "counter-terrorism service of Iraqi Kurdistan.",
    )
    assert events
    assert all(a1 is None or "Iraq" not in a1 for a1, _, _, _ in events)


@pytest.mark.slow
def test_a_speaker_in_an_office_speaks_for_it_not_for_a_place(pipeline: Pipeline) -> None:
    office = _events(
        pipeline,
        "Organiser held\n\n"
        "Police detained the union's organiser at her home in Dhaka on Monday, "
        "according to an official in the union's media cell.",
    )
    assert any("media cell" in c for *_, claims in office for c, _ in claims)
    place = _events(
        pipeline,
        "Organiser held\n\n"
        "Police detained the union's organiser at her home in Dhaka on Monday, "
        "according to an official in Dhaka.",
    )
    assert all(c != "Dhaka" for *_, claims in place for c, _ in claims)


def test_killed_by_hand_before_the_count() -> None:
    told = fatalities("Raiders stabbed to death at least nine herders near the river.")
    assert told is not None and told.value == 9


@pytest.mark.slow
def test_the_subject_nearest_the_reporting_verb_speaks(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Village raided\n\n"
        "ADF rebels hacked to death at least 14 villagers in a raid on a village in Ituri "
        "province, local civil society leaders said on Tuesday.",
    )
    claimants = {c for *_, claims in events for c, _ in claims}
    assert events and not any("Allied Democratic Forces" in c for c in claimants)
    assert any(fat == 14 for _, _, fat, _ in events)


@pytest.mark.slow
def test_both_sides_dead_in_one_sentence_add_up(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Post attacked\n\n"
        "Jihadists killed 11 soldiers in an attack on an army post in northern Burkina Faso "
        'on Sunday, the army said, adding that 20 assailants were "neutralised" in the '
        "counter-offensive.",
    )
    assert any(fat == 31 for _, _, fat, _ in events)


def test_a_part_named_without_commas_is_inside_the_whole() -> None:
    told = fatalities("Four people including a nurse were killed in the blast.")
    assert told is not None and told.value == 4


def test_the_wounded_who_later_died_are_dead() -> None:
    told = fatalities("Three of the injured later died in hospital.")
    assert told is not None and told.value == 3


@pytest.mark.slow
def test_a_group_telling_its_own_attack_claims_it(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Base overrun\n\n"
        "Al-Shabaab said its fighters killed 14 soldiers in an attack on a base in "
        "Lower Shabelle on Monday.",
    )
    assert any(h == "claimed" for *_, claims in events for _, h in claims)


def test_a_comment_after_a_count_is_no_more_dead() -> None:
    told = fatalities(
        "Raiders killed four guards, a claim that could not be independently verified."
    )
    assert told is not None and told.value == 4
