"""The ``warwire`` command: a thin shell over the library.

Every command turns library errors into one line on stderr and an exit code
(0 when at least one document was processed, 1 when none was, 2 for usage
errors); no traceback reaches a user.
"""

from __future__ import annotations

import click

from warwire import __version__
from warwire.cli.errors import fail, friendly_errors

__all__ = ["cli", "fail", "friendly_errors", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="warwire")
def cli() -> None:
    """Turn conflict reporting into structured, geocoded, source-attributed events."""


def _register() -> None:
    from warwire.cli import (
        correct_cmd,
        db_cmd,
        eval_cmd,
        extract_cmd,
        geoparse_cmd,
        report_cmd,
        serve_cmd,
        show_cmd,
    )

    for module in (extract_cmd, geoparse_cmd, db_cmd, show_cmd, correct_cmd, serve_cmd, eval_cmd,
                   report_cmd):  # fmt: skip
        module.register(cli)


_register()


def main() -> None:
    cli(prog_name="warwire")
