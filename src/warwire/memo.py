"""Memoise a per-document question on the identity of its arguments.

Stages ask document-wide questions ("the story's own place", "the names inside
this span") once per sentence. Answering each from scratch made a long document
quadratic; hashing the arguments by value (a tuple of every toponym, the whole
text) would cost as much as the answer. The arguments are immutable for the
life of a document, so their identity is their value: the cache keeps a strong
reference to them, which keeps an id from being reused while it is cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_SIZE = 16  # a few documents at once (a batch's stages interleave only by document)


def by_identity(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` answered once per identical arguments (positional by identity,
    keyword by value); the cache is emptied when it holds ``_SIZE`` answers."""
    cache: dict[tuple[object, ...], tuple[tuple[object, ...], R]] = {}

    @wraps(fn)
    def memoised(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (*map(id, args), *sorted(kwargs.items()))
        hit = cache.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], args, strict=True)):
            return hit[1]
        answer = fn(*args, **kwargs)
        if len(cache) >= _SIZE:
            cache.clear()
        cache[key] = (args, answer)
        return answer

    return memoised
