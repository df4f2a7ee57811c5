"""A sentence's own death toll, ACLED's way: each figure tied to what it counts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.extract.numbers import fatalities
from warwire.extract.quantities import parse_number


def toll(text: str) -> int | None:
    got = fatalities(text)
    return None if got is None else got.value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-three", 23),
        ("a hundred and five", 105),
        ("one thousand two hundred and forty", 1240),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a couple of", 2),
        ("1.5 million", 1_500_000),
        ("4 500", 4500),
        ("tens of thousands", 10_000),
        ("scores", 20),
        ("12-15", 12),
        ("both", 2),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert parse_number(words) == value


@given(st.text(alphabet="0123456789", min_size=16, max_size=800))
def test_long_digit_strings_never_raise(digits: str) -> None:
    assert parse_number(digits) is None
    got = fatalities(f"The raid killed {digits} people.")
    assert got is None or got.value < 10**7


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # qualifiers keep the figure; ranges their low end
        ("No fewer than nine herders died in the raid on the camp.", 9),
        ("More than 15 recruits were killed at the training ground.", 15),
        ("Up to 40 passengers are feared dead after the bus was set ablaze.", 40),
        ("Nearly thirty fishermen were killed when the boat was shelled.", 30),
        ("Between 8 and 11 villagers were slain overnight.", 8),
        ("Gunmen shot dead 6 to 9 worshippers outside the chapel.", 6),
        ("The ambush left five or six police officers dead.", 5),
        ("Militiamen killed some 25 farmers in the valley.", 25),
        ("Rebels killed 31 or more traders on the highway.", 31),
        # the figure far from its verb
        ("Six members of the village self-defence committee from the north were killed.", 6),
        ("At least seven fighters of the Popular Front (PF) lost their lives on Monday.", 7),
        ("Eleven soldiers, who had been escorting a fuel convoy, were killed.", 11),
        # enumerations and parts
        ("A boy, two women and an elderly man were killed in the shelling.", 4),
        ("Three soldiers and a customs officer died at the border post.", 4),
        ("The drone killed two commanders and three bodyguards.", 5),
        ("Nine people, including four children, died when the shell hit the house.", 9),
        ("The bombing killed 14 people, six of them students, and wounded 20.", 14),
        ("Two of the seven hostages were executed.", 2),
        (
            "Officials said 12 were killed: five in the market, four at the mosque, three nearby.",
            12,
        ),
        # deaths apart from injuries, arrests and the like
        ("The blast killed four and injured 23 others.", 4),
        ("Police said 3 were killed and 17 wounded.", 3),
        ("The attack left 2 dead, 9 hurt and 30 homeless.", 2),
        ("Gunmen killed one guard and kidnapped 15 pupils.", 1),
        ("The shelling left eight civilians wounded.", 0),
        ("Seventeen demonstrators were arrested and two were shot dead.", 2),
        # victims without a number
        ("A police officer was shot dead at the checkpoint.", 1),
        ("The governor's aide was killed in the blast.", 1),
        ("Soldiers fired on the driver and killed him.", 1),
        ("Asha Noor and Karim Bello were killed by the mortar round.", 2),
        ("Rescuers recovered the bodies of three miners.", 3),
        ("Troops killed both suspects.", 2),
        ("The raiders burned homes and killed several residents.", 3),
        ("The massacre killed many villagers.", 10),
        ("Dozens were killed in the shelling of the market.", 12),
        ("Hundreds of people died in the siege of the camp.", 100),
        # a suicide attacker: the victims as reported; the attacker alone is 1
        ("A suicide bomber blew himself up at the gate, killing three guards.", 3),
        ("A suicide bomber blew himself up near the gate.", 1),
        ("Eight fighters from both sides died in the clashes.", 8),
        ("Dozens of recruits were killed; the militants said 52 soldiers died.", 52),
        # nobody died
        ("No one was killed when the rocket struck an empty warehouse.", 0),
        ("The grenade exploded without casualties.", 0),
        ("A crowd marched against the recent killing of a teacher in the town.", None),
        ("Police shot dead two robbers accused of killing a shopkeeper.", 2),
    ],
)
def test_own_toll(text: str, value: int | None) -> None:
    assert toll(text) == value, text


def test_agents_are_not_victims() -> None:
    assert toll("Two gunmen on a motorbike killed a local councillor.") == 1
    assert toll("Four attackers stormed the hotel and guests were killed.") == 3
    assert toll("An explosive device killed three soldiers.") == 3


def test_dates_and_ages_are_not_victims() -> None:
    assert toll("On 14 March a mine killed two herders.") == 2
    assert toll("A farmer aged 62 was hacked to death.") == 1
    assert toll("The 4th battalion lost nine soldiers.") == 9


def test_mixed_counts_are_no_toll() -> None:
    got = fatalities("About 60 fighters were killed or wounded in the offensive.")
    assert got is not None and got.value == 0 and got.mixed
    assert toll("The clashes caused 40 casualties.") is None


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=900), st.integers(min_value=1, max_value=900))
def test_killed_and_wounded_never_mix(dead: int, hurt: int) -> None:
    assert toll(f"The attack killed {dead} people and wounded {hurt} others.") == dead
    assert toll(f"{dead} were killed and {hurt} injured in the blast.") == dead


def test_a_part_of_the_dead_or_one_victim_in_passing_yields_to_a_whole_toll() -> None:
    part = fatalities("An elderly woman was among the dead, her son said.")
    passing = fatalities("A man was found dead beside the road at dawn.")
    counted = fatalities("One man was killed in the crossfire.")
    assert part is not None and part.value == 1 and part.rough
    assert passing is not None and passing.value == 1 and passing.rough
    assert counted is not None and counted.value == 1 and not counted.rough


def test_a_wave_of_attacks_leaves_a_total_not_a_toll() -> None:
    got = fatalities("Wave of rebel raids leaves 40 dead in the east")
    assert got is not None and got.value == 0 and got.totals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # one-victim items of a list add up wherever they stand in it
        ("Bandits shot dead a nurse, three patients and a guard at the clinic.", 5),
        ("The militia killed four herders, a trader and a boy near the well.", 6),
        # a total that equals its parts is a breakdown only when the text breaks it down
        ("Raids killed 9 people overnight: four in Ngala and five in Rann.", 9),
        ("Gunmen killed two miners, a driver and a cook.", 4),
    ],
)
def test_listed_victims_add_up(text: str, value: int) -> None:
    assert toll(text) == value
