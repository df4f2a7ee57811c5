"""Genres that report no codable incident: a policy vote, a trial, an anniversary, a
statistics report, an inquiry into old events, sanctions, an ordinary crime, a
disaster, an accident, an opinion piece, a plan, a warning, a profile, a denial.
Each names attacks, killings or protests; none reports one happening of its own.
Sentences written for these tests; the twins below do report an incident and
must keep it."""

from datetime import date

import pytest

from warwire.pipeline import Pipeline
from warwire.testing import story_events

REF = date(2024, 3, 12)  # a Tuesday


NEGATIVES = {
    "policy": "Parliament extends emergency rule\n\nLawmakers voted on Tuesday to extend the "
    "state of emergency in three northern provinces, citing continued attacks by armed "
    "groups on villages and army posts. The bill passed by 210 votes to 95.",
    "trial": "Former commander jailed over massacre\n\nA military court on Monday sentenced "
    "a former commander to 20 years in prison for the killing of 45 villagers in 2015.\n\n"
    "Prosecutors said soldiers under his command surrounded the village at dawn, shot the "
    "men and burned the houses.",
    "anniversary": "Town marks ten years since market bombing\n\nHundreds gathered in the "
    "square on Monday to remember the victims of the bombing that tore through the market "
    "ten years ago.",
    "statistics": "Report: attacks on aid workers hit record high\n\nAttacks on aid workers "
    "rose to a record level last year, with 280 killed worldwide, according to a report "
    "published on Tuesday.\n\nMost of the deaths occurred in three countries, where convoys "
    "are regularly ambushed.",
    "crime statistics": "Murder rate falls for third year\n\nThe number of murders fell by 8 "
    "percent last year, police figures released on Tuesday showed, while kidnappings rose by "
    "a fifth.",
    "inquiry": "Inquiry faults police over old protests\n\nAn independent inquiry published "
    "on Tuesday found that police used excessive force against demonstrators during the "
    "2019 protests, in which 14 people were killed.",
    "sanctions": "Sanctions imposed on militia leaders\n\nThe government on Tuesday imposed "
    "sanctions on five militia leaders accused of ordering attacks on civilians and looting "
    "aid warehouses.",
    "robbery": "Two held after shopkeeper killed in robbery\n\nPolice on Sunday arrested two "
    "men suspected of shooting dead a shopkeeper during a robbery in the city's eastern "
    "district on Saturday night.",
    "flood": "Floods kill 30 in southern region\n\nAt least 30 people were killed after heavy "
    "rains caused rivers to burst their banks in the southern region on Sunday, officials "
    "said.",
    "accident": "Gas explosion at factory kills five\n\nFive workers were killed when a gas "
    "cylinder exploded at a textile factory outside the capital on Monday, the fire brigade "
    "said. Investigators said a leak was the likely cause.",
    "opinion": "Opinion: the war nobody wants to end\n\nEvery week brings news of another "
    "village burned, another convoy ambushed. The militias kill with impunity and the army "
    "answers with air strikes that too often hit civilians.",
    "plan": "Unions threaten nationwide strike\n\nThe unions said on Wednesday they would hold "
    "protests in every major city next week if the government does not withdraw the fuel "
    "price rise.",
    "warning": "Analysts warn of election violence\n\nAnalysts warned on Friday that armed "
    "groups could attack polling stations during next month's elections.",
    "heart attack": "Mayor dies of heart attack\n\nThe city's mayor died on Monday after "
    "suffering a heart attack at his office, his spokesman said.",
    "science": "Immune cells attack tumour\n\nScientists said on Monday that engineered immune "
    "cells attacked and destroyed tumours in mice, raising hopes for a new cancer treatment.",
    "film review": "Review: a soldier's war\n\nThe film follows a commander whose unit is "
    "ambushed in a mountain valley; he calls in an air strike that kills eleven civilians. "
    "The director stages the firefight with realism, and the lead actor is superb.",
    "drill": "Troops rehearse urban assault\n\nHundreds of soldiers stormed a mock village "
    "outside the capital on Tuesday during an exercise, the defence ministry said.",
    "designation": "Government lists rebel group as terrorist organisation\n\nThe government "
    "on Tuesday designated the rebel group a terrorist organisation, blaming it for a string "
    "of bombings and kidnappings in the east.",
    "displacement": "Displaced families struggle in crowded camps\n\nMore than 40,000 people "
    "who fled fighting in the north are living in crowded camps outside the city, short of "
    "food and water, aid agencies said on Tuesday.",
    "profile": "Who are the rebels of the eastern hills?\n\nIts fighters are known for raiding "
    "villages at night, abducting children and burning crops.",
    "depot fire": "Fire at oil terminal\n\nFirefighters were battling a huge fire at the oil "
    "terminal near the port on Tuesday after a series of explosions. At least nine people "
    "have been killed, the health ministry said. Homes within a kilometre are being "
    "evacuated, and residents were evacuated from two nearby villages overnight.",
    "storm": "Storm lashes the islands\n\nA violent storm battered the islands on Monday, "
    "flattening crops and killing three fishermen whose boat was caught at sea, the coast "
    "guard said.",
}


