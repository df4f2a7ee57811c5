"""Round 3: fatalities phrasing, single-event tolls, victim groups (no parse needed)."""

from hypothesis import given
from hypothesis import strategies as st

from warwire.extract.aggregates import AggregateKind, find_aggregate
from warwire.extract.numbers import fatalities, is_generic_victim


def test_two_groups_in_one_sentence_add_up() -> None:
    got = fatalities("On Monday 9 RSF fighters were killed near Bara and the army lost two men.")
    assert got is not None and got.value == 11
    assert got.victims == ("rsf fighters", "men")


def test_lost_soldiers_is_killed() -> None:
    got = fatalities("The army lost 12 soldiers in the ambush near Menaka.")
    assert got is not None and got.value == 12 and got.stated


def test_lost_drones_is_no_death_toll() -> None:
    assert fatalities("The militia lost three drones over the weekend.") is None


def test_claimed_the_lives_and_bodies_and_dead() -> None:
    for text, value in (
        ("The shelling claimed the lives of seven villagers.", 7),
        ("Rescuers pulled 14 bodies from the rubble in Gaza City.", 14),
        ("Eight dead after gunmen stormed a bar in Cali.", 8),
    ):
        got = fatalities(text)
        assert got is not None and got.value == value, text


def test_revised_single_event_toll_is_not_an_aggregate() -> None:
    text = "The death toll from Friday's bombing in Kabul rose to 31, officials said."
    assert find_aggregate(text) is None
    got = fatalities(text)
    assert got is not None and got.value == 31 and got.revised


def test_yearly_toll_stays_a_running_total() -> None:
    agg = find_aggregate("The toll from bandit attacks in Zamfara this year has risen to 400.")
    assert agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL and agg.value == 400


def test_injuries_stay_out() -> None:
    got = fatalities("Five soldiers were killed and 3 wounded in the blast.")
    assert got is not None and got.value == 5


@given(st.integers(min_value=2, max_value=90), st.integers(min_value=2, max_value=90))
def test_distinct_groups_sum(a: int, b: int) -> None:
    if a == b:
        return
    got = fatalities(f"{a} soldiers were killed and the rebels lost {b} fighters.")
    assert got is not None and got.value == a + b


def test_generic_victims() -> None:
    assert is_generic_victim("") and is_generic_victim("people") and is_generic_victim("others")
    assert not is_generic_victim("lna fighters")
