"""The records that flow through warwire.

Every record is a frozen, slotted dataclass: stages never mutate what they are
given, they return new records (``dataclasses.replace``). Evidence is always a
:class:`Span` into one document's cleaned text, never a copied string, so a
reader can check any field against its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

# --------------------------------------------------------------------------- inputs

MediaType = Literal["html", "markdown", "text"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader produced before cleaning: bytes-decoded content plus hints.

    ``input_id`` names where it came from (path, URL, JSONL id, WARC record) so
    every error message and every output record can point back at it.
    """

    input_id: str
    content: str
    media_type: MediaType
    url: str | None = None
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an input or a candidate was dropped, instead of a bare ``None``.

    ``stage`` is the pipeline stage or reader; ``reason`` a short stable code
    (``missing``, ``binary``, ``too_large``, ``private_address`` ...);
    ``detail`` the one human line shown to the user. ``error`` and
    ``traceback`` are set when an unexpected exception caused it (for
    ``--errors FILE`` bug reports), never shown on the one line.
    """

    stage: str
    reason: str
    detail: str
    input_id: str | None = None
    error: str | None = None
    traceback: str | None = field(default=None, repr=False)

    def message(self) -> str:
        where = f"{self.input_id}: " if self.input_id else ""
        return f"{where}{self.detail}"


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Source:
    """Who published a document and whose text it really is."""

    publisher: str | None = None
    url: str | None = None
    original_source: str | None = None
    author: str | None = None
    syndication_group: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned article. ``text`` is canonical: every span indexes it.

    ``doc_id`` is a hash of the cleaned text, so the same article read twice,
    from any path, is the same document. ``published`` is the date of the page
    we read; ``original_published`` the original outlet's date where the page
    states it. :attr:`reference_date` is what relative dates resolve against.
    """

    doc_id: str
    input_id: str
    text: str
    title: str | None = None
    published: date | None = None
    original_published: date | None = None
    source: Source = field(default_factory=Source)
    language: str = "en"
    syndicated_from: str | None = None
    media_type: MediaType = "text"

    @property
    def reference_date(self) -> date | None:
        return self.original_published or self.published


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in one document's text."""

    doc_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def covers(self, other: Span) -> bool:
        return self.doc_id == other.doc_id and self.start <= other.start and other.end <= self.end


# --------------------------------------------------------------------------- parse


@dataclass(frozen=True, slots=True)
class Token:
    """One parsed token, copied out of spaCy so no other module depends on it.

    ``start``/``end`` are document offsets; ``head`` is the index of the head
    token within the same :class:`Sentence` (itself for the root).
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ent_iob: str = "O"


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled span: an entity, a toponym, a date expression, a quantity ...

    ``label`` is spaCy's entity label or one of ours (``ACTOR``, ``PLACE``,
    ``DATE``, ``EQUIPMENT``); ``resolved_id`` is set once a resolver has
    matched it (actor id, GeoNames id).
    """

    span: Span
    label: str
    text: str
    resolved_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text; ``tokens`` is empty when it was not parsed.

    Only sentences that the trigger scan marks as possibly holding an event are
    parsed in full; the rest keep their span so later stages can still look at
    them cheaply.
    """

    span: Span
    tokens: tuple[Token, ...] = ()
    entities: tuple[Mention, ...] = ()

    @property
    def parsed(self) -> bool:
        return bool(self.tokens)


# --------------------------------------------------------------------------- resolved things


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. ``inter`` is ACLED's actor type code, 1..8."""

    name: str
    inter: int | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    backers: tuple[str, ...] = ()
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer place with ACLED's geo_precision for this use of it."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    population: int = 0
    geo_precision: int = 1
    # how an event's place was chosen: "named town", "near town", "district", "admin1",
    # "country", "story place", "story country", ... (None: a bare gazetteer hit)
    place_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text resolved (or not) to a gazetteer place."""

    span: Span
    text: str
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class When:
    """A date or range with ACLED's time_precision (1 day, 2 week, 3 month).

    ``start`` and ``end`` are inclusive. ``None`` dates mean the expression
    could not be resolved (for instance no reference date was known).
    """

    start: date | None = None
    end: date | None = None
    time_precision: int | None = None
    span: Span | None = None

    @property
    def event_date(self) -> date | None:
        """ACLED codes a range to its middle."""
        if self.start is None or self.end is None:
            return self.start or self.end
        return self.start + (self.end - self.start) / 2


# --------------------------------------------------------------------------- claims and events


class Hedge(StrEnum):
    NONE = "none"
    CLAIMED = "claimed"
    REPORTEDLY = "reportedly"
    ALLEGED = "alleged"
    ACCORDING_TO = "according_to"
    UNCONFIRMED = "unconfirmed"


class Polarity(StrEnum):
    ASSERTED = "asserted"
    DENIED = "denied"
    INTENDED = "intended"
    CONDITIONAL = "conditional"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    qualifier: str | None = None  # "more than", "at least", "up to", "cumulative", "about"
    unit: str = "people"


@dataclass(frozen=True, slots=True)
class Claim:
    """Somebody asserting something, with how they hedge it and the words.

    Inside an event a claim says who vouches for it (and, if it differs, what
    figure they give in ``fatalities``). On its own it is an aggregate or
    contested statement that is not a single event: a running total, a toll
    over a region, a count over several days, an intent or a condition.
    """

    claimant: str
    hedge: Hedge
    polarity: Polarity
    evidence: Span
    subject: str | None = None
    quantity: Quantity | None = None
    when: When | None = None
    place: str | None = None
    fatalities: int | None = None
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """Who backs or fights for whom: ``supports``, ``fights_for``, ``opposes``."""

    subject: str
    predicate: str
    object: str
    evidence: Span


@dataclass(frozen=True, slots=True)
class Equipment:
    name: str | None
    kind: str
    count: int | None = None
    owner: str | None = None
    origin: str | None = None
    supplied_by: str | None = None
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """The span behind one field of an event (``actor1``, ``location`` ...)."""

    field: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """One ACLED-coded event: one place, one day (or a window at lower precision)."""

    event_id: str
    doc_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: Actor | None
    actor2: Actor | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    place: Place | None = None
    location_text: str | None = None
    when: When = field(default_factory=When)
    fatalities: int = 0
    equipment: tuple[Equipment, ...] = ()
    claims: tuple[Claim, ...] = ()
    civilian_targeting: bool = False
    notes: str = ""
    confidence: float = 0.0
    evidence: tuple[FieldEvidence, ...] = ()


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything known about one document so far; what pipeline stages pass on.

    ``provided`` names what earlier stages have added, so a stage can check its
    needs and the pipeline can check its order.
    """

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    toponyms: tuple[Toponym, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    provided: frozenset[str] = frozenset({"document"})

    def evidence_text(self, span: Span) -> str:
        return span.text_in(self.document.text)
