"""What a pipeline stage is: a named step that declares what it needs and adds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from warwire.types import Analysis

__all__ = ["Stage"]


class Stage(Protocol):
    """One step. Pure: returns new analyses, never mutates its input."""

    name: str
    needs: frozenset[str]
    adds: frozenset[str]

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]: ...
