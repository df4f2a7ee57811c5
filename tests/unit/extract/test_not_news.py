"""More stories that tell no new incident: a ceremony at the site of an old massacre, an
obituary of a commander, compensation for an old bombing, a rights report summing up
killings in many cities. Each names violence with a day the story states (the
ceremony's, the death's, the payment's, the report's); none reports an incident of that
day. Sentences written for these tests; the twins keep their incident."""

from datetime import date

import pytest

from warwire.pipeline import Pipeline
from warwire.testing import story_events

REF = date(2024, 3, 12)  # a Tuesday

NEGATIVES = {
    "ceremony at an old site": "Survivors remember the hotel siege\n\nRelatives and "
    "survivors gathered on Tuesday at the seafront hotel where gunmen killed 166 people "
    "over three days in November 2008.",
    "obituary": "Former general dies at 84\n\nA retired general who led the army's "
    "offensive against separatist rebels in the 1990s died on Sunday at the age of 84, his "
    "family said.",
    "compensation": "Families of bombing victims receive compensation\n\nThe government on "
    "Tuesday began paying compensation to the families of 56 people killed in a suicide "
    "bombing at a mosque last year.",
    "many cities": "Report documents killings by security forces\n\nThe group said on "
    "Monday that police fired live ammunition at crowds in at least 12 cities and detained "
    "thousands.",
    "hackers": "Hackers hit central bank\n\nHackers attacked the central bank's computer "
    "systems on Monday, stealing customer data, officials said.",
    "derailment": "Train derails near station, several dead\n\nAt least six people were "
    "killed on Tuesday morning when a passenger train left the tracks outside the station, "
    "the rail operator said. Officials found no sign of sabotage.",
    "film plot": "Review: Night at the Outpost\n\nThe film opens on a Monday morning at a "
    "remote outpost, where a patrol is ambushed by gunmen and two soldiers are killed. By "
    "Tuesday the captain has ordered a raid on the village.\n\nThe cast is strong, though "
    "the script drags. In cinemas from Friday.",
    "debate": "Senator attacks rival over tax plan\n\nThe senator launched a fierce attack "
    "on her rival on Monday. The two clashed again during a televised debate on Monday "
    "night, and the party's leader stormed out of the studio.",
    "chess": "Grandmaster's attack crushes rival\n\nThe grandmaster launched a ferocious "
    "attack on Tuesday, sacrificing a rook before capturing his rival's queen; checkmate "
    "came two moves later.",
    "plant blast": "Explosion rocks chemical plant\n\nPolice ruled out terrorism after an "
    "explosion tore through a chemical plant on Tuesday morning, killing three workers. A "
    "bomb squad was sent to the scene as a precaution.",
    "a year on": "School reopens\n\nPupils returned on Monday to the school where a "
    "gunman killed ten students a year ago.",
    "feared attacks": "Defence ministers meet\n\nThe two defence ministers met on Tuesday "
    "amid concerns about militant attacks along their shared border.",
    "past campaigns": "Polio drive begins\n\nHealth workers began a vaccination drive on "
    "Monday. Security was stepped up after attacks on vaccinators in past campaigns.",
    "set to march": "Opposition to march\n\nOpposition supporters are set to stage a "
    "protest march in the capital on Thursday, organisers said.",
    "ready to march": "Critics defy ban\n\nCritics of the president looked ready to stage "
    "a protest march on Sunday.",
    "a truce that stands": "Calm in the hills\n\nLife returned to the markets on Sunday, "
    "even though the government has declared a ceasefire only in the west.",
    "a place described": "Farmers return\n\nFarmers returned on Sunday to a valley where "
    "the army patrols the roads because rebels have ambushed convoys.",
    "a truce in a description": "Farmers return\n\nFarmers returned on Sunday to a zone "
    "where the army and rebels clash from time to time even though the government has "
    "declared a ceasefire.",
    "a history over paragraphs": "The battle that changed the frontier\n\nIn the spring of "
    "1879, a column of soldiers crossed the river into the kingdom.\n\nThe invaders "
    "pitched camp beneath a rocky hill. At dawn, thousands of warriors attacked the camp "
    "from three sides, overwhelming the defenders within hours.\n\nMore than 1,300 "
    "soldiers were killed, and the survivors fled back across the river.",
    "a background paragraph": "Verdict due in bombing trial\n\nJudges entered the "
    "courtroom on Tuesday morning to read the verdict.\n\nBackground: the gunmen opened "
    "fire on the crowd and detonated explosives, before police stormed the building.",
    "a hospital visit": "President visits wounded\n\nThe president visited soldiers wounded "
    "in fighting against the rebels at a military hospital in the capital on Wednesday.",
    "families of the killed": "Families compensated\n\nThe government on Tuesday began "
    "paying compensation to the families of 56 people killed in a suicide bombing at a "
    "mosque.",
    "a military exercise": "Joint forces end drills\n\nMore than 5,000 troops completed two "
    "weeks of joint exercises on Friday at a training range in the desert.\n\nIn the final "
    "phase, special forces stormed a mock compound and artillery units shelled hostile "
    "positions 30 kilometres away. The chief of staff said the drills had tested the "
    "forces' readiness.",
    "riot police training": "Police train for riots\n\nRiot police practised crowd-control "
    "tactics on Tuesday at the national academy, firing tear gas at officers posing as "
    "protesters.",
    "protests in a number of towns": "Unrest spreads\n\nAfter the activist was shot, "
    "demonstrations broke out on Sunday in a number of the province's cities and towns.",
}


