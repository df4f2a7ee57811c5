"""Which stages ``warwire extract`` runs, in order. One place to read it.

Sentences are split everywhere but parsed only where the trigger scan sees
possible event vocabulary; toponyms are found over the whole document (its
country focus needs every place); events, claims and relations come last.
The language gate comes first: English documents take the parsed path, French,
Spanish and Portuguese ones the lexicon path (:mod:`warwire.extract.foreign`),
and any other language is stored with a one-line "not extracted" warning.
"""

from __future__ import annotations

from warwire.config import Settings
from warwire.stage import Stage


def default_stages(settings: Settings) -> list[Stage]:
    from warwire.clean.language import ENGLISH, ForLanguages, LanguageGate
    from warwire.extract import EventStage, is_candidate
    from warwire.extract.foreign import ForeignEventStage, read_languages
    from warwire.nlp import SentenceStage
    from warwire.resolve.places import ToponymStage

    english = frozenset({ENGLISH})
    return [
        LanguageGate(english | read_languages()),
        ForLanguages(SentenceStage(is_candidate), english),
        ForLanguages(ToponymStage(), english),
        ForLanguages(EventStage(), english),
        ForeignEventStage(),
    ]
