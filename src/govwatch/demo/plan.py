"""The demo plan file (examples/<county>/demo/<month>.yaml): what units and accounts published."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from govwatch.domain.model import Platform


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnOutput(_Strict):
    count: int = Field(ge=0)
    earlier: int = Field(default=0, ge=0, description="how many fall in the window's months before this one")


class AccountOutput(_Strict):
    account: str
    platform: Platform
    original: int = Field(ge=0)
    recommended: int = Field(ge=0)
    other: int = Field(ge=0)
    silent: tuple[tuple[str, str], ...] = Field(default=(), description="MM-DD ranges with no post")
    silent_original: tuple[tuple[str, str], ...] = Field(default=(), description="MM-DD ranges with no original")


class OutsideItem(_Strict):
    unit: str
    column: str
    at: datetime
    sentence: str | None = None


class UnitSentences(_Strict):
    unit: str
    column: str
    texts: tuple[str, ...]


class DemoPlan(_Strict):
    month: str
    seed: int
    portal: str
    notice_date: date | None = None  # 成文日期 of the demo's notice (the seed's: 2023-07-16)
    holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()
    disclosure: dict[str, dict[str, int | ColumnOutput]]
    news: dict[str, int]
    new_media: tuple[AccountOutput, ...]
    outside_month: tuple[OutsideItem, ...] = ()
    sentences: tuple[UnitSentences, ...] = ()

    def column_output(self, unit: str, column: str) -> ColumnOutput:
        value = self.disclosure.get(unit, {}).get(column, 0)
        return value if isinstance(value, ColumnOutput) else ColumnOutput(count=value)
