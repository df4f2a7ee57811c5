"""How every command reports a library error: one stderr line and an exit code.

Kept apart from the command group so that the commands defined next to their
library code (the scorers in :mod:`warwire.evaluate`) can use it without
importing the group that registers them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from warwire.errors import WarwireError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> None:
    click.echo(f"warwire: {message}", err=True)
    sys.exit(code)


def friendly_errors(func: F) -> F:
    """Library errors become one stderr line; Ctrl-C exits 130 quietly."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WarwireError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]
