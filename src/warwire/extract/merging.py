"""Which readings are the same ACLED event: one event per location per day.

Sentences that continue a story ("The attackers first detonated a roadside bomb
... before opening fire", "The army said its troops repelled the assault") are
parts or other sides of the event already coded, not new events. A reading
joins an earlier draft when both fall on the same day, at the same place (or
the later one names no place of its own and carries the story's date), their
types are compatible (violence with violence, protest with riot) and their
actor pairs do not contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warwire.extract.records import Reading, Where
from warwire.taxonomy import EVENT_TYPE_OF, WEAPON_SUB_EVENT_TYPES
from warwire.types import When

_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CROWD = frozenset({"Protests", "Riots"})
_PART_OF_RAID = frozenset({"Looting/property destruction"})
# what a guessed violent type may become when a mention states it
_SPECIFIC = frozenset({"Armed clash", "Attack"}) | WEAPON_SUB_EVENT_TYPES
_RIOTS = frozenset({"Mob violence", "Violent demonstration"})
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# a crowd event becomes the most serious form reported for it
_CROWD_RANK = (
    "Peaceful protest",
    "Protest with intervention",
    "Mob violence",
    "Violent demonstration",
    "Excessive force against protesters",
)


@dataclass(slots=True)
class Draft:
    """An event being assembled from one or more readings (mutable while merging)."""

    sub: str
    where: Where | None
    when: When
    readings: list[Reading] = field(default_factory=list)
    first_place: bool = True
    share: int = 1
    paragraph: int = 0


def family(sub: str) -> str:
    """violent, crowd, or the sub-type itself: the types that may name one incident."""
    kind = EVENT_TYPE_OF[sub]
    if kind in _VIOLENT or sub in _PART_OF_RAID:
        return "violent"
    if kind in _CROWD:
        return "crowd"
    return sub


# rape of civilians and a change of territory between armed sides are two events at
# one place and day, never one told twice (ACLED: different event types and sides)
_APART = (frozenset({"Sexual violence"}), _TERRITORY)


def compatible(a: str, b: str) -> bool:
    if a != b and all(bool({a, b} & kinds) for kinds in _APART):
        return False
    return a == b or family(a) == family(b) in {"violent", "crowd"}


def _same_day(a: When, b: When) -> bool:
    return a.start is not None and (a.start, a.end) == (b.start, b.end)


def _same_place(a: Where | None, b: Where | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.name.casefold() == b.name.casefold()


def _dyad_ok(draft: Draft, r: Reading) -> bool:
    """Different named attackers at one place are different events."""
    if r.actor1 is None or r.part_of_fight:
        return True
    mine = {x.actor1.name for x in draft.readings if x.actor1} | {
        x.actor2.name for x in draft.readings if x.actor2
    }
    if not mine:
        return True
    return r.actor1.name in mine or all(x.actor1 is None for x in draft.readings)


def _guessed(draft: Draft) -> bool:
    """The draft's type so far rests only on default guesses ("an attack" with no
    side named, "a strike on" with no weapon)."""
    own = [r for r in draft.readings if r.decision.sub_event_type == draft.sub]
    return bool(own) and all(r.decision.weak for r in own)


def upgrade(draft: Draft, sub: str) -> None:
    """Keep the draft's type, except a crowd event takes its most serious form, and a
    guessed violent type gives way to one a mention states (its victims, its weapon)."""
    crowd = sub in _CROWD_RANK and draft.sub in _CROWD_RANK
    riots = {sub, draft.sub} == _RIOTS  # a riot and a mob are two kinds, neither graver
    if crowd and not riots and _CROWD_RANK.index(sub) > _CROWD_RANK.index(draft.sub):
        draft.sub = sub
        return
    violent = family(sub) == family(draft.sub) == "violent" and sub in _SPECIFIC
    if not violent or sub == draft.sub:
        return
    stated = [r for r in draft.readings if r.decision.sub_event_type == sub]
    # no reading of ``sub`` here yet: another draft of that type is being absorbed
    firm = not stated or not all(r.decision.weak for r in stated)
    if firm and _guessed(draft):
        draft.sub = sub


def home_for(
    drafts: list[Draft],
    r: Reading,
    where: Where | None,
    placeless: bool,
    paragraph: int,
    continues: bool = True,
) -> Draft | None:
    """The earlier draft this reading belongs to, if any.

    ``placeless`` means the reading's sentence names no place of its own and
    continues the story (its date was inherited), so it may join the latest
    compatible draft of that day.
    """
    sub = "Attack" if r.part_of_fight else r.decision.sub_event_type
    for draft in reversed(drafts):
        if not compatible(draft.sub, sub) or not _same_day(draft.when, r.when):
            continue
        if not _dyad_ok(draft, r):
            continue
        if placeless or _same_place(draft.where, where):
            return draft
        fallback = where is not None and where.span is None
        if continues and fallback and draft.paragraph == paragraph:
            return draft  # a country fallback inside the same paragraph
    return None
