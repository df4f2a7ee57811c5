"""Fixtures for the API tests: an app over the hand-built fake store."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from warwire.api import create_app
from warwire.config import Settings


def load_fakes() -> ModuleType:
    """Import fakes.py under a unique name (test folders have no __init__.py)."""
    name = "warwire_tests_api_fakes"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("fakes.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


TOKEN = "s3cret-token"


@pytest.fixture
def fakes() -> ModuleType:
    return load_fakes()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store(fakes: ModuleType):  # type: ignore[no-untyped-def]
    return fakes.sample_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(token=TOKEN, max_body_bytes=2000)


@pytest.fixture
def client(settings: Settings, store) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(settings, store))
