"""warwire: conflict reporting in, structured, geocoded, attributed events out.

The public API; the CLI, REST API and web dashboard call only these. The
storage and geoparsing entry points load on first use (PEP 562), so that
``import warwire`` and ``warwire --version`` stay fast.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from warwire.config import Settings, load_settings
from warwire.pipeline import Pipeline, default_pipeline, documents, extract, ingest

if TYPE_CHECKING:
    from warwire.notebook import extract_text, to_dataframe
    from warwire.resolve.places import geoparse
    from warwire.store import export_events, open_store, query_events

_LAZY = {
    "extract_text": "warwire.notebook",
    "to_dataframe": "warwire.notebook",
    "geoparse": "warwire.resolve.places",
    "export_events": "warwire.store",
    "open_store": "warwire.store",
    "query_events": "warwire.store",
}

__all__ = [
    "Pipeline",
    "Settings",
    "__version__",
    "default_pipeline",
    "documents",
    "export_events",
    "extract",
    "extract_text",
    "geoparse",
    "ingest",
    "load_settings",
    "open_store",
    "query_events",
    "to_dataframe",
]


class _Package(ModuleType):
    """Keeps ``warwire.extract`` the function: the first import of the
    ``warwire.extract`` subpackage would otherwise rebind the name to the package,
    and a notebook's later ``warwire.extract(...)`` would fail."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'warwire' has no attribute {name!r}")
