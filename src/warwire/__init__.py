"""warwire: conflict reporting in, structured, geocoded, attributed events out.

The public API; the CLI, REST API and web dashboard call only these.
"""

from __future__ import annotations

__version__ = "0.1.0"

from warwire.config import Settings, load_settings
from warwire.pipeline import Pipeline, default_pipeline, documents, extract

__all__ = [
    "Pipeline",
    "Settings",
    "__version__",
    "default_pipeline",
    "documents",
    "extract",
    "load_settings",
]
