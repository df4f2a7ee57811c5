"""The default pipeline, built once for the extraction tests that run whole stories."""

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))
