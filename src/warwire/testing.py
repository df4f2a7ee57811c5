"""Fakes for tests, ours and users': stages that stand in for heavy ones."""

from __future__ import annotations

from collections.abc import Sequence

from warwire.types import Analysis


class NoToponyms:
    """A "toponyms" stage that finds none, so event tests need no gazetteer."""

    name = "toponyms"
    needs = frozenset({"sentences"})
    adds = frozenset({"toponyms"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return list(batch)
