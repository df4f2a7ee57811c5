"""ACLED's taxonomy, from its public codebook: event types, sub-event types,
disorder types, actor (inter) types and how interactions are named."""

from __future__ import annotations

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {
    sub: event_type for event_type, subs in SUB_EVENT_TYPES.items() for sub in subs
}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
BOTH = "Political violence; Demonstrations"

_DISORDER_BY_EVENT_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}

INTER_NAMES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
INTER_CODES: dict[str, int] = {name: code for code, name in INTER_NAMES.items()}
INTER_CIVILIANS = INTER_CODES["Civilians"]  # never a perpetrator, never a side of a clash


def disorder_type(sub_event_type: str) -> str:
    """ACLED's disorder type; excessive force and mob violence straddle both."""
    if sub_event_type == "Excessive force against protesters":
        return BOTH
    if sub_event_type == "Mob violence":
        return POLITICAL_VIOLENCE
    return _DISORDER_BY_EVENT_TYPE[EVENT_TYPE_OF[sub_event_type]]


def interaction(inter1: int | None, inter2: int | None) -> str | None:
    """ACLED joins the two actor types with the lower code first."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        only = inter1 if inter1 is not None else inter2
        return f"{INTER_NAMES[only]} only"  # type: ignore[index]
    low, high = sorted((inter1, inter2))
    return f"{INTER_NAMES[low]}-{INTER_NAMES[high]}"


ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
WARWIRE_COLUMNS: tuple[str, ...] = (
    "date_start", "date_end", "claimant", "hedge", "evidence", "doc_ids", "confidence",
    "place_basis",
)  # fmt: skip

# the sub-event types named by the weapon used: a stated weapon outranks a guessed type
WEAPON_SUB_EVENT_TYPES = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    }
)
