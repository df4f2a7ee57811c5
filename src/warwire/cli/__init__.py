"""The ``warwire`` command: a thin shell over the library.

Every command turns library errors into one line on stderr and an exit code
(0 when at least one document was processed, 1 when none was, 2 for usage
errors); no traceback reaches a user.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from warwire import __version__
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="warwire")
def cli() -> None:
    """Turn conflict reporting into structured, geocoded, source-attributed events."""


def _register() -> None:
    from warwire.cli import db_cmd, eval_cmd, extract_cmd, geoparse_cmd, serve_cmd

    for module in (extract_cmd, geoparse_cmd, db_cmd, serve_cmd, eval_cmd):
        module.register(cli)


_register()


def main() -> None:
    cli(prog_name="warwire")
