"""Site self-check runs as stored: one row per run, its figures in columns (for the trend) and the whole
typed result as JSON, written in one transaction so that a run is stored whole or not at all."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, Select, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.store.tables import Base, UtcDateTime


class SiteCheckRow(Base):
    __tablename__ = "site_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int | None] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(1000))
    today: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime)
    pages: Mapped[int] = mapped_column(Integer)
    total: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    vetoes: Mapped[int] = mapped_column(Integer)
    findings: Mapped[int] = mapped_column(Integer)
    result: Mapped[dict] = mapped_column(JSON)


def save_site_check(session: Session, county_id: int | None, result: SiteCheckResult) -> int:
    row = SiteCheckRow(county_id=county_id, url=result.url[:1000], today=result.today, started_at=result.started_at,
                       finished_at=result.finished_at, pages=result.pages, total=result.score.total,
                       passed=result.score.passed, vetoes=sum(v.findings for v in result.score.vetoes),
                       findings=len(result.findings), result=result.model_dump(mode="json"))
    session.add(row)
    session.flush()
    return row.id


def _runs(county_id: int | None) -> Select[SiteCheckRow]:
    query = select(SiteCheckRow)
    return query.where(SiteCheckRow.county_id.is_(None) if county_id is None else SiteCheckRow.county_id == county_id)


def latest_site_check(session: Session, county_id: int | None) -> SiteCheckResult | None:
    row = session.scalar(_runs(county_id).order_by(SiteCheckRow.finished_at.desc(), SiteCheckRow.id.desc()).limit(1))
    return SiteCheckResult.model_validate(row.result) if row is not None else None


def site_check_trend(session: Session, county_id: int | None, limit: int = 30) -> list[SiteCheckRow]:
    """The last `limit` runs, oldest first."""
    rows = session.scalars(_runs(county_id).order_by(SiteCheckRow.finished_at.desc(), SiteCheckRow.id.desc())
                           .limit(limit))
    return list(reversed(list(rows)))
