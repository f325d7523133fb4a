"""The centre's monthly lists of recommended articles (推荐转载), as loaded, so that every ingest run,
the daily one included, classifies posts against the list of their month."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from govwatch.domain.calendar import Month
from govwatch.domain.recommended import Recommended
from govwatch.store.tables import Base


class RecommendedRow(Base):
    """One article of a county's list for a month."""

    __tablename__ = "recommended_articles"
    __table_args__ = (UniqueConstraint("county_id", "month", "title"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)


def replace_month_list(session: Session, county_id: int, month: Month, items: Sequence[Recommended]) -> None:
    """Store the month's list in place of any earlier one (a title listed twice is kept once)."""
    session.execute(delete(RecommendedRow).where(RecommendedRow.county_id == county_id, RecommendedRow.month == str(month)))
    unique = {item.title: item for item in items}
    session.add_all(RecommendedRow(county_id=county_id, month=str(month), title=i.title, url=i.url) for i in unique.values())
    session.flush()


def month_lists(session: Session, county_id: int) -> dict[Month, list[Recommended]]:
    """Every stored list of the county, by month."""
    lists: dict[Month, list[Recommended]] = {}
    rows = session.execute(
        select(RecommendedRow.month, RecommendedRow.title, RecommendedRow.url)
        .where(RecommendedRow.county_id == county_id)
        .order_by(RecommendedRow.month, RecommendedRow.id)
    )
    for month, title, url in rows:
        lists.setdefault(Month.parse(month), []).append(Recommended(title, url))
    return lists
