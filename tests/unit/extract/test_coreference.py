"""Within-document coreference on hand-built drafts: when two mentions are one incident."""

from datetime import date

from warwire.extract.coreference import corefer, place_level, places_agree
from warwire.extract.merging import Draft
from warwire.extract.numbers import Fatalities
from warwire.extract.records import Reading, Where
from warwire.extract.rules import Decision
from warwire.extract.triggers import TriggerHit
from warwire.types import Actor, Hedge, Place, Polarity, Span, Toponym, When

DAY = When(date(2024, 5, 6), date(2024, 5, 6), 1)
WINDOW = When(date(2024, 5, 5), date(2024, 5, 6), 2)


def _where(name: str, lat: float, lon: float, feature: str = "PPL", code: str = "NG") -> Where:
    place = Place(name, lat, lon, country_code=code, admin1="Borno", feature=feature)
    return Where(name, Span("d", 0, len(name)), Toponym(Span("d", 0, len(name)), name, place))


TOWN_A = _where("Alpha", 11.80, 13.10)
TOWN_A_NEAR = _where("Alpha East", 11.85, 13.15)
TOWN_B = _where("Bravo", 12.60, 14.00)
REGION = _where("Borno", 11.50, 13.00, feature="ADM1")
COUNTRY = Where("Nigeria", None)


def _draft(sub: str, where: Where | None, when: When, start: int, dated: bool = True,
           actor1: Actor | None = None) -> Draft:  # fmt: skip
    hit = TriggerHit(sub, 10, 0, 0, 1)
    reading = Reading(
        decision=Decision(sub, hit),
        sentence=Span("d", start, start + 10),
        polarity=Polarity.ASSERTED,
        claimant="Desk",
        hedge=Hedge.NONE,
        actor1=actor1,
        actor2=None,
        actor1_span=None,
        actor2_span=None,
        assoc1=(),
        assoc2=(),
        wheres=(where,) if where else (),
        when=when,
        deaths=None,
        equipment=(),
        aggregate=None,
        casualty_only=False,
        dated=dated,
    )
    return Draft(sub, where, when, [reading])


def test_place_levels() -> None:
    assert place_level(None) == 0
    assert place_level(COUNTRY) == 1
    assert place_level(REGION) == 2
    assert place_level(TOWN_A) == 4


def test_places_agree_within_a_few_kilometres_and_inside_their_region() -> None:
    assert places_agree(TOWN_A, TOWN_A_NEAR)
    assert not places_agree(TOWN_A, TOWN_B)
    assert places_agree(TOWN_A, REGION)
    assert places_agree(TOWN_B, COUNTRY)


def test_a_place_abroad_disagrees_unless_it_is_the_headline_country() -> None:
    abroad = _where("Charlie", 11.9, 13.2, code="CM")
    assert not places_agree(TOWN_A, abroad)
    country_abroad = _where("Cameroon", 6.0, 12.0, feature="PCLI", code="CM")
    assert places_agree(TOWN_A, country_abroad, headline=True)


def test_headline_joins_the_body_and_gives_way_to_its_place_and_day() -> None:
    body = _draft("Attack", TOWN_A, DAY, 100)
    head = _draft("Attack", COUNTRY, WINDOW, 0, dated=False)
    (merged,) = corefer([head, body], headlines=[head.readings[0].sentence])
    assert merged.where is TOWN_A and merged.when == DAY
    assert len(merged.readings) == 2


def test_two_stated_days_or_two_towns_are_two_incidents() -> None:
    monday = _draft("Attack", TOWN_A, DAY, 0)
    sunday = _draft("Attack", TOWN_A, When(date(2024, 5, 5), date(2024, 5, 5), 1), 50)
    elsewhere = _draft("Attack", TOWN_B, DAY, 100)
    assert len(corefer([monday, sunday, elsewhere])) == 3


def test_opposite_roles_of_one_named_actor_are_two_incidents() -> None:
    army = Actor("Military Forces of Nigeria", 1, "NG", actor_id="mil-ng")
    lost = _draft("Disrupted weapons use", COUNTRY, WINDOW, 0, dated=False)
    lost.readings[0] = Reading(**{**_fields(lost.readings[0]), "actor2": army})
    downed = _draft("Disrupted weapons use", COUNTRY, WINDOW, 50, dated=False, actor1=army)
    assert len(corefer([lost, downed])) == 2


def _fields(reading: Reading) -> dict:
    return {name: getattr(reading, name) for name in Reading.__dataclass_fields__}


def test_an_unresolved_unit_name_counts_as_a_region() -> None:
    district = Where("Zulu district", Span("d", 0, 13))
    site = Where("Zulu market", Span("d", 0, 11))
    assert place_level(district) == 2
    assert place_level(site) == 4
    assert places_agree(district, TOWN_A)


def test_police_fire_on_a_protest_is_one_crowd_event() -> None:
    police = Actor("Police Forces of Nigeria", 1, "NG", actor_id="pol-ng")
    crowd = Actor("Protesters (Nigeria)", 6, "NG")
    protest = _draft("Protest with intervention", TOWN_A, DAY, 0, actor1=crowd)
    shooting = _draft("Attack", TOWN_A_NEAR, DAY, 50, actor1=police)
    killed = Fatalities(2, None, stated=True)
    shooting.readings[0] = Reading(**{**_fields(shooting.readings[0]), "deaths": killed})
    (merged,) = corefer([protest, shooting])
    assert merged.sub == "Excessive force against protesters"
    assert len(merged.readings) == 2


