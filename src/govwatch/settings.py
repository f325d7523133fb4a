"""Process settings (环境配置), read once from GOVWATCH_* environment variables; county facts live in YAML."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from govwatch.domain.calendar import parse_day
from govwatch.errors import InvalidInput

DEFAULT_DB_FILE = "govwatch.db"


class Settings(BaseSettings):
    """Every setting with its default; `docs/settings.md` documents each (a test checks)."""

    model_config = SettingsConfigDict(env_prefix="GOVWATCH_", extra="ignore")

    db: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default a SQLite file govwatch.db in the working folder",
    )

    smtp_host: str | None = Field(default=None, description="SMTP server of warning e-mails; unset: none sent")
    smtp_port: int | None = Field(default=None, description="SMTP port; default 465 (ssl), 587 (starttls), 25 (none)")
    smtp_security: Literal["starttls", "ssl", "none"] = Field(
        default="starttls", description="how the SMTP link is encrypted"
    )
    smtp_user: str | None = Field(default=None, description="SMTP login; unset: no login")
    smtp_password: SecretStr | None = Field(default=None, description="SMTP password (never in a YAML file)")
    smtp_sender: str | None = Field(default=None, description="From address of warning e-mails; default smtp_user")
    notify_timeout: float = Field(default=10, gt=0, description="seconds to wait for an SMTP server or a webhook")

    web_county: str | None = Field(default=None, description="county the web app serves; default the only one stored")
    web_secure_cookie: bool = Field(default=False, description="send the web session cookie over HTTPS only")
    proofread_timeout: float = Field(
        default=60, gt=0, description="seconds the web app may spend reading and proofreading one draft"
    )
    proofread_workers: int = Field(default=2, ge=1, description="drafts the web app proofreads at once, each in a process")

    today: date | None = Field(
        default=None, description="the date commands take for today (backfills, tests, demos); unset: the real one"
    )

    @classmethod
    def fixed_today(cls, option: str | None = None) -> date | None:
        """The date a command takes for today: its `--today`, else GOVWATCH_TODAY, else None (the real one)."""
        if option:
            return parse_day(option)
        try:
            return cls().today
        except ValidationError:
            raise InvalidInput("环境变量 GOVWATCH_TODAY 应为 YYYY-MM-DD") from None

    def database_url(self) -> str:
        return self.db or f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"
