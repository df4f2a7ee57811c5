"""Canonical actors: the registry in ``data/actors.yaml`` and how text maps onto it.

Reporting names one armed group a dozen ways ("GNA", "the Tripoli-based government",
"Turkish-backed forces"); ACLED needs one name and one inter code. Matching is on
normalised token keys (case, diacritics, possessives and plurals folded) so the same
rules serve whole noun phrases (:meth:`ActorRegistry.resolve`) and sentence scans
(:meth:`ActorRegistry.find`). Fuzzy matching is a last resort and only over named groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from warwire.errors import ModelError
from warwire.knowledge import data_yaml
from warwire.resolve import countries
from warwire.resolve.actor_index import Alias, Index, StateEntry, build_index, lengths_by_first_word
from warwire.resolve.actor_keys import actor_words, phrase_key, slug, tokens
from warwire.resolve.actor_kinds import inter_of
from warwire.types import Actor

_WORDS = actor_words()
# "Sudan's RSF", "Yemen's Houthis": the country says where, the rest who
_POSSESSED = re.compile(r"^(?P<owner>[A-Z][\w.'’ -]*?)['’]s?\s+(?P<rest>\S.*)$")
_BACKED = re.compile(
    r"^(?P<backer>[\w.'’ -]+?)[- ](?:backed|supported|allied)\s+(?P<rest>.+)$", re.I
)


@dataclass(frozen=True, slots=True)
class ActorRegistry:
    """Immutable alias index; build it with :meth:`from_data` or :func:`default_registry`."""

    index: Index
    actors: dict[str, Actor]
    states: dict[str, StateEntry]
    max_tokens: int
    fuzzy_keys: tuple[str, ...] = field(default=())
    # per-process memo of find() results and of the words aliases start with
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ActorRegistry:
        """Build the index from the parsed YAML (see the header of ``data/actors.yaml``)."""
        return cls(*build_index(data))

    # ------------------------------------------------------------------ lookups
    def country_name(self, country_code: str) -> str:
        st = self.states.get(country_code.upper())
        if st:
            return st.name
        found = countries.country(country_code)
        return found.name if found else country_code

    def state_forces(self, country_code: str, kind: str = "military") -> Actor:
        """ACLED's "Military Forces of X" / "Police Forces of X" / "Government of X".

        For countries with rival governments the registry entry names the actor
        (Libya's military is the GNA).
        """
        iso = country_code.upper()
        st = self.states.get(iso)
        full = f"the {st.name}" if st and st.the else self.country_name(iso)
        name = {
            "military": (st.military if st else None) or f"Military Forces of {full}",
            "police": (st.police if st else None) or f"Police Forces of {full}",
            "government": f"Government of {full}",
        }.get(kind)
        if name is None:
            raise ValueError(f"unknown state actor kind {kind!r}")
        return self.actors.get(name) or Actor(name, 1, iso, actor_id=slug(name))

    def _materialise(self, alias: Alias, country_code: str | None) -> Actor | None:
        if alias.actor is not None:
            return alias.actor
        if alias.state is not None:
            return self.state_forces(country_code, alias.state) if country_code else None
        assert alias.template is not None
        if country_code:
            name = alias.template.format(country=self.country_name(country_code))
        else:
            name = alias.template.replace(" ({country})", "")
        return Actor(name, alias.inter, country_code, actor_id=slug(name))

    def _pick(
        self, key: str, raw: str, country_code: str | None, *, prev: str | None = None
    ) -> Actor | None:
        """Best alias for ``key``: local to the story's country, then its own, then global."""
        cc = country_code.upper() if country_code else None
        usable = [
            a
            for a in self.index.get(key, ())
            if (a.raw is None or a.raw == raw)
            and (a.scope is None or a.scope == cc)
            and not (a.metonym and prev in _WORDS.locative)
        ]
        if not usable:
            return None
        for a in usable:
            if a.scope is not None:
                return self._materialise(a, cc)
        if cc:
            for a in usable:
                if a.actor is not None and a.actor.country == cc:
                    return a.actor
        fixed = {a.actor.name for a in usable if a.actor is not None}
        if len(fixed) > 1:
            return None  # ambiguous without the story's country ("SNA")
        return self._materialise(usable[0], cc)

    def resolve(self, text: str, country_code: str | None = None) -> Actor | None:
        """The canonical actor a noun phrase names, or ``None`` when unsure."""
        toks = tokens(text)
        while (toks and toks[0][2] in _WORDS.leading_noise) or (toks and toks[0][2].isdigit()):
            toks = toks[1:]
        if not toks:
            return None
        for cut in range(len(toks), 0, -1):
            part = toks[:cut]
            if cut < len(toks) and not all(t[2] in _WORDS.suffixes for t in toks[cut:]):
                break
            found = self._pick(
                " ".join(t[2] for t in part), " ".join(t[3] for t in part), country_code
            )
            if found:
                return found
        possessed = _POSSESSED.match(text.strip())
        owner = countries.country(possessed["owner"]) if possessed else None
        if possessed and owner is not None:
            named = self.resolve(possessed["rest"], owner.iso2)
            if named is not None:
                return named
        backed = _BACKED.match(text.strip())
        if backed:
            return self._resolve_backed(backed["backer"], backed["rest"], country_code)
        return self._fuzzy(" ".join(t[2] for t in toks), country_code)

    def _resolve_backed(self, backer: str, rest: str, country_code: str | None) -> Actor | None:
        """ "Iran-backed Houthis" -> Houthis; "Emirati-backed forces" -> the local UAE client."""
        named = self.resolve(rest, country_code)
        if named and all(a.actor is not None for a in self.index.get(phrase_key(rest), ())):
            return named
        patron = self.resolve(f"{backer} forces", country_code) or self.resolve(
            backer, country_code
        )
        if patron is None or not country_code:
            return None
        clients = [
            a
            for a in self.actors.values()
            if a.country == country_code.upper() and patron.name in a.backers
        ]
        return clients[0] if len(clients) == 1 else None

    def _fuzzy(self, key: str, country_code: str | None) -> Actor | None:
        if len(key) < 6 or not self.fuzzy_keys:
            return None
        hits = process.extract(key, self.fuzzy_keys, scorer=fuzz.ratio, limit=2, score_cutoff=90)
        if not hits or hits[0][0][0] != key[0]:
            return None
        if len(hits) > 1 and hits[1][1] >= hits[0][1] - 2:
            return None
        return self._pick(hits[0][0], "", country_code)

    def resolve_or_keep(self, text: str, country_code: str | None = None) -> Actor:
        """Like :meth:`resolve`, but an unknown actor is kept verbatim with an inferred type.

        Raises ValueError for blank text: there is nothing to keep.
        """
        found = self.resolve(text, country_code)
        if found:
            return found
        name = _clean_name(text)
        if not name:
            raise ValueError("an actor name cannot be blank")
        iso = country_code.upper() if country_code else None
        return Actor(name, inter_of(name), iso, actor_id=_KEPT + slug(name))

    def find(
        self, text: str, country_code: str | None = None, *, include_generic: bool = False
    ) -> list[tuple[int, int, Actor]]:
        """Every actor alias in ``text`` (offsets into ``text``), longest first, non-overlapping.

        A trailing "forces"/"fighters"/... is taken into the span; a capital is an actor
        only when it is not the object of a locative preposition ("in Ankara"). Bare
        category words ("troops", "gunmen", "military") are skipped unless
        ``include_generic``: as adjectives they are mostly noise.
        """
        memo_key = (text, country_code, include_generic)
        if (hit := self.memo.get(memo_key)) is not None:
            return list(hit)
        firsts = self.memo.get("firsts")
        if firsts is None:
            firsts = self.memo["firsts"] = lengths_by_first_word(self.index)
        toks = tokens(text)
        spaced = any(" " in t[2] for t in toks)  # a ligature (U+FDFA) folds to words
        cc = country_code.upper() if country_code else None
        out: list[tuple[int, int, Actor]] = []
        i = 0
        while i < len(toks):
            lengths = firsts.get(toks[i][2])
            if lengths is None:  # no alias starts with this word
                i += 1
                continue
            prev = toks[i - 1][2] if i else None
            # only the lengths some alias starting with this word has: another key
            # cannot be in the index (unless a folded word holds a space: try all)
            for n in range(min(self.max_tokens, len(toks) - i), 0, -1) if spaced else lengths:
                if n > len(toks) - i:
                    continue
                part = toks[i : i + n]
                key = " ".join(t[2] for t in part)
                found = self._pick(key, " ".join(t[3] for t in part), country_code, prev=prev)
                if (
                    found
                    and not include_generic
                    and all(
                        a.actor is None
                        for a in self.index.get(key, ())
                        if a.scope is None or a.scope == cc  # another country's local alias
                    )
                ):
                    found = None
                if found:
                    j = i + n
                    if part[-1][2] not in _WORDS.suffixes:
                        while j < len(toks) and toks[j][2] in _WORDS.suffixes:
                            j += 1
                    out.append((toks[i][0], toks[j - 1][1], found))
                    i = j
                    break
            else:
                i += 1
        if len(self.memo) > 8192:
            self.memo.clear()
        self.memo[memo_key] = tuple(out)
        return out

    def resolve_in_document(
        self, names: Sequence[str], country_code: str | None = None
    ) -> list[tuple[str, Actor]]:
        """Resolve names in document order, using what came before for references.

        "its forces"/"their fighters" take the latest armed actor; "the army" the latest
        actor with Army in its name or the latest state military (Libya: "the army" after
        "LNA forces" is the LNA); everything else goes through :meth:`resolve_or_keep`.
        """
        seen: list[Actor] = []
        out: list[tuple[str, Actor]] = []
        for name in names:
            key = phrase_key(name)
            actor: Actor | None = None
            if _ANAPHOR.match(key):
                actor = next((a for a in reversed(seen) if a.inter in (1, 2, 3, 4, 8)), None)
            elif key in ("the army", "army", "the military"):
                actor = next((a for a in reversed(seen) if _is_army(a)), None)
            actor = actor or self.resolve_or_keep(name, country_code)
            seen.append(actor)
            out.append((name, actor))
        return out


_ANAPHOR = re.compile(
    r"^(its?|their|his|her|the group) (own )?(force|fighter|troop|men|militant|unit|soldier)$"
)


def _is_army(actor: Actor) -> bool:
    return "army" in actor.name.casefold().split() or actor.name.startswith("Military Forces of")


def _clean_name(text: str) -> str:
    words = text.strip().strip(".,;:!?\"'()[]").split()
    while len(words) > 1 and words[0].casefold() in ("the", "a", "an", "some", "several"):
        words = words[1:]
    return " ".join(words)


_KEPT = "unknown:"  # the id prefix of a phrase kept as written


def is_kept_phrase(actor: Actor) -> bool:
    """An actor the registry did not know, kept under the words the text used."""
    return (actor.actor_id or "").startswith(_KEPT)


@cache
def default_registry() -> ActorRegistry:
    """The packaged registry, parsed once per process on first use."""
    try:
        data = data_yaml("actors.yaml")
    except ModelError as exc:
        raise ModelError(f"cannot load the actor registry: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError("the actor registry is not a mapping")
    return ActorRegistry.from_data(data)


def resolve_in_document(names: Sequence[str], country_code: str | None = None) -> dict[str, Actor]:
    """Each distinct name in a document -> its actor (first reading wins); see
    :meth:`ActorRegistry.resolve_in_document` for the per-occurrence version."""
    out: dict[str, Actor] = {}
    for name, actor in default_registry().resolve_in_document(names, country_code):
        out.setdefault(name, actor)
    return out
