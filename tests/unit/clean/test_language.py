"""Language identification of documents: headlines stay English unless plainly not,
and a document in a language no path reads is kept with a one-line warning."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.clean import clean_document
from warwire.clean.language import ForLanguages, LanguageGate, detect_language
from warwire.pipeline import Pipeline
from warwire.types import Analysis, Document, RawDocument

ENGLISH = [
    "Gunmen kill three in market town",
    "Clashes erupt in San Rafael del Norte",
    "Militants attack base near Nueva Esperanza, two dead",
    "Troops clash with rebels outside Saint-Étienne-du-Bois",
    "Explosion at Rua das Flores depot",
    "Suicide bomber strikes checkpoint in Al Qasr al Kabir",
    "UN",
    "",
    "Protest in Puerto Viejo",
]

FOREIGN = [
    ("Trois soldats tués dans une embuscade près de la frontière", "fr"),
    ("Des hommes armés ont attaqué le marché du village samedi soir", "fr"),
    ("Dos muertos deja un enfrentamiento entre bandas en el barrio", "es"),
    ("Secuestran a un comerciante a la salida de su negocio", "es"),
    ("Dois policiais morrem em confronto com criminosos na periferia", "pt"),
    ("Manifestantes bloqueiam rodovia em protesto contra a violência", "pt"),
    ("Bei einem Anschlag in der Hauptstadt wurden am Montag vier Menschen getötet", "de"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_headlines_with_foreign_names_stay_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "language"), FOREIGN)
def test_plain_foreign_headlines_are_told(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_long_article_is_left_to_the_model() -> None:
    french = (
        "Les affrontements ont repris mardi matin dans le nord du pays. Selon des sources "
        "locales, les combattants ont pris le contrôle de plusieurs villages avant d'être "
        "repoussés par l'armée. Les habitants ont fui vers la ville voisine. "
    ) * 3
    assert detect_language(french) == "fr"


def test_an_english_line_quoting_another_script_is_english() -> None:
    assert detect_language("March 3rd: (X12) شارع النور street area, north district") == "en"


def test_cleaning_stores_the_language() -> None:
    doc = clean_document(
        RawDocument("h", "Cinq civils tués lors d'une attaque contre un village", "text")
    )
    assert doc.language == "fr"
    assert (
        clean_document(RawDocument("e", "Five civilians killed in village raid", "text")).language
        == "en"
    )


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_code(text: str) -> None:
    code = detect_language(text)
    assert code.isalpha() and code.islower() and 2 <= len(code) <= 3


def _analysis(language: str, text: str = "some text") -> Analysis:
    return Analysis(Document(f"d-{language}", f"in-{language}", text, language=language))


class _Marker:
    name = "marker"
    needs = frozenset({"document"})
    adds = frozenset({"marked"})

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [Analysis(a.document, sentences=a.sentences, events=a.events) for a in batch]


def test_gate_keeps_an_unread_language_with_one_warning() -> None:
    pipeline = Pipeline([LanguageGate(frozenset({"en", "fr"}))])
    kept, read = pipeline.run([_analysis("de"), _analysis("fr")])
    assert kept.document.language == "de"
    (warning,) = kept.rejections
    assert (warning.stage, warning.reason) == ("language", "not_extracted")
    assert warning.message() == "in-de: not extracted: language de"
    assert read.rejections == ()


def test_a_routed_stage_sees_only_its_languages() -> None:
    seen: list[str] = []

    class Recorder(_Marker):
        def __call__(self, batch: list[Analysis]) -> list[Analysis]:
            seen.extend(a.document.language for a in batch)
            return list(batch)

    routed = ForLanguages(Recorder(), frozenset({"en"}))
    batch = [_analysis("fr"), _analysis("en"), _analysis("pt")]
    assert routed(batch) == batch
    assert seen == ["en"]


def test_extract_text_reports_an_unread_language() -> None:
    from warwire.notebook import extract_text

    analysis = extract_text(FOREIGN[-1][0], published=date(2024, 3, 1))
    assert analysis.document.language == "de" and analysis.events == ()
    assert [r.detail for r in analysis.rejections] == ["not extracted: language de"]
