"""warwire's exceptions. Only the CLI and the API turn them into exit codes
and HTTP statuses; the library raises them and never prints.

    WarwireError
    ├── InputError            an input could not be read (one bad file, URL, line)
    │   ├── FetchError        a URL could not be fetched (timeout, HTTP error, too big)
    │   │   └── BlockedAddressError   the URL resolves to a private/loopback address
    │   └── DecodeError       bytes that are not text in any encoding we accept
    ├── ConfigError           settings that make no sense
    ├── PipelineError         stages in an order that cannot work
    ├── ModelError            a packaged model or gazetteer could not be loaded
    ├── StoreError            the database refused or is missing a migration
    └── CorrectionError       an analyst's correction names an unknown field or value
"""

from __future__ import annotations

import re
import traceback

from warwire.types import Rejection

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MESSAGE_MAX = 300  # a rejection is one readable line, whatever the input held


def one_line(text: str, limit: int = MESSAGE_MAX) -> str:
    """``text`` as one bounded line: control characters escaped, the tail cut.

    File names, URLs and parser messages come from the input; a newline in
    one must not print a second (forgeable) log line, nor a megabyte of it.
    """
    text = text[: limit * 4]
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failure(stage: str, exc: BaseException, input_id: str) -> Rejection:
    """The rejection for an unexpected error in ``stage``: one line for the user,
    the error class and traceback kept for ``--errors FILE``."""
    why = one_line(f"{stage} failed: {type(exc).__name__}: {exc}")
    trace = "".join(traceback.format_exception(exc))
    return Rejection(stage, "stage_failed", why, one_line(input_id), type(exc).__name__, trace)


class WarwireError(Exception):
    """Base of every error warwire raises on purpose."""


class InputError(WarwireError):
    """One input could not be turned into a document; the batch goes on.

    ``reason`` is a short stable code used in :class:`warwire.types.Rejection`.
    """

    def __init__(self, input_id: str, reason: str, detail: str) -> None:
        super().__init__(f"{input_id}: {detail}")
        self.input_id = input_id
        self.reason = reason
        self.detail = detail


class FetchError(InputError):
    pass


class BlockedAddressError(FetchError):
    pass


class DecodeError(InputError):
    pass


class ConfigError(WarwireError):
    pass


class PipelineError(WarwireError):
    pass


class ModelError(WarwireError):
    pass


class StoreError(WarwireError):
    pass


class CorrectionError(WarwireError):
    """A correction that cannot be made: unknown field, bad value, nothing to change."""
