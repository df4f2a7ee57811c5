"""warwire: conflict reporting in, structured, geocoded, attributed events out.

The public API; the CLI, REST API and web dashboard call only these. The
storage and geoparsing entry points load on first use (PEP 562), so that
``import warwire`` and ``warwire --version`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from warwire.config import Settings, load_settings
from warwire.pipeline import Pipeline, default_pipeline, documents, extract

if TYPE_CHECKING:
    from warwire.resolve.places import geoparse
    from warwire.store import export_events, ingest, open_store, query_events

_LAZY = {
    "geoparse": "warwire.resolve.places",
    "export_events": "warwire.store",
    "ingest": "warwire.store",
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
    "geoparse",
    "ingest",
    "load_settings",
    "open_store",
    "query_events",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'warwire' has no attribute {name!r}")
