"""Early warnings as stored: each county's recipients, what was sent to whom (never twice), every delivery tried."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from govwatch.domain.warnings import EarlyWarning
from govwatch.notify.recipients import NotifyConfig
from govwatch.store.tables import Base, UtcDateTime, utcnow


class NotifyConfigRow(Base):
    """A county's notify.yaml as loaded (validated, secrets not included)."""

    __tablename__ = "notify_configs"
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"), primary_key=True)
    config: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class WarningSentRow(Base):
    """A warning delivered to a recipient on a day: the natural key that keeps re-runs from sending it again."""

    __tablename__ = "warnings_sent"
    __table_args__ = (UniqueConstraint("county_id", "recipient", "day", "warning_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    recipient: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date)
    warning_key: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(20))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class WarningDeliveryRow(Base):
    """One attempt to send a digest (or a part of one): what it carried and the channel's error, if any."""

    __tablename__ = "warning_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    warnings: Mapped[int] = mapped_column(Integer)
    ok: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


def save_notify_config(session: Session, county_id: int, config: NotifyConfig) -> None:
    row = session.get(NotifyConfigRow, county_id)
    data = config.model_dump(mode="json")
    if row is None:
        session.add(NotifyConfigRow(county_id=county_id, config=data))
    else:
        row.config, row.updated_at = data, utcnow()
    session.flush()


def load_notify_config(session: Session, county_id: int) -> NotifyConfig | None:
    row = session.get(NotifyConfigRow, county_id)
    return None if row is None else NotifyConfig.model_validate(row.config)


def sent_keys(session: Session, county_id: int, recipient: str, day: date) -> set[str]:
    """Keys of the warnings `recipient` already got on `day`."""
    return set(session.scalars(select(WarningSentRow.warning_key).where(
        WarningSentRow.county_id == county_id, WarningSentRow.recipient == recipient, WarningSentRow.day == day)))


def record_sent(
    session: Session, county_id: int, day: date, recipient: str, channel: str, warnings: Sequence[EarlyWarning]
) -> None:
    session.add_all(
        WarningSentRow(county_id=county_id, recipient=recipient, day=day, warning_key=w.key, kind=w.kind.value,
                       unit=w.unit, channel=channel)
        for w in warnings
    )
    session.flush()


def record_delivery(
    session: Session, county_id: int, day: date, recipient: str, label: str, channel: str, count: int, error: str
) -> None:
    session.add(WarningDeliveryRow(county_id=county_id, day=day, recipient=recipient, label=label, channel=channel,
                                   warnings=count, ok=not error, error=error))
    session.flush()
