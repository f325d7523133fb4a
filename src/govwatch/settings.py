"""Process settings (环境配置), read once from GOVWATCH_* environment variables; county facts live in YAML."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_FILE = "govwatch.db"


class Settings(BaseSettings):
    """Every setting with its default; `docs/settings.md` documents each (a test checks)."""

    model_config = SettingsConfigDict(env_prefix="GOVWATCH_", extra="ignore")

    db: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default a SQLite file govwatch.db in the working folder",
    )

    def database_url(self) -> str:
        return self.db or f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"
