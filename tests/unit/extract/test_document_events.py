"""Document-level event reading: one incident told several times is one event,
sentences that report no occurrence are not events, and unnamed sides get
ACLED's generic actors. Sentences written for these tests."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Hedge, Source

REF = date(2023, 3, 14)  # a Tuesday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _events(pipeline: Pipeline, text: str, title: str | None = None) -> list[Event]:
    doc = Document("t", "t", text, title=title, published=REF, source=Source(publisher="Wire Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


def test_headline_lede_and_body_are_one_event(pipeline: Pipeline) -> None:
    title = "Roadside bomb kills three soldiers in Kenya"
    text = (
        f"{title}\n\n"
        "Three Kenyan soldiers were killed on Monday when a roadside bomb struck their "
        "vehicle near Mandera, police said.\n\n"
        "The explosive device hit the patrol as it returned to base, a police officer said."
    )
    events = _events(pipeline, text, title)
    assert len(events) == 1
    (event,) = events
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.when.start == date(2023, 3, 13)
    assert event.place is not None and event.place.name == "Mandera"
    assert event.fatalities == 3


def test_two_towns_on_one_day_stay_two_events(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four villagers in Mubi on Sunday. "
        "Separately, gunmen killed two farmers in Gombi on Sunday."
    )
    places = {e.place.name for e in _events(pipeline, text) if e.place}
    assert {"Mubi", "Gombi"} <= places


def test_habitual_and_ongoing_sentences_are_not_events(pipeline: Pipeline) -> None:
    text = (
        "The militia frequently attacks convoys on the road to the border. "
        "The rebels have been trying to capture the provincial capital since last year."
    )
    assert _events(pipeline, text) == []


def test_a_tally_of_attacks_to_date_is_not_an_event(pipeline: Pipeline) -> None:
    text = (
        "Officials said on Monday that militants had attacked schools in the district "
        "30 times to date."
    )
    assert _events(pipeline, text) == []


def test_deaths_in_a_disaster_are_not_political_violence(pipeline: Pipeline) -> None:
    assert _events(pipeline, "A landslide buried the hamlet on Monday, killing 12 people.") == []
    assert _events(pipeline, "A bus crash killed nine passengers on the coast road.") == []
    attack = "Gunmen killed nine passengers on the coast road on Tuesday."
    assert [e.sub_event_type for e in _events(pipeline, attack)] == ["Attack"]


def test_a_robbery_or_a_quarrel_is_not_political_violence(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Robbers killed a trader during a holdup on Friday.") == []
    assert _events(pipeline, "A farmer shot dead his cousin in a land dispute on Sunday.") == []


def test_nobody_arrested_is_no_arrest(pipeline: Pipeline) -> None:
    text = "Police sealed off the market on Monday, but nobody was arrested."
    assert not [e for e in _events(pipeline, text) if e.sub_event_type == "Arrests"]


def test_accidental_blast_is_not_political_violence(pipeline: Pipeline) -> None:
    text = (
        "A gas leak caused a huge explosion at a bakery in Lyon on Monday, killing two "
        "people. Firefighters said the blast destroyed the shop."
    )
    assert _events(pipeline, text) == []


def test_unnamed_attackers_and_victims_get_generic_actors(pipeline: Pipeline) -> None:
    text = "Unknown assailants shot dead two villagers near Mubi on Monday."
    (event,) = _events(pipeline, text)
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.name.startswith("Civilians")


def test_named_source_is_according_to(pipeline: Pipeline) -> None:
    text = "Two soldiers were killed in an ambush near Mubi on Monday, the army said."
    (event,) = _events(pipeline, text)
    assert event.claims[0].hedge is Hedge.ACCORDING_TO
    assert event.claims[0].claimant != "Wire Desk"


def test_undated_incident_is_the_report_day_at_week_precision(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Soldiers clashed with rebels near Mubi, killing five.")
    assert event.when.event_date == REF and event.when.time_precision == 2


def test_nationality_before_a_weapon_names_the_state(pipeline: Pipeline) -> None:
    text = "Russian artillery units shelled a school in Kupiansk on Monday, killing two people."
    (event,) = _events(pipeline, text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"


def test_foreign_forces_taking_a_town_is_not_the_government_regaining_it(
    pipeline: Pipeline,
) -> None:
    text = "Russian troops captured the village of Novoselivka in eastern Ukraine on Monday."
    subs = {e.sub_event_type for e in _events(pipeline, text)}
    assert subs == {"Non-state actor overtakes territory"}


def test_blast_denied_to_be_an_attack_is_an_accident(pipeline: Pipeline) -> None:
    text = (
        "A huge blast killed three people at a warehouse in Marseille on Monday. "
        "Officials said a gas leak caused it and that it was not a terror attack."
    )
    assert _events(pipeline, text) == []


def test_war_words_in_a_match_report_are_figures_of_speech(pipeline: Pipeline) -> None:
    text = (
        "The striker led a fierce attack on the visitors' goal in the second half of the "
        "derby, and the referee booked two players as the league leaders stormed the box. "
        "The manager praised his squad after the match."
    )
    assert _events(pipeline, text) == []


def test_a_datelines_filing_date_is_not_the_incidents_day(pipeline: Pipeline) -> None:
    text = "KANO, March 14, 2023 - On Saturday gunmen killed two guards at a depot in Mubi."
    (event,) = _events(pipeline, text)
    assert event.when.event_date == date(2023, 3, 11) and event.when.time_precision == 1


def test_a_sentence_that_only_places_the_incident_gives_it_its_place(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen killed twelve villagers on Saturday in northern Nigeria. "
        "It happened in Mubi, a town close to the border."
    )
    (event,) = _events(pipeline, text)
    assert event.place is not None and event.place.name == "Mubi"


def test_the_town_hit_not_the_speakers_region(pipeline: Pipeline) -> None:
    text = (
        "The governor of the Borno region said on Monday that shelling hit Gwoza, "
        "killing two people."
    )
    (event,) = _events(pipeline, text)
    assert event.place is not None and event.place.name == "Gwoza"


def test_a_foreign_nationality_is_not_the_events_country(pipeline: Pipeline) -> None:
    text = (
        "Fighting in Mubi and Gwoza continued. On Monday a Cameroonian drone struck a "
        "truck near the border, killing three people, Nigerian officials said."
    )
    countries = {e.place.country_code for e in _events(pipeline, text) if e.place}
    assert "CM" not in countries


def test_the_day_a_statement_was_made_gives_way_to_the_day_of_the_incident(
    pipeline: Pipeline,
) -> None:
    text = (
        "Speaking to reporters on Monday, March 13, the police chief said a mob had "
        "beaten two traders to death in Mubi.\n\n"
        "The crowd attacked the traders with sticks on Saturday, he said."
    )
    events = [e for e in _events(pipeline, text) if e.sub_event_type == "Mob violence"]
    assert len(events) == 1
    assert events[0].when.event_date == date(2023, 3, 11)


def test_a_statement_day_alone_bounds_the_incident_without_dating_it(
    pipeline: Pipeline,
) -> None:
    (event,) = _events(pipeline, "Police said on Sunday that gunmen killed two guards in Mubi.")
    assert event.when.event_date == date(2023, 3, 12) and event.when.time_precision == 2


def test_related_headlines_below_the_story_are_not_its_events(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed two guards at a depot in Mubi on Saturday, police said. "
        "The attackers fled on motorbikes. Residents said the town was calm on Sunday.\n\n"
        "Related\n"
        "Rebels seize border post in the far north\n"
        "Ten dead as troops shell market in Gombi\n"
    )
    events = _events(pipeline, text)
    assert [e.place.name for e in events if e.place] == ["Mubi"]


def test_a_story_cut_short_keeps_its_last_line(pipeline: Pipeline) -> None:
    text = (
        "Residents said the town was calm on Sunday. Schools reopened. Markets were busy.\n\n"
        "On Saturday, troops shelled the market in Gombi and killed ten tra"
    )
    assert [e.sub_event_type for e in _events(pipeline, text)] != []


def test_a_courts_account_of_an_old_killing_is_not_an_event(pipeline: Pipeline) -> None:
    text = (
        "A judge in the capital jailed a former rebel commander for life on Monday.\n\n"
        "The court heard that his men stormed a hamlet and shot six herders at a well."
    )
    assert _events(pipeline, text) == []
    convicted = "A soldier was convicted on Friday of shooting two students at a checkpoint."
    assert _events(pipeline, convicted) == []


def test_rockets_fired_in_a_drill_are_no_attack(pipeline: Pipeline) -> None:
    text = (
        "Artillery units fired rockets at targets off the coast on Monday during "
        "week-long drills, the navy said."
    )
    assert _events(pipeline, text) == []


def test_a_list_of_what_militants_do_is_a_pattern_not_an_event(pipeline: Pipeline) -> None:
    text = (
        "Why the insurgency spreads\n\n"
        "In the border districts, rebels block the highways, seize cattle and plant "
        "roadside bombs near the villages.\n\n"
        "Analysts say schools and jobs would do more than new army bases."
    )
    assert _events(pipeline, text) == []


def test_an_airliner_crash_is_no_downed_aircraft(pipeline: Pipeline) -> None:
    text = "A cargo plane crashed into a hillside on Sunday, killing its five crew, officials said."
    assert _events(pipeline, text) == []


def test_a_war_film_at_a_festival_is_no_battle(pipeline: Pipeline) -> None:
    text = (
        "Festival jury honours war drama\n\n"
        "A film about soldiers trapped in a besieged fortress took the main prize at the "
        "festival on Sunday. The director said the cast, led by a first-time actor, "
        "trained for months. The movie opens in cinemas next month."
    )
    assert _events(pipeline, text) == []


def test_sentences_after_a_remembered_incident_tell_the_same_past(pipeline: Pipeline) -> None:
    text = (
        "Valley marks two decades since the massacre\n\n"
        "Twenty years ago this month, soldiers surrounded the valley at dawn. They shot "
        "dozens of men by the river and burned the houses of the village.\n\n"
        "Survivors and relatives laid wreaths at the river bank on Sunday."
    )
    assert _events(pipeline, text) == []


def test_a_crowd_ready_to_march_has_not_marched(pipeline: Pipeline) -> None:
    text = "Opposition supporters looked ready to stage a protest march in the capital on Sunday."
    assert _events(pipeline, text) == []
    dispersed = "Police fired tear gas to disperse protesters in the capital on Sunday."
    assert [e.sub_event_type for e in _events(pipeline, dispersed)] == ["Protest with intervention"]


def test_deaths_when_gunmen_struck_are_an_attack(pipeline: Pipeline) -> None:
    text = "At least 40 villagers died on Sunday when gunmen struck in Mubi."
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Attack"
    assert event.fatalities == 40


def test_a_sources_lower_toll_completes_the_event(pipeline: Pipeline) -> None:
    text = (
        "At least 40 villagers died on Sunday when gunmen struck in Mubi.\n\n"
        "One elder put the death toll at 31; another gave a figure of 40."
    )
    (event,) = _events(pipeline, text)
    assert event.fatalities == 31


def test_one_body_told_in_passing_does_not_undercut_the_toll(pipeline: Pipeline) -> None:
    text = (
        "A dozen people were killed on Sunday as gunmen went on a rampage in Mubi.\n\n"
        "A neighbour wept over a woman found dead on a road in Mubi."
    )
    (event,) = _events(pipeline, text)
    assert event.fatalities == 12


def test_a_toll_broken_down_by_town_and_day_is_one_event_per_town(pipeline: Pipeline) -> None:
    text = (
        "Police killed nine protesters in Kenya this month: four in Mandera on 3 March, "
        "two in Garissa on 5 March and three in Wajir on 8 March."
    )
    events = sorted(_events(pipeline, text), key=lambda e: e.when.start or REF)
    assert [(e.place.name if e.place else None, e.when.start, e.fatalities) for e in events] == [
        ("Mandera", date(2023, 3, 3), 4),
        ("Garissa", date(2023, 3, 5), 2),
        ("Wajir", date(2023, 3, 8), 3),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bomb disposal experts defused an explosive device near a school in Mandera on Monday.",
        "A roadside bomb was found and defused near a market in Mandera on Monday, police said.",
    ],
)
def test_a_defused_bomb_is_the_security_forces_disruption(pipeline: Pipeline, text: str) -> None:
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Kenya"


def test_air_defences_are_the_military(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Air defences shot down two drones over Mandera on Monday.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Kenya"
