"""``warwire eval``: score warwire against gold data an analyst trusts."""

from __future__ import annotations

import click

from warwire.evaluate.acled import acled_eval_command
from warwire.evaluate.events import events_eval_command
from warwire.evaluate.geoparse import geoparse_eval_command
from warwire.evaluate.ucdp import ucdp_eval_command


@click.group("eval")
def eval_group() -> None:
    """Score extraction or geoparsing against gold files."""


eval_group.add_command(acled_eval_command)
eval_group.add_command(geoparse_eval_command)
eval_group.add_command(events_eval_command)
eval_group.add_command(ucdp_eval_command)


def register(group: click.Group) -> None:
    group.add_command(eval_group)
