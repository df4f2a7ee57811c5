"""Short reports in French, Spanish, Portuguese, Turkish, Tagalog, Ukrainian and
Russian read by lexicon: an event of the right kind, the toll, the place after a
locative, evidence spans, and a store
that keeps every language. The places are made up (a fake gazetteer)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.extract.foreign import ForeignEventStage, foreign_events, lexicon
from warwire.extract.roles import KeywordActors
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.types import Analysis, Document, Event, Place, Source

COUNTRY_A = Place("Arvenia", 10.0, 20.0, "Arvenia", "AV", None, 1, "PCLI", 5_000_000, 3)
TOWN = Place("Dravonne", 10.5, 20.5, "Arvenia", "AV", "Nordcap", 2, "PPL", 40_000, 1)
VILLAGE = Place("Solvaro", 10.2, 20.1, "Arvenia", "AV", "Nordcap", 3, "PPL", 3_000, 1)
ABROAD = Place("Solvaro", -30.0, 150.0, "Elsewhere", "EL", None, 4, "PPL", 900, 1)
GAZ = MemoryGazetteer([COUNTRY_A, TOWN, VILLAGE, ABROAD])


def _read(text: str, language: str, published: date | None = date(2024, 4, 12)) -> list[Event]:
    doc = Document("doc1", "in1", text, published=published, language=language,
                   source=Source(publisher="Le Courrier"))  # fmt: skip
    return list(foreign_events(Analysis(doc), GAZ, KeywordActors()).events)


def _only(text: str, language: str) -> Event:
    (event,) = _read(text, language)
    return event


@pytest.mark.parametrize(
    ("text", "language", "sub", "deaths"),
    [
        ("Trois morts dans une attaque contre un marché à Dravonne", "fr", "Attack", 3),
        ("Arvenia : deux soldats tués dans des affrontements à Solvaro", "fr", "Armed clash", 2),
        ("Un homme abattu par des hommes armés à Dravonne", "fr", "Attack", 1),
        (
            "Explosion d'un engin explosif près de Dravonne, cinq blessés",
            "fr",
            "Remote explosive/landmine/IED",
            0,
        ),
        (
            "Enlèvement de deux commerçants sur la route de Dravonne",
            "fr",
            "Abduction/forced disappearance",
            0,
        ),
        (
            "Dos muertos en un enfrentamiento entre militares y guerrilleros en Dravonne",
            "es",
            "Armed clash",
            2,
        ),
        ("Asesinan a un comerciante en Solvaro", "es", "Attack", 1),
        ("Detienen a 16 presuntos pandilleros en Dravonne", "es", "Arrests", 0),
        ("Registran 16 homicidios en Dravonne durante el fin de semana", "es", "Attack", 16),
        ("Agricultor é assassinado a tiros em Solvaro", "pt", "Attack", 1),
        ("Manifestantes bloqueiam estrada em Dravonne", "pt", "Peaceful protest", 0),
        (
            "Bombardeio deixa quatro mortos na periferia de Dravonne",
            "pt",
            "Shelling/artillery/missile attack",
            4,
        ),
        ("Dravonne'da çıkan çatışmalarda 12 kişi hayatını kaybetti", "tr", "Armed clash", 12),
        ("Solvaro'daki pazara bombalı saldırı: üç ölü", "tr", "Remote explosive/landmine/IED", 3),
        ("Siyam (9) na sibilyan ang nasawi sa air strike sa Dravonne", "tl", "Air/drone strike", 9),
        ("Dalawang sundalo, patay sa sagupaan sa Solvaro", "tl", "Armed clash", 0),
        ("Обстріл поблизу Dravonne: двоє загиблих", "uk", "Shelling/artillery/missile attack", 2),
        (
            "В результате обстрела в Solvaro погибли три человека",
            "ru",
            "Shelling/artillery/missile attack",
            3,
        ),
    ],
)
def test_kind_toll_and_place(text: str, language: str, sub: str, deaths: int) -> None:
    event = _only(text, language)
    assert event.sub_event_type == sub
    assert event.fatalities == deaths
    assert event.place is not None and event.place.country_code == "AV"
    assert event.place.name in {"Dravonne", "Solvaro"}


def test_the_named_country_decides_between_two_places_of_one_name() -> None:
    event = _only("Arvenia : une attaque fait trois morts à Solvaro", "fr")
    assert event.place == VILLAGE or (event.place and event.place.country_code == "AV")
    assert event.place is not None and event.place.latitude == VILLAGE.latitude


def test_a_place_the_gazetteer_lacks_falls_back_to_the_named_country() -> None:
    event = _only("Arvenia : six civils tués dans une embuscade à Quelquepart", "fr")
    assert event.place is not None and event.place.name == "Arvenia"
    assert event.fatalities == 6


def test_evidence_spans_point_at_the_words() -> None:
    text = "Des hommes armés tuent quatre villageois à Dravonne"
    event = _only(text, "fr")
    spans = {e.field: e.span.text_in(text) for e in event.evidence}
    assert spans["event"] == text
    assert spans["location"] == "Dravonne"
    assert spans["actor1"] == "hommes armés"
    assert spans["sub_event_type"] == "tuent"
    assert event.claims[0].claimant == "Le Courrier"
    assert event.when.start == date(2024, 4, 12)


def test_the_agent_after_par_is_the_perpetrator() -> None:
    event = _only("Un villageois tué par des soldats à Dravonne", "fr")
    assert event.actor1 is not None and "soldiers" in event.actor1.name.lower()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le ministre inaugure une nouvelle école à Dravonne", "fr"),
        ("El alcalde presentó el presupuesto anual en Dravonne", "es"),
        ("Feira de artesanato atrai turistas em Solvaro", "pt"),
    ],
)
def test_no_event_without_an_event_word(text: str, language: str) -> None:
    assert _read(text, language) == []


def test_headline_and_lede_telling_one_event_are_one() -> None:
    text = (
        "Attaque meurtrière à Dravonne\n\n"
        "Des hommes armés ont tué sept personnes à Dravonne dans la nuit de samedi."
    )
    event = _only(text, "fr")
    assert event.fatalities == 7


def test_a_headline_attack_its_lede_tells_as_a_strike_is_one_event() -> None:
    text = (
        "Dravonne : une attaque fait quatre morts\n\n"
        "Une frappe de drone a touché un marché à Dravonne samedi."
    )
    event = _only(text, "fr")
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 4


def test_a_capital_of_any_alphabet_heads_a_place_name() -> None:
    event = _only("Обстріл у Дравонні", "uk")
    assert event.location_text == "Дравонні"


def test_english_and_unread_languages_pass_through() -> None:
    stage = ForeignEventStage(GAZ, KeywordActors())
    docs = [Analysis(Document("e", "e", "Three killed in Dravonne")),
            Analysis(Document("d", "d", "Drei Tote in Dravonne", language="de"))]  # fmt: skip
    assert stage(docs) == docs


def test_every_language_table_loads() -> None:
    for language in ("fr", "es", "pt"):
        lex = lexicon(language)
        assert lex is not None and lex.triggers and lex.numbers
    assert lexicon("de") is None


def test_ingest_stores_every_language(tmp_path: Path) -> None:
    """Through the real default pipeline: the French alert gives an event, the
    German one is stored with its language and a one-line warning."""
    from warwire.config import Settings
    from warwire.pipeline import ingest
    from warwire.store import open_store
    from warwire.types import Rejection

    french = tmp_path / "fr.txt"
    french.write_text("Cinq civils tués dans une attaque contre un village\n")
    german = tmp_path / "de.txt"
    german.write_text(
        "Bei einem Anschlag in der Hauptstadt wurden am Montag vier Menschen getötet\n"
    )
    store = open_store(f"sqlite:///{tmp_path}/w.db")
    try:
        out = list(ingest([str(french), str(german)], Settings(), store))
        warnings = [r.detail for r in out if isinstance(r, Rejection)]
        assert warnings == ["not extracted: language de"]
        languages = sorted(d["language"] for d in store.documents())
        assert languages == ["de", "fr"]
        assert store.stats()["events"] >= 1
    finally:
        store.close()


def test_a_village_the_gazetteer_lacks_keeps_its_name() -> None:
    text = "Arvenia : quatre civils tués à Quelquepart"
    event = _only(text, "fr")
    assert event.place is not None and event.place.name == "Arvenia"
    assert event.location_text == "Quelquepart"
    spans = {e.field: e.span.text_in(text) for e in event.evidence}
    assert spans["location"] == "Quelquepart"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Attaque à Dravonne : le bilan s'élève à 40 morts depuis janvier", "fr"),
        ("Ataque en Dravonne; el saldo de muertos asciende a 40 en lo que va del año", "es"),
        ("Ataque em Dravonne: o balanço chega a 40 mortos desde janeiro", "pt"),
    ],
)
def test_a_running_total_is_not_the_toll(text: str, language: str) -> None:
    assert _only(text, language).fatalities == 0


def test_an_arrest_without_a_named_side_is_the_police() -> None:
    event = _only("Arvenia : un opposant interpellé à son domicile de Dravonne", "fr")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.inter == 1


def test_an_acronym_is_not_a_place() -> None:
    event = _only("Arvenia : les combattants du MPLX attaquent un poste de l'ARV", "fr")
    assert event.place is not None and event.place.name == "Arvenia"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La economía marcha bien en Dravonne, dice el ministro", "es"),
        ("Une église protestante inaugurée à Dravonne", "fr"),
    ],
)
def test_everyday_senses_of_protest_words_are_not_events(text: str, language: str) -> None:
    assert _read(text, language) == []


_PIECES = ["Arvenia", ":", "trois", "morts", "à", "Dravonne", "tués", "par", "des", "soldats",
           "16", "homicidios", "en", "Solvaro", "bilan", "de", "\n", ",", "É", "d’"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=25))
def test_any_text_gives_events_whose_evidence_lies_in_it(words: list[str]) -> None:
    text = " ".join(words)
    for language in ("fr", "es", "pt"):
        for event in _read(text, language):
            assert event.fatalities >= 0
            for item in event.evidence:
                assert 0 <= item.span.start <= item.span.end <= len(text)


def test_a_town_retaken_by_the_army() -> None:
    event = _only("Arvenia : la ville de Dravonne reprise par l'armée après deux jours", "fr")
    assert event.sub_event_type == "Government regains territory"
    assert event.place is not None and event.place.name == "Dravonne"


def test_a_headline_naming_its_country_takes_the_ledes_town() -> None:
    text = "Arvenia : un opposant arrêté\n\nL'opposant a été conduit à Dravonne, selon ses proches."
    event = _only(text, "fr")
    assert event.place is not None and event.place.name == "Dravonne"


def test_ingest_command_counts_an_unread_document_as_added(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from warwire.cli import cli

    german = tmp_path / "de.txt"
    german.write_text("Bei einem Anschlag wurden am Montag in der Stadt vier Menschen getötet\n")
    result = CliRunner().invoke(cli, ["ingest", "--db", f"sqlite:///{tmp_path}/c.db", str(german)])
    assert result.exit_code == 0
    assert "1 added" in result.output and "0 rejected" in result.output
    assert "not extracted: language de" in result.stderr


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deux soldats tués à Dravonne.\n\nL'armée a indiqué dans un communiqué que...", "fr"),
        ("Dos muertos en Dravonne.\n\nEn un comunicado, el Ejército informó que...", "es"),
        ("Dois mortos em Dravonne.\n\nSegundo a polícia, os homens...", "pt"),
    ],
)
def test_the_side_a_report_credits_is_its_claimant(text: str, language: str) -> None:
    (claim,) = _only(text, language).claims
    assert claim.claimant != "Le Courrier"
    assert claim.hedge.value == "according_to"


def test_civilians_named_beside_a_source_word_are_no_source() -> None:
    (claim,) = _only("Deux civils tués à Dravonne, selon des habitants.", "fr").claims
    assert (claim.claimant, claim.hedge.value) == ("Le Courrier", "none")


def test_a_headline_naming_the_province_and_a_lede_naming_its_town_are_one_event() -> None:
    province = Place("Nordcap", 10.4, 20.4, "Arvenia", "AV", "Nordcap", 7, "ADM1", 900_000, 3)
    gazetteer = MemoryGazetteer([COUNTRY_A, TOWN, province])
    text = (
        "Trois morts dans des combats à Nordcap\n\nTrois soldats tués dans des combats à Dravonne."
    )
    doc = Document("doc1", "in1", text, published=date(2024, 4, 12), language="fr",
                   source=Source(publisher="Le Courrier"))  # fmt: skip
    (event,) = foreign_events(Analysis(doc), gazetteer, KeywordActors()).events
    assert event.place is not None and event.place.name == "Dravonne"


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        (
            "Des hommes armés ont tué trois civils à Dravonne le 28 février.",
            "fr",
            date(2024, 2, 28),
        ),
        ("Tres muertos en un ataque en Dravonne el 3 de mayo de 2023", "es", date(2023, 5, 3)),
        ("Обстріл у Дравонні 2 квітня: двоє загиблих", "uk", date(2024, 4, 2)),
        # a day after the report's: last year's
        ("Attaque à Dravonne le 30 décembre : deux morts", "fr", date(2023, 12, 30)),
    ],
)
def test_the_day_a_line_names_is_the_events(text: str, language: str, day: date) -> None:
    event = _only(text, language)
    assert event.when.start == day and event.when.time_precision == 1


def test_the_day_a_running_total_counts_from_is_not_the_events() -> None:
    event = _only("Trois civils tués à Dravonne, 13 morts depuis le 9 février", "fr")
    assert event.when.start == date(2024, 4, 12)


def test_an_ambush_on_civilians_is_an_attack() -> None:
    event = _only("Des rebelles tendent une embuscade et tuent cinq civils à Dravonne", "fr")
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "language", "claimant"),
    [
        (
            "Des rebelles tuent trois civils à Dravonne, d'après l'ONG Lumière Vive",
            "fr",
            "Lumière Vive",
        ),
        ("Tres muertos en Dravonne, según Radio Sur", "es", "Radio Sur"),
        (
            "Lima ang nasawi sa pagsabog sa Dravonne, ayon sa ulat ng Radyo Bayan",
            "tl",
            "Radyo Bayan",
        ),
    ],
)
def test_the_name_after_according_to_is_the_claimant(
    text: str, language: str, claimant: str
) -> None:
    (claim,) = _only(text, language).claims
    assert claim.claimant == claimant
    assert claim.hedge.value == "according_to"