@pytest.mark.parametrize("genre", sorted(NEGATIVES))
def test_a_story_of_no_incident_gives_no_event(pipeline: Pipeline, genre: str) -> None:
    assert story_events(pipeline, REF, NEGATIVES[genre]) == []


TWINS = {
    "toll rose after clashes": "Toll rises after clashes in Dravik\n\nThe death toll rose to "
    "12 on Tuesday after clashes between police and protesters in Dravik, Kenya, on Monday, "
    "hospital officials said.",
    "attacks that killed": "Attacks on police posts kill six\n\nAttacks on two police posts "
    "in Garissa, Kenya, killed six officers on Monday, a police spokesman said.",
    "first since a year": "Rebels attack Garissa\n\nRebels on Monday attacked Garissa in "
    "Kenya for the first time since 2019, killing four soldiers, the army said.",
    "arrest of the accused": "Two held over killing of trader\n\nPolice in Garissa, Kenya, "
    "on Monday arrested two al-Shabaab militants accused of killing a trader.",
    "march on an anniversary": "Protesters march on anniversary\n\nThousands of protesters "
    "marched through Nairobi on Monday to mark the anniversary of the 2019 crackdown, and "
    "police fired tear gas to disperse them.",
}


@pytest.mark.parametrize("case", sorted(TWINS))
def test_the_twin_that_reports_an_incident_keeps_it(pipeline: Pipeline, case: str) -> None:
    assert len(story_events(pipeline, REF, TWINS[case])) == 1


def test_a_sentence_going_on_with_an_old_incident_adds_nothing_to_the_new_one(
    pipeline: Pipeline,
) -> None:
    text = (
        "Fighters take Garissa\n\nAl-Shabaab fighters on Monday took control of Garissa, "
        "Kenya, after the army withdrew, residents said. Garissa was attacked in November by "
        "the same group. On that occasion the militants struck the army base with a car bomb "
        "driven by a suicide attacker, killing dozens on both sides."
    )
    events = story_events(pipeline, REF, text)
    assert len(events) == 1
    assert events[0].fatalities == 0
    assert events[0].sub_event_type != "Suicide bomb"


@pytest.mark.parametrize(
    "text",
    [
        "Continued clashes between the army and rebels in the hills near Karbala",
        "Death toll in suspected rebel attacks in the east rises to 16",
        "Mortar bombs fell on a school in the south of Kabul, killing three children",
    ],
)
def test_news_of_ongoing_fighting_is_an_event(pipeline: Pipeline, text: str) -> None:
    """'Continued clashes', a rising toll and falling bombs are the day's news, not a
    pattern or a statistic."""
    assert story_events(pipeline, REF, text)
