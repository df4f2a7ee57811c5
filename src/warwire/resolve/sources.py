"""The source registry: who a publisher is, shown beside every claim.

warwire does not score truth. It shows the facts a reader needs to weigh a
claim: whether the outlet is state-affiliated, partisan to a side, under
sanctions, a wire service, local or independent, with a one-line reason and
a public reference. The registry is data we write (``data/sources.yaml``);
unknown publishers simply have no entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from warwire.errors import ConfigError
from warwire.knowledge import data_yaml

CATEGORIES = frozenset(
    {"state-affiliated", "partisan", "sanctioned", "wire-service", "local", "independent"}
)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    categories: tuple[str, ...]
    reason: str
    reference: str
    side: str | None = None
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "categories": list(self.categories),
            "side": self.side,
            "reason": self.reason,
            "reference": self.reference,
        }


def normalize(name: str) -> str:
    """Case, punctuation and a leading 'the' do not distinguish publishers."""
    words = re.sub(r"[^\w.]+", " ", name.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "Xtown. [size=...": a speaker's words, no address
        return None
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True, slots=True)
class SourceRegistry:
    entries: tuple[SourceInfo, ...]

    def lookup(self, publisher: str | None = None, url: str | None = None) -> SourceInfo | None:
        """The entry for a publisher name, alias, or the domain of a URL."""
        if publisher:
            key = normalize(publisher)
            for entry in self.entries:
                if key in {normalize(n) for n in (entry.name, *entry.aliases)}:
                    return entry
        host = host_of(url) or (host_of(publisher) if publisher and "." in publisher else None)
        if host:
            for entry in self.entries:
                if any(host == d or host.endswith("." + d) for d in entry.domains):
                    return entry
        return None


def parse_registry(data: object) -> SourceRegistry:
    if not isinstance(data, list):
        raise ConfigError("source registry must be a list of entries")
    entries = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not {"name", "categories", "reason", "reference"} <= set(
            item
        ):
            raise ConfigError(f"source registry entry {i} lacks name/categories/reason/reference")
        categories = tuple(item["categories"])
        unknown = set(categories) - CATEGORIES
        if unknown:
            raise ConfigError(f"source {item['name']!r}: unknown categories {sorted(unknown)}")
        entries.append(
            SourceInfo(
                name=str(item["name"]),
                categories=categories,
                reason=str(item["reason"]),
                reference=str(item["reference"]),
                side=item.get("side"),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                domains=tuple(str(d) for d in item.get("domains") or ()),
            )
        )
    return SourceRegistry(tuple(entries))


@lru_cache(maxsize=1)
def load_registry() -> SourceRegistry:
    """The packaged registry, read once per process."""
    return parse_registry(data_yaml("sources.yaml"))


def lookup_source(publisher: str | None = None, url: str | None = None) -> SourceInfo | None:
    return load_registry().lookup(publisher, url)
