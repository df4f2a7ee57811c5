from __future__ import annotations

import pytest

from warwire.extract.events import _party
from warwire.resolve.actors import default_registry


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("the UAE", "Military Forces of the United Arab Emirates"),
        ("Turkey", "Military Forces of Turkey"),
        ("Egypt", "Military Forces of Egypt"),
        ("the LNA", "Libyan National Army (LNA)"),
    ],
)
def test_state_backers_are_their_forces_and_groups_are_canonical(
    written: str, canonical: str
) -> None:
    assert _party(default_registry(), written, "LY") == canonical
