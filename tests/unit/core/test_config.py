import pytest

from warwire.config import load_settings
from warwire.errors import ConfigError


def test_defaults_come_from_the_packaged_file() -> None:
    settings = load_settings()
    assert settings.max_document_bytes == 5_000_000
    assert settings.host == "127.0.0.1"
    assert settings.allow_private is False


def test_environment_then_arguments_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_MAX_DOCUMENT_BYTES", "1000")
    assert load_settings().max_document_bytes == 1000
    assert load_settings(max_document_bytes=5).max_document_bytes == 5
    assert load_settings(max_document_bytes=None).max_document_bytes == 1000


def test_bad_values_are_one_config_error() -> None:
    with pytest.raises(ConfigError, match="port"):
        load_settings(port=70000)
