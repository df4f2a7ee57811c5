"""Hand-built documents and analyses for the store tests (no model needed)."""

from __future__ import annotations

import hashlib
from datetime import date

from warwire.types import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    FieldEvidence,
    Hedge,
    Place,
    Polarity,
    Quantity,
    Relation,
    Source,
    Span,
    When,
)

LNA = Actor("Libyan National Army (LNA)", inter=1, country="Libya")
GNA = Actor("Government of National Accord (GNA)", inter=1, country="Libya")
TARHUNAH = Place("Tarhunah", 32.43, 13.63, "Libya", "LY", "Murqub", 2210221, geo_precision=2)
NEAR_TARHUNAH = Place("Wadi Ghan", 32.48, 13.60, "Libya", "LY", "Murqub", geo_precision=1)
SIRTE = Place("Sirte", 31.21, 16.59, "Libya", "LY", "Surt", 2210554, geo_precision=1)


def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def make_doc(
    text: str,
    publisher: str | None = None,
    url: str | None = None,
    published: date | None = None,
    title: str | None = None,
) -> Document:
    return Document(
        doc_id=doc_id_of(text),
        input_id=url or f"mem:{doc_id_of(text)[:8]}",
        text=text,
        title=title,
        published=published,
        source=Source(publisher=publisher, url=url),
    )


def span_of(doc: Document, phrase: str) -> Span:
    start = doc.text.index(phrase)
    return Span(doc.doc_id, start, start + len(phrase))


def claim(
    doc: Document,
    phrase: str,
    claimant: str,
    hedge: Hedge = Hedge.NONE,
    polarity: Polarity = Polarity.ASSERTED,
    fatalities: int | None = None,
) -> Claim:
    return Claim(claimant, hedge, polarity, span_of(doc, phrase), fatalities=fatalities)


def clash(
    doc: Document,
    phrase: str,
    claimant: str,
    *,
    day: date = date(2020, 5, 24),
    end: date | None = None,
    place: Place | None = TARHUNAH,
    actors: tuple[Actor | None, Actor | None] = (LNA, GNA),
    fatalities: int = 0,
    hedge: Hedge = Hedge.NONE,
    polarity: Polarity = Polarity.ASSERTED,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    key: str = "e1",
) -> Event:
    evidence = span_of(doc, phrase)
    return Event(
        event_id=key,
        doc_ids=(doc.doc_id,),
        event_type=event_type,
        sub_event_type=sub_event_type,
        disorder_type="Political violence",
        actor1=actors[0],
        actor2=actors[1],
        place=place,
        location_text=place.name if place else None,
        when=When(day, end or day, 1 if end is None else 3),
        fatalities=fatalities,
        claims=(
            Claim(claimant, hedge, polarity, evidence,
                  fatalities=fatalities if fatalities else None),
        ),
        notes=phrase,
        confidence=0.8,
        evidence=(FieldEvidence("event", evidence),),
    )  # fmt: skip


def analysis(doc: Document, *events: Event, claims: tuple[Claim, ...] = ()) -> Analysis:
    return Analysis(document=doc, events=events, claims=claims)


PARTISAN_TEXT = (
    "Libyan National Army units said they repelled an assault as clashes erupted north of "
    "Tarhuna early on May 24, with heavy fighting reported around the southern approaches. "
    "The army claimed that 14 militants were killed and several armoured vehicles destroyed "
    "while Turkish drones circled over the valley. Military sources described the situation "
    "as stable by the evening, although shelling continued near the town's outskirts."
)
GNA_TEXT = (
    "Forces loyal to the Tripoli government advanced toward Tarhuna on Sunday, May 24, "
    "fighting Haftar's troops in the farmland north of the town. A spokesman for the "
    "Government of National Accord said 5 of its fighters died in the clashes and that its "
    "units had captured two positions. Residents reported hearing explosions through the night."
)


def tarhuna_partisan() -> Analysis:
    doc = make_doc(PARTISAN_TEXT, "South Front", "https://southfront.org/tarhuna-clashes",
                   date(2020, 5, 25), "Clashes north of Tarhuna")  # fmt: skip
    event = clash(doc, "clashes erupted north of Tarhuna early on May 24", "South Front",
                  fatalities=14)  # fmt: skip
    total = claim(doc, "The army claimed that 14 militants were killed", "LNA", Hedge.CLAIMED)
    return analysis(doc, event, claims=(total,))


def tarhuna_repost() -> Analysis:
    header = "GLOBAL WIRE DIGEST | Home | World | Subscribe\nRepublished with permission.\n"
    footer = "\nShare this story. Read more on our site. Copyright 2020 Global Wire Digest."
    text = header + PARTISAN_TEXT + footer
    doc = make_doc(text, "Global Research", "https://www.globalresearch.ca/tarhuna/123",
                   date(2020, 5, 26))  # fmt: skip
    event = clash(doc, "clashes erupted north of Tarhuna early on May 24", "South Front",
                  fatalities=14)  # fmt: skip
    return analysis(doc, event)


def tarhuna_gna() -> Analysis:
    doc = make_doc(GNA_TEXT, "Libya Observer", "https://www.libyaobserver.ly/news/tarhuna",
                   date(2020, 5, 24))  # fmt: skip
    event = clash(doc, "fighting Haftar's troops in the farmland north of the town",
                  "Government of National Accord (GNA)", actors=(GNA, LNA), fatalities=5,
                  place=NEAR_TARHUNAH, hedge=Hedge.CLAIMED)  # fmt: skip
    rel = Relation("Government of National Accord (GNA)", "opposes", "Libyan National Army (LNA)",
                   span_of(doc, "fighting Haftar's troops"))  # fmt: skip
    return Analysis(document=doc, events=(event,), relations=(rel,))


FILLER = (
    "traders said supplies of flour were arriving again",
    "the port authority counted fewer ships than last winter",
    "teachers returned to classrooms after a strike over unpaid wages",
    "a power cut left the eastern districts dark for hours",
    "farmers complained about the price of diesel and seed",
    "the municipal council approved a budget for road repairs",
    "a football match drew a large and noisy crowd",
    "doctors at the central hospital asked for more medicine",
    "bakers raised the price of bread by a small amount",
    "students protested peacefully about exam dates",
    "a bridge on the coastal road was closed for inspection",
    "water trucks queued outside the pumping station",
    "the currency weakened against the dollar on the black market",
    "an aid convoy unloaded tents and blankets at a school",
    "fishermen reported a good catch despite rough seas",
    "the airport announced two new weekly flights",
)


def unrelated(n: int, day: date = date(2021, 3, 1), place: Place = SIRTE) -> Analysis:
    import random

    picks = random.Random(n).sample(FILLER, 4)
    text = (
        f"In {place.name}, {picks[0]}, while {picks[1]}. Meanwhile {picks[2]}, and "
        f"{picks[3]}. Officials planned further checks. Separately, gunmen attacked a "
        f"checkpoint (case {n})."
    )
    doc = make_doc(text, "Reuters", f"https://www.reuters.com/world/{n}", day)
    event = clash(doc, "gunmen attacked a checkpoint", "Reuters", day=day, place=place,
                  actors=(Actor(f"Unidentified Armed Group ({n})", inter=3), None),
                  event_type="Violence against civilians", sub_event_type="Attack",
                  key=f"u{n}")  # fmt: skip
    return analysis(doc, event, claims=(
        Claim("Officials", Hedge.NONE, Polarity.INTENDED, span_of(doc, "Officials planned"),
              quantity=Quantity(n, unit="warehouses")),
    ))  # fmt: skip
