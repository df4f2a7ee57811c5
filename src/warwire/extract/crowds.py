"""Crowd events in ACLED's codebook: which of the five protest and riot sub-types.

- Peaceful protest: demonstrators, no violence by them, no intervention.
- Protest with intervention: police disperse, tear-gas or arrest them.
- Excessive force against protesters: security forces shoot or kill peaceful
  demonstrators.
- Violent demonstration: demonstrators (or a political crowd) burn, stone,
  loot, block roads by force or clash with police.
- Mob violence: a crowd's violence outside a demonstration: lynchings,
  vigilante beatings, attacks on foreigners and their shops, communal riots,
  looting by a crowd.

The words live in ``data/subtype_cues.yaml`` (:mod:`warwire.extract.cues`).
"""

from __future__ import annotations

from warwire.extract.cues import has, words
from warwire.extract.roles import Roles
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit
from warwire.resolve.actor_kinds import inter_of

PROTEST = "Peaceful protest"
RIOT_SUBS = frozenset({"Violent demonstration", "Mob violence"})
_VIOLENT_ACTS = frozenset({"Attack", "Armed clash", "Looting/property destruction"})
_ORGANISED = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, militias, external forces


def _grievance(tree: Tree, at: int) -> bool:
    """A verb of grievance ("to denounce", "protested") or a protest word's "against"
    or "over": what hangs below it is what the protest is about."""
    tok, heads = tree.tokens[at], words("protest_heads")
    if tok.lemma.lower() in words("grievance_lemmas"):
        return True
    head = tree.head(at)
    return (
        tok.dep == "prep"
        and tok.lemma.lower() in words("grievance_preps")
        and head is not None
        and bool({tree.tokens[head].lemma.lower(), tree.tokens[head].text.lower()} & heads)
    )


def in_grievance(tree: Tree, pos: int) -> bool:
    """ "a sit-in to denounce the killings", "a march against the abduction of a trader":
    the killing or abduction is the protest's cause, told, not happening here."""
    return any(_grievance(tree, at) for at in tree.ancestors(pos))


def without_grievances(tree: Tree, lowered: str) -> str:
    """The sentence with what its protests are about blanked ("called on the police to
    arrest the killers" asks for an arrest: no intervention at the protest)."""
    base = tree.sentence.span.start
    out = list(lowered)
    for at in range(len(tree.tokens)):
        if not _grievance(tree, at):
            continue
        for child in tree.children[at]:
            below = tree.subtree(child)
            lo, hi = tree.tokens[below[0]].start - base, tree.tokens[below[-1]].end - base
            out[lo:hi] = " " * (hi - lo)
    return "".join(out)


def _crowd(text: str | None) -> bool:
    return text is not None and has("crowd_agents", text.lower())


def _armed(text: str | None) -> bool:
    """Armed, organised or unnamed doers: no crowd ("gunmen", "cartel members",
    "settlers", "unidentified persons")."""
    lowered = (text or "").lower()
    if not lowered or has("crowd_agents", lowered):
        return False
    organised = inter_of(lowered) in _ORGANISED or has("organised_agents", lowered)
    return organised or has("armed_victims", lowered) or has("unknown_agents", lowered)


def _mob_said(lowered: str) -> bool:
    return has("mob_words", lowered) or has("mob_cues", lowered)


def armed_crowd(agent_text: str | None, lowered: str) -> bool:
    """ "Armed youths raided the village", "villagers armed with guns killed six": a crowd
    the sentence names as armed, with no lynching, vigilantes or protest about it, is
    an armed group."""
    if has("mob_cues", lowered) or has("protest_context", lowered):
        return False
    doers = (agent_text or "").lower()
    return has("armed_marks", doers) or has("firearms", doers) or has("armed_with_guns", lowered)


def _security(text: str | None) -> bool:
    return text is not None and has("security_forces", text.lower())


def _crowd_fight(best: TriggerHit, roles_of: dict[int, Roles], lowered: str) -> bool:
    """ "Supporters of two parties fought with sticks and machetes": a crowd fight with
    crude weapons and no guns is mob violence, not a clash between armed groups."""
    if best.sub_event_type not in {"Armed clash", "Attack"} or not has("crude_weapons", lowered):
        return False
    if has("firearms", lowered) or has("security_forces", lowered):
        return False
    agent = roles_of.get(best.token, Roles()).agent
    return (
        _crowd(agent.text if agent else None) or has("rival_crowds", lowered) or _mob_said(lowered)
    )


