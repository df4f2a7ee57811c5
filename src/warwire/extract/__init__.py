"""Event and claim extraction in ACLED's taxonomy.

``is_candidate`` is the cheap trigger scan the sentence stage uses to pick
sentences worth parsing; :class:`EventStage` turns parsed sentences into
events, standalone claims and relations.
"""

from warwire.extract.events import EventStage, analyse_document
from warwire.extract.records import DateLookup
from warwire.extract.roles import ActorLookup, KeywordActors
from warwire.extract.triggers import find_triggers, is_candidate

__all__ = [
    "ActorLookup",
    "DateLookup",
    "EventStage",
    "KeywordActors",
    "analyse_document",
    "find_triggers",
    "is_candidate",
]
