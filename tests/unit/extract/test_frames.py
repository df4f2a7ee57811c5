"""Frames: the words around an incident word that show it names no incident of its
kind (weapons supplied, shown or tested; hostages freed; talks on a truce; a banned
rally), and the parties a relative clause describes. Sentences written for these
tests; the twins report an incident and must keep it."""

from datetime import date

import pytest

from warwire.pipeline import Pipeline
from warwire.testing import story_events

REF = date(2024, 3, 12)  # a Tuesday

NOT_INCIDENTS = {
    "arms package": "Allies pledge more arms\n\nThe defence ministry on Monday announced a "
    "new aid package for the border army, including artillery shells, anti-tank missiles "
    "and armoured trucks.",
    "arms supply": "Tanks to be sent east\n\nThe government said on Monday it would supply "
    "forty battle tanks and several rocket launchers to its northern neighbour.",
    "parade": "Capital celebrates founding day\n\nTanks, missile launchers and marching "
    "bands rolled through the capital on Monday in a parade for founding day.",
    "missile test": "Coastal state test-fires missile\n\nThe navy fired a cruise missile "
    "into the sea off the northern coast on Monday in what it called a routine test, "
    "the defence ministry said.\n\nThe missile flew for about 600 km before hitting a "
    "floating target, officials added.",
    "space launch": "Rocket puts satellite into orbit\n\nThe space agency launched a rocket "
    "carrying two weather satellites into orbit on Monday, state radio said.",
    "hostages freed": "Captives come home\n\nNine hostages freed by the rebel group "
    "arrived at the airport on Monday evening, the foreign ministry said.",
    "hostage talks": "Talks on captives resume\n\nMediators met in the capital on Monday "
    "to discuss the release of the hostages held in the hills since last year.",
    "stalled truce talks": "No deal yet\n\nDiplomats said on Monday that talks on a "
    "ceasefire in the northern province had stalled over prisoner swaps.",
    "rally ban": "City bans rallies\n\nThe city governor on Monday banned all opposition "
    "rallies in the centre for a month.",
    "group profile": "Who leads the hill militia?\n\nFor two decades the colonel has led a "
    "militia that has fought the army, seized gold mines and burned villages in the "
    "province.",
}


@pytest.mark.parametrize("case", sorted(NOT_INCIDENTS))
def test_a_framed_incident_word_gives_no_event(pipeline: Pipeline, case: str) -> None:
    assert story_events(pipeline, REF, NOT_INCIDENTS[case]) == []


INCIDENTS = {
    "missiles fired at a town": "Missiles hit Garissa\n\nMissiles fired from across the "
    "border struck a market in Garissa, Kenya, on Monday, killing four people, police said.",
    "troops sent after an attack": "Troops sent after Garissa raid\n\nGunmen attacked a "
    "police post in Garissa, Kenya, on Monday, killing two officers, and the government "
    "sent troops to the town after the attack.",
    "hostages taken": "Gunmen seize hostages\n\nGunmen seized nine hostages at a hotel in "
    "Garissa, Kenya, on Monday, police said.",
    "truce signed": "Truce signed\n\nThe army and the rebels signed a ceasefire in "
    "Garissa, Kenya, on Monday, mediators said.",
}


@pytest.mark.parametrize("case", sorted(INCIDENTS))
def test_the_incident_twin_keeps_its_event(pipeline: Pipeline, case: str) -> None:
    assert story_events(pipeline, REF, INCIDENTS[case])


def test_a_day_count_of_fighting_everywhere_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Ministry tallies drones\n\nAir defence units shot down 64 drones in the past 24 "
        "hours, the defence ministry said on Tuesday."
    )
    assert story_events(pipeline, REF, text) == []


def test_one_attack_told_in_a_day_count_stays_an_event(pipeline: Pipeline) -> None:
    text = (
        'Soldiers killed in Kenya\n\n"In the past 24 hours, three soldiers were killed in an '
        'attack with a roadside bomb in Garissa," the army said in Kenya on Tuesday.'
    )
    assert story_events(pipeline, REF, text)