def test_an_armed_group_attack_beside_a_protest_stays_its_own_event() -> None:
    crowd = Actor("Protesters (Nigeria)", 6, "NG")
    rebels = Actor("Boko Haram", 2, "NG", actor_id="bh")
    protest = _draft("Peaceful protest", TOWN_A, DAY, 0, actor1=crowd)
    raid = _draft("Attack", TOWN_A, DAY, 50, actor1=rebels)
    assert len(corefer([protest, raid])) == 2


def test_a_killing_told_without_place_or_crowd_joins_the_located_attack() -> None:
    villagers = Actor("Civilians (Nigeria)", 7, "NG")
    unplaced = _draft("Mob violence", COUNTRY, DAY, 0, actor1=villagers)
    raid = _draft("Attack", TOWN_A, DAY, 50)
    (merged,) = corefer([unplaced, raid])
    assert merged.sub == "Attack" and merged.where is TOWN_A


def test_arrests_at_a_protest_are_its_intervention() -> None:
    crowd = Actor("Protesters (Nigeria)", 6, "NG")
    protest = _draft("Peaceful protest", TOWN_A, DAY, 0, actor1=crowd)
    arrests = _draft("Arrests", TOWN_A, DAY, 50)
    (merged,) = corefer([protest, arrests])
    assert merged.sub == "Protest with intervention"


def test_arrests_the_day_after_a_protest_stay_their_own_event() -> None:
    crowd = Actor("Protesters (Nigeria)", 6, "NG")
    protest = _draft("Peaceful protest", TOWN_A, When(date(2024, 5, 5), date(2024, 5, 5), 1), 0,
                     actor1=crowd)  # fmt: skip
    arrests = _draft("Arrests", TOWN_A, DAY, 50)
    assert len(corefer([protest, arrests])) == 2


def test_unplaced_arrests_after_a_located_attack_are_its_aftermath() -> None:
    raid = _draft("Attack", TOWN_A, DAY, 0)
    arrests = _draft("Arrests", COUNTRY, DAY, 50, dated=False)
    (merged,) = corefer([raid, arrests])
    assert merged.sub == "Attack"


def test_a_vague_mention_is_the_one_located_incident_of_its_kind() -> None:
    allies = Actor("Military Forces of Chad", 1, "TD", actor_id="mil-td")
    strikers = Actor("Military Forces of France", 1, "FR", actor_id="mil-fr")
    summary = _draft("Air/drone strike", COUNTRY, WINDOW, 0, dated=False, actor1=allies)
    strike = _draft("Air/drone strike", TOWN_A, DAY, 50, actor1=strikers)
    (merged,) = corefer([summary, strike])
    assert merged.where is TOWN_A and len(merged.readings) == 2


def test_a_vague_mention_beside_two_located_incidents_stays_apart() -> None:
    allies = Actor("Military Forces of Chad", 1, "TD", actor_id="mil-td")
    strikers = Actor("Military Forces of France", 1, "FR", actor_id="mil-fr")
    summary = _draft("Air/drone strike", COUNTRY, WINDOW, 0, dated=False, actor1=allies)
    here = _draft("Air/drone strike", TOWN_A, DAY, 50, actor1=strikers)
    there = _draft("Air/drone strike", TOWN_B, DAY, 100, actor1=strikers)
    assert len(corefer([summary, here, there])) == 3


def test_a_vague_riot_does_not_join_a_located_protest() -> None:
    protesters = Actor("Protesters (Nigeria)", 6, "NG")
    rioters = Actor("Rioters (Nigeria)", 5, "NG")
    protest = _draft("Peaceful protest", TOWN_A, DAY, 0, actor1=protesters)
    riot = _draft("Violent demonstration", COUNTRY, WINDOW, 50, dated=False, actor1=rioters)
    assert len(corefer([protest, riot])) == 2


def test_a_dated_riot_lede_with_no_place_joins_the_located_protest() -> None:
    protesters = Actor("Protesters (Nigeria)", 6, "NG")
    rioters = Actor("Rioters (Nigeria)", 5, "NG")
    lede = _draft("Violent demonstration", COUNTRY, DAY, 0, actor1=rioters)
    protest = _draft("Protest with intervention", TOWN_A, DAY, 50, actor1=protesters)
    (merged,) = corefer([lede, protest])
    assert merged.where is TOWN_A and len(merged.readings) == 2


def test_an_undated_riot_with_no_place_beside_a_located_protest_stays_apart() -> None:
    protesters = Actor("Protesters (Nigeria)", 6, "NG")
    rioters = Actor("Rioters (Nigeria)", 5, "NG")
    protest = _draft("Protest with intervention", TOWN_A, DAY, 0, actor1=protesters)
    riot = _draft("Violent demonstration", COUNTRY, DAY, 50, dated=False, actor1=rioters)
    assert len(corefer([protest, riot])) == 2
