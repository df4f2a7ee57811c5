"""Fakes for tests, ours and users': stages that stand in for heavy ones."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from warwire.types import Analysis, Document, Event, Mention, Sentence, Source, Span, Token

if TYPE_CHECKING:
    from warwire.pipeline import Pipeline


_MONTHS = "January February March April May June July August September October November December"


def note_events(pipeline: Pipeline, text: str, default: date = date(2024, 5, 1)) -> list[Event]:
    """The events ``pipeline`` finds in an ACLED-register note ("On 4 March 2024, ..."),
    published on the day it opens with (else ``default``), most confident first."""
    lead = re.search(r"On (\d+) (\w+) (\d{4}),", text)
    published = default
    if lead is not None:
        day, month, year = lead.groups()
        published = date(int(year), _MONTHS.split().index(month) + 1, int(day))
    doc = Document("n", "n", text, published=published, source=Source(publisher="Monitor"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return sorted(analysis.events, key=lambda e: -e.confidence)


def story_events(pipeline: Pipeline, published: date, text: str) -> list[Event]:
    """The events ``pipeline`` finds in a story written as text, its first line the
    headline, published on ``published`` by one desk: a test's own story, no cleaning."""
    title = text.split("\n")[0]
    doc = Document(
        "t", "t", text, title=title, published=published, source=Source(publisher="Desk")
    )
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


@dataclass
class FakeClock:
    """A clock for ``Settings.clock``-style hooks that moves only when a test moves it,
    so time-budget tests are exact on any machine."""

    now: float = 0.0

    def __call__(self) -> float:
        return self.now


class NoToponyms:
    """A "toponyms" stage that finds none, so event tests need no gazetteer."""

    name = "toponyms"
    needs = frozenset({"sentences"})
    adds = frozenset({"toponyms"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return list(batch)


def parsed_sentence(text: str, entities: Sequence[tuple[str, str]], doc_id: str = "d") -> Sentence:
    """One "parsed" sentence over ``text`` carrying the given (surface, label) entities,
    in the order they appear (a name written twice is two entities).

    Lets place and event tests state what the model saw without loading it.
    """
    token = Token(0, text[:1], 0, 1, text[:1], "X", "X", "dep", 0)
    mentions, at = [], 0
    for surface, label in entities:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(Mention(Span(doc_id, start, at), label, surface))
    return Sentence(Span(doc_id, 0, len(text)), (token,), tuple(mentions))
