"""Which ACLED sub-event type: who the sides are (armed, civilians, protesters, a
crowd), the weapon, the aircraft, the crowd's violence. Sentences written for
these tests."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.extract.cues import has
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Source

REF = date(2023, 3, 14)  # a Tuesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _subs(pipeline: Pipeline, text: str) -> list[str]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Wire Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return [e.sub_event_type for e in analysis.events]


CROWDS = [
    (
        "Soldiers opened fire on students protesting against fuel prices in Conakry on "
        "Monday, killing four of them.",
        "Excessive force against protesters",
    ),
    (
        "Security forces shot dead three protesters in Omdurman on Monday, medics said.",
        "Excessive force against protesters",
    ),
    # a crackdown is the state's, though the sentence names no force
    (
        "Three marchers were killed in the crackdown on Friday's rally in Mopti, doctors said.",
        "Excessive force against protesters",
    ),
    (
        "Police used rubber bullets to scatter demonstrators in Valparaiso on Monday.",
        "Protest with intervention",
    ),
    ("Police arrested 40 protesters in Grodno on Monday.", "Protest with intervention"),
    # an organised group's lynching is its attack on a defenceless person
    ("A vigilante group lynched a herder in Tamale on Sunday.", "Attack"),
    # a crowd's protest told without a protest word: slogans, placards
    (
        "Hundreds of nurses gathered outside the ministry in Accra on Monday, chanting "
        "slogans against unpaid wages.",
        "Peaceful protest",
    ),
    (
        "Dozens of widows stood outside the court in Tamale on Monday holding placards "
        "with the names of their husbands.",
        "Peaceful protest",
    ),
    # where they demonstrated is no object of the verb ("demonstrated that ...")
    (
        "Police fired tear gas at nurses demonstrating outside the health ministry in Lusaka "
        "on Monday.",
        "Protest with intervention",
    ),
    (
        "Demonstrators hurled stones at police and set two lorries on fire in Kisumu on "
        "Monday during a protest over the election results.",
        "Violent demonstration",
    ),
    # the crowd may be the other side of the clash
    (
        "Riot police clashed with supporters of the governor in Blantyre on Monday.",
        "Violent demonstration",
    ),
    # a headline's present tense, with what burned
    ("Traders torch council offices in Kasese over market fees", "Violent demonstration"),
    # a petrol bomb is a crowd's weapon, not an aircraft's or a planted device
    (
        "Students threw petrol bombs at riot police in Valparaiso on Monday.",
        "Violent demonstration",
    ),
    (
        "Unknown men hurled a petrol bomb at a union office in Ndola on Monday.",
        "Looting/property destruction",
    ),
    # counted supporters are still a crowd, and their attack on a rally is no peaceful one
    (
        "Hundreds of supporters of the governor attacked a rally of the opposition in Jos on "
        "Monday, injuring 12 people.",
        "Violent demonstration",
    ),
    (
        "Protesters clashed with police in Thies on Monday, and two people were killed.",
        "Violent demonstration",
    ),
    (
        "A crowd of villagers stormed a police station in Gampaha on Monday.",
        "Violent demonstration",
    ),
    (
        "On Monday a mob in Mzuzu beat to death a man they accused of stealing a goat.",
        "Mob violence",
    ),
    (
        "Villagers near Fort Portal beat two suspected thieves to death on Monday.",
        "Mob violence",
    ),
    (
        "On Monday, a crowd of youths looted shops owned by foreign nationals in "
        "Pietermaritzburg and set some of them alight.",
        "Mob violence",
    ),
    (
        "Protesters gathered peacefully outside the city hall in Kutaisi on Monday.",
        "Peaceful protest",
    ),
]

SIDES = [
    (
        "Gunmen stormed the village of Tungan Kudu on Monday and killed eleven farmers.",
        "Attack",
    ),
    (
        "Gang members attacked a neighbourhood in Cap-Haitien on Monday, killing seven residents.",
        "Attack",
    ),
    (
        "Gang members launched an assault on two neighbourhoods of Cap-Haitien on Monday.",
        "Attack",
    ),
    (
        "Gunmen attacked an army checkpoint near Ouallam on Monday, killing three soldiers.",
        "Armed clash",
    ),
    (
        "The ELN attacked a military base in Saravena on Monday, killing two soldiers.",
        "Armed clash",
    ),
    ("Insurgents torched a dozen houses in Gwoza on Monday.", "Looting/property destruction"),
]

WEAPONS = [
    ("A Russian suicide drone hit an apartment block in Dnipro on Monday.", "Air/drone strike"),
    (
        "Sudanese warplanes bombed a market in Ed Daein on Monday, killing 12 civilians.",
        "Air/drone strike",
    ),
    (
        "Rockets fired from across the border hit an open field near Metula on Monday, "
        "the army said.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A suicide bomber blew himself up at a mosque in Bannu on Monday, killing 20 worshippers.",
        "Suicide bomb",
    ),
    (
        "Militants detonated a roadside bomb against a police patrol near Gardez on Monday.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A grenade thrown at a bus stop in Jammu wounded six people on Monday.",
        "Grenade",
    ),
    # a drone's make or number sits between the launch and the target
    (
        "Russian forces launched 40 Geran attack drones at the port of Izmail on Monday.",
        "Air/drone strike",
    ),
    # a public flogging is violence against the flogged
    (
        "Taliban fighters publicly flogged four men in a stadium in Kunduz on Monday.",
        "Attack",
    ),
]

STRATEGIC = [
    # armed herders raiding a village are no mob, whatever their trade
    (
        "Armed herders raided a farming village near Wukari on Monday, killing 11 people.",
        "Attack",
    ),
    # people seized are abducted; soldiers seized in an ambush were part of the fight
    (
        "Bandits raided a seminary near Zuru on Monday and seized 14 students.",
        "Abduction/forced disappearance",
    ),
    (
        "Insurgents captured nine soldiers in an ambush near Diffa on Monday.",
        "Armed clash",
    ),
    ("Rebels captured the town of Masisi on Monday.", "Non-state actor overtakes territory"),
    (
        "Police in Multan arrested an opposition leader on Monday, two days after a rally "
        "his party held in the city.",
        "Arrests",
    ),
    (
        "Army soldiers arrested a cartel leader in Culiacan on Monday and seized rifles.",
        "Arrests",
    ),
    ("Air defences intercepted six missiles over Lviv on Monday.", "Disrupted weapons use"),
    # a seizure names what was seized, with its count and make in between
    (
        "Customs officers in Tema seized 60 pistols and 3,000 rounds hidden in a container "
        "on Monday.",
        "Disrupted weapons use",
    ),
    (
        "Soldiers found a cache of AK-47 rifles in a farmhouse near Beni on Monday.",
        "Disrupted weapons use",
    ),
    (
        "A military helicopter crashed near Gao on Monday after a technical fault, the army said.",
        "Other",
    ),
    (
        "Troops found a roadside bomb near Tessit on Monday and destroyed it.",
        "Disrupted weapons use",
    ),
    (
        "Herders led soldiers to two improvised explosive devices near Tessit on Monday.",
        "Disrupted weapons use",
    ),
    (
        "Troops found a roadside bomb near Tessit on Monday; it exploded, wounding two.",
        "Remote explosive/landmine/IED",
    ),
    (
        "The army said on Monday it had won back the town of Tessalit from the rebels.",
        "Government regains territory",
    ),
    ("The army declared a curfew in the town of Mubi on Sunday.", "Other"),
]


@pytest.mark.parametrize(("text", "sub"), CROWDS + SIDES + WEAPONS + STRATEGIC)
def test_sub_event_type(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _subs(pipeline, text) == [sub]


def test_a_mob_stopping_a_car_is_no_interception(pipeline: Pipeline) -> None:
    assert "Disrupted weapons use" not in _subs(
        pipeline, "Villagers intercepted a lorry carrying cattle near Zaria on Monday."
    )


def test_bodies_found_after_a_bombing_tell_the_bombing(pipeline: Pipeline) -> None:
    text = "Police found two bodies near Tessit on Monday after a roadside bomb attack."
    assert _subs(pipeline, text) == ["Remote explosive/landmine/IED"]


def test_a_board_room_clash_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Mining companies clashed with regulators in Lusaka on Monday over a new royalty, "
        "and the battle over the levy may delay investment."
    )
    assert _subs(pipeline, text) == []


def test_riot_police_and_own_accord_are_no_triggers(pipeline: Pipeline) -> None:
    subs = _subs(
        pipeline,
        "Riot police patrolled the market in Bouake on Monday. The rebels left the hills "
        "of their own accord on Monday.",
    )
    assert "Violent demonstration" not in subs
    assert "Agreement" not in subs


def test_headline_guess_gives_way_to_stated_victims(pipeline: Pipeline) -> None:
    subs = _subs(
        pipeline,
        "Fresh attack in Bangassou\n\nArmed men attacked Bangassou on Monday. The gunmen "
        "opened fire on traders at the market in Bangassou on Monday.",
    )
    assert subs == ["Attack"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("crowd_violence", "riot police moved in", False),
        ("crowd_violence", "rioters smashed shop windows", True),
        ("crowd_violence", "they set three cars on fire", True),
        ("mob_cues", "shops owned by foreigners were looted", True),
        ("protest_context", "youths burned tyres on the bridge", True),
        ("firing_on", "police fired tear gas at them", True),
        ("less_lethal", "police fired tear gas at them", True),
        ("armed_victims", "an attack on an army post", True),
        ("armed_victims", "an attack on a market", False),
    ],
)
def test_cue_lists(name: str, text: str, expected: bool) -> None:
    assert has(name, text) is expected


def test_a_semicolon_separates_two_happenings(pipeline: Pipeline) -> None:
    text = (
        "Government artillery shelled the outskirts of Kadugli on Monday; in Dilling, "
        "a drone struck a fuel depot."
    )
    assert sorted(_subs(pipeline, text)) == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]