@pytest.mark.parametrize("genre", sorted(NEGATIVES))
def test_a_story_of_no_new_incident_gives_no_event(pipeline: Pipeline, genre: str) -> None:
    assert story_events(pipeline, REF, NEGATIVES[genre]) == []


TWINS = {
    "ceremony at an old site": "Gunmen storm hotel\n\nGunmen stormed a seafront hotel in "
    "Mombasa, Kenya, on Monday, killing six guests, police said.",
    "compensation": "Suicide bomber hits mosque\n\nA suicide bomber killed 12 worshippers "
    "at a mosque in Garissa, Kenya, on Monday, police said.",
    "set to march": "Opposition marches\n\nOpposition supporters staged a protest march in "
    "Nairobi, Kenya, on Monday, organisers said.",
    "a hospital visit": "President visits wounded\n\nThe president on Wednesday visited "
    "soldiers wounded in Monday's ambush near Garissa, Kenya.",
    "many cities": "Police fire on protesters\n\nPolice fired live ammunition at protesters "
    "in Nairobi, Kenya, on Monday, killing two, witnesses said.",
}


@pytest.mark.parametrize("case", sorted(TWINS))
def test_the_twin_that_reports_an_incident_keeps_it(pipeline: Pipeline, case: str) -> None:
    assert len(story_events(pipeline, REF, TWINS[case])) == 1


@pytest.mark.parametrize(
    "aside",
    [
        "Speaking to reporters in Nairobi, the police chief said the attackers shot three "
        "villagers dead.",
        "The attackers shot three villagers dead, a Nairobi reporter said.",
        "The attackers shot three villagers dead, said a rights group based in Nairobi.",
    ],
)
def test_the_place_a_source_speaks_from_is_not_a_second_incident(
    pipeline: Pipeline, aside: str
) -> None:
    """Where a speaker spoke, where a group is based, an outlet's name: none is where
    the incident happened, so the sentence retells the incident already coded."""
    text = (
        "Gunmen kill three in Garissa\n\nGunmen killed three villagers in Garissa, Kenya, "
        "on Monday, police said. " + aside
    )
    events = story_events(pipeline, REF, text)
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.name == "Garissa"


@pytest.mark.parametrize(
    "headline",
    [
        "Nine people including three children killed in shelling on a market in Tel Marun",
        "Five soldiers killed during clashes in the countryside of Besa",
    ],
)
def test_a_headline_participle_tells_the_incident_not_who_its_victims_are(
    pipeline: Pipeline, headline: str
) -> None:
    # headlines drop "were": "X killed in shelling" is the news, unlike "visited X wounded"
    assert len(story_events(pipeline, REF, headline)) == 1
