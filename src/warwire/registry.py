"""Which stages ``warwire extract`` runs, in order. One place to read it.

Sentences are split everywhere but parsed only where the trigger scan sees
possible event vocabulary; toponyms are found over the whole document (its
country focus needs every place); events, claims and relations come last.
"""

from __future__ import annotations

from warwire.config import Settings
from warwire.stage import Stage


def default_stages(settings: Settings) -> list[Stage]:
    from warwire.extract import EventStage, is_candidate
    from warwire.nlp import SentenceStage
    from warwire.resolve.places import ToponymStage

    return [
        SentenceStage(is_candidate, n_process=settings.n_process),
        ToponymStage(),
        EventStage(),
    ]
