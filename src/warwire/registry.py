"""Which stages ``warwire extract`` runs, in order. One place to read it."""

from __future__ import annotations

from warwire.config import Settings
from warwire.pipeline import Stage


def default_stages(settings: Settings) -> list[Stage]:
    return []
