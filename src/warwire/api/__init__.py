"""warwire's REST API and dashboard server (``warwire serve``)."""

from __future__ import annotations

from warwire.api.app import create_app

__all__ = ["create_app"]