def crowd_decision(
    hits: list[TriggerHit],
    foreground: set[int],
    best: TriggerHit,
    roles_of: dict[int, Roles],
    lowered: str,
) -> tuple[str, TriggerHit] | None:
    """The crowd sub-type of this sentence, or None when it reports no crowd event.

    ``foreground`` holds the trigger tokens of the main clause (a rally "a day
    after" which police arrested a leader is background, not the arrest's frame).
    """
    if _crowd_fight(best, roles_of, lowered):
        return "Mob violence", best
    protests = [h for h in hits if h.sub_event_type == PROTEST and h.token in foreground]
    protests = protests or [h for h in hits if h is best and h.sub_event_type == PROTEST]
    riots = [h for h in hits if h.sub_event_type in RIOT_SUBS]
    sub = best.sub_event_type
    agent = roles_of.get(best.token, Roles()).agent
    agent_text = agent.text if agent else None
    crowd_doer = _crowd(agent_text)
    target = roles_of.get(best.token, Roles()).target
    # "riot police clashed with supporters of the opposition": the crowd is the other side
    crowd_faced = _security(agent_text) and target is not None and _crowd(target.text)
    entered = (
        (protests and best.priority < 25)
        or (sub in RIOT_SUBS and not _armed(agent_text))
        or (sub in {"Arrests", "Attack", "Armed clash"} and bool(protests))
        # "opened fire on supporters marching against the results": the crowd hit protests
        or (
            sub in {"Attack", "Arrests"}
            and target is not None
            and _crowd(target.text)
            and any(h.sub_event_type == PROTEST for h in hits)
        )
        or (sub in _VIOLENT_ACTS and crowd_doer and not armed_crowd(agent_text, lowered))
        or (sub == "Armed clash" and crowd_faced)
        or (
            sub == "Looting/property destruction"
            and agent is None
            and (_mob_said(lowered) or has("crowd_agents", lowered))
        )
    )
    if not entered:
        return None
    anchor = (protests or riots or [best])[0]
    demonstration = bool(protests) or has("protest_context", lowered)
    # "a mob of protesters": a demonstration's crowd, unless lynching, vigilantes or
    # foreigners make it a mob's violence whatever it was called
    called_mob = _mob_said(lowered) or any(h.sub_event_type == "Mob violence" for h in hits)
    mob = has("mob_cues", lowered) or (called_mob and not protests)
    # who did the killing or shooting in the sentence: the crowd or the security forces
    killers = [roles_of.get(h.token, Roles()).agent for h in hits if h.sub_event_type == "Attack"]
    crowd_killed = any(a is not None and _crowd(a.text) for a in killers)
    forces_killed = any(a is not None and _security(a.text) for a in killers)
    # a crowd doing violence anywhere in the sentence ("supporters attacked a rally")
    crowd_acted = any(
        (a := roles_of.get(h.token, Roles()).agent) is not None and _crowd(a.text)
        for h in hits
        if h.sub_event_type in _VIOLENT_ACTS
    )
    violence = (
        has("crowd_violence", lowered)
        or bool(riots)
        or crowd_killed
        or crowd_acted
        or (sub in _VIOLENT_ACTS and crowd_doer)
    )
    if violence:
        if mob:
            return "Mob violence", anchor
        if demonstration:
            return "Violent demonstration", anchor
        one_sided = (
            crowd_killed
            or sub == "Looting/property destruction"
            or (target is not None and target.civilian)
        )
        return ("Mob violence" if one_sided else "Violent demonstration"), anchor
    lethal = has("lethal_force", lowered) or (
        has("firing_on", lowered) and not has("less_lethal", lowered)
    )
    state_present = has("security_forces", lowered) or has("state_crackdown", lowered)
    if lethal and (forces_killed or (not crowd_killed and state_present)):
        return "Excessive force against protesters", anchor
    if has("intervention", lowered):
        return "Protest with intervention", anchor
    return PROTEST, anchor
