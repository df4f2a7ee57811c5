"""The actor registry's alias index, built from ``data/actors.yaml``.

Every state in the file yields three actors (military, police, government) and
the demonym phrases that name them; every group its aliases, local aliases and
cased acronyms; bare state words and generic categories become templates the
story's country fills in. Building is a one-off translation of the file into
keys, kept apart from the lookups in :mod:`warwire.resolve.actors` that use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from warwire.resolve.actor_keys import actor_words, fold, phrase_key, slug
from warwire.types import Actor

_WORDS = actor_words()


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of naming an actor. Exactly one of actor / state / template is set."""

    actor: Actor | None = None
    state: str | None = None  # "military" | "police" | "government": the story's state
    template: str | None = None  # generic category, "{country}" filled from the story
    inter: int | None = None
    scope: str | None = None  # ISO2: only valid in that country's stories
    raw: str | None = None  # case-sensitive surface (short acronyms: "IS", "AA")
    metonym: bool = False  # a capital standing for its state ("Ankara deployed ...")
    fuzzy: bool = False


@dataclass(frozen=True, slots=True)
class StateEntry:
    """A state as the registry file names it and its forces."""

    iso: str
    name: str
    the: bool
    military: str | None
    police: str | None


Index = dict[str, tuple[Alias, ...]]


def build_index(
    data: dict[str, Any],
) -> tuple[Index, dict[str, Actor], dict[str, StateEntry], int, tuple[str, ...]]:
    """The alias index, actors by name, states by ISO2, the longest key's word count and
    the keys fuzzy matching may reach (see the header of ``data/actors.yaml``)."""
    entries: dict[str, list[Alias]] = {}
    actors: dict[str, Actor] = {}
    states: dict[str, StateEntry] = {}
    groups = {g["name"]: g for g in data.get("groups") or []}

    def add(alias: str, entry: Alias, cased: bool = False) -> None:
        key = phrase_key(alias)
        if not key:
            return
        short = cased or (len(alias) <= 3 and alias.isupper())
        item = Alias(
            entry.actor, entry.state, entry.template, entry.inter, entry.scope,
            fold(alias) if short else None, entry.metonym,
            entry.fuzzy and len(key) >= 6 and not short,
        )  # fmt: skip
        bucket = entries.setdefault(key, [])
        if item not in bucket:
            bucket.append(item)

    def make(
        name: str,
        inter: int,
        iso: str | None,
        made: Iterable[str] = (),
        extra: Sequence[str] = (),
    ) -> Actor:
        group = groups.pop(name, {})
        listed = (*extra, *(group.get("aliases") or ()))
        aliases = (*made, *listed)
        actor = Actor(
            name=name, inter=int(group.get("inter", inter)),
            country=group.get("country", iso), aliases=tuple(dict.fromkeys(listed)),
            backers=tuple(group.get("backers") or ()), actor_id=slug(name),
        )  # fmt: skip
        actors[name] = actor
        cased = set(group.get("cased") or ())  # acronyms that are also words: "LeT", "FACT"
        for alias in (name, *aliases, *cased):
            add(alias, Alias(actor=actor, fuzzy=bool(group)), alias in cased)
        for scope, local in (group.get("local") or {}).items():
            for alias in local:
                add(alias, Alias(actor=actor, scope=scope), alias in cased)
        return actor

    for row in data.get("states") or []:
        iso, cname = row["iso"], row["name"]
        full = f"the {cname}" if row.get("the") else cname
        st = StateEntry(iso, cname, bool(row.get("the")), row.get("military"), row.get("police"))
        states[iso] = st
        names = (*row.get("demonyms", ()), cname)
        nouns = _WORDS.state_nouns
        mil = [f"{d} {n}" for d in names for n in nouns["military"]]
        pol = [f"{d} {n}" for d in names for n in nouns["police"]]
        gov = [f"{d} {n}" for d in names for n in nouns["government"]]
        mil_name = st.military or f"Military Forces of {full}"
        make(mil_name, 1, iso, mil, row.get("military_aliases", ()))
        make(st.police or f"Police Forces of {full}", 1, iso, pol, row.get("police_aliases", ()))
        make(f"Government of {full}", 1, iso, gov)
        for cap in row.get("capitals", ()):
            add(cap, Alias(actor=actors[mil_name], metonym=True))
    for name, group in list(groups.items()):
        make(name, int(group["inter"]), group.get("country"))
    for kind, words in _WORDS.bare_state.items():
        for w in words:
            add(w, Alias(state=kind, inter=1))
    for gen in data.get("generics") or []:
        for w in gen["words"]:
            add(w, Alias(template=gen["template"], inter=int(gen["inter"])))
    index = {k: tuple(v) for k, v in entries.items()}
    fuzzy_keys = tuple(k for k, v in index.items() if any(a.fuzzy for a in v))
    longest = max((len(k.split()) for k in index), default=1)
    return index, actors, states, longest, fuzzy_keys


def lengths_by_first_word(index: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    """For each word some alias key starts with, the word counts of those keys, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in index:
        words = key.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
