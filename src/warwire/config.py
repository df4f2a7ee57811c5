"""Settings: packaged defaults (``warwire.toml``), overridden by WARWIRE_*
environment variables, overridden by keyword arguments. Never global: every
entry point builds one and passes it down."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from warwire.errors import ConfigError

DEFAULTS_FILE = Path(str(files("warwire").joinpath("warwire.toml")))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WARWIRE_", frozen=True, extra="forbid", toml_file=DEFAULTS_FILE
    )

    max_document_bytes: int = Field(5_000_000, gt=0)
    fetch_timeout: float = Field(10.0, gt=0)
    fetch_max_redirects: int = Field(5, ge=0)
    allow_private: bool = False
    batch_size: int = Field(32, gt=0)
    time_budget: float = Field(300.0, gt=0)  # seconds one stage may spend on one document
    n_process: int = Field(1, ge=1)
    db: str = "sqlite:///warwire.db"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    max_body_bytes: int = Field(5_000_000, gt=0)
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    tile_url: str | None = None
    geonames_dump: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning validation errors into one readable ConfigError."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"bad setting {where}: {first['msg']}") from exc
