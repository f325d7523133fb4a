"""The notice shows the month's stored grade result: which one, when it is made again, what it cites."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, select, update

from govwatch.domain.calendar import Month
from govwatch.services.evaluate import read_stored
from govwatch.services.report import NotEvaluated, notice_model
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import EvaluationRow, FindingRow, PostRow

JUNE = Month(2023, 6)


def test_failing_findings_are_cited_by_their_stored_ids(demo_copy):
    with demo_copy.transaction() as session:
        found = read_stored(session, load_stored_county(session), JUNE)
        cited = [e for row in found.result.rows() for r in row.reasons if r.rule.endswith(".serious")
                 for e in r.evidence]
        assert len(cited) == 10
        for e in cited:
            row = session.get(FindingRow, e.issue.finding_id)
            assert (row.post_id, row.wrong, row.suggestion) == (e.post_id, e.issue.wrong, e.issue.suggestion)


def test_the_notice_reads_the_stored_result_until_its_posts_change(demo_copy):
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        first = notice_model(session, stored, JUNE).stamp
        assert notice_model(session, stored, JUNE).stamp == first  # nothing changed: the same evaluation
        assert first.label.startswith("2023-06评定记录#")
    with demo_copy.transaction() as session:
        post_id = session.scalar(select(PostRow.id).where(PostRow.published_at >= datetime(2023, 6, 5, tzinfo=UTC))
                                 .order_by(PostRow.id).limit(1))
        session.execute(update(PostRow).where(PostRow.id == post_id).values(collected_at=datetime.now(UTC)))
    with demo_copy.transaction() as session:
        again = notice_model(session, load_stored_county(session), JUNE).stamp
    assert again.evaluated_at > first.evaluated_at


def test_a_download_of_a_month_never_evaluated_says_so(demo_copy):
    with demo_copy.transaction() as session:
        session.execute(delete(EvaluationRow))
    with demo_copy.transaction() as session, pytest.raises(NotEvaluated, match=r"尚未评定.*govwatch evaluate"):
        notice_model(session, load_stored_county(session), JUNE, save=False)
    with demo_copy.transaction() as session:  # the report itself evaluates and stores it first
        model = notice_model(session, load_stored_county(session), JUNE)
        assert model.result.summary.news.units == 41 and model.stamp.evaluated_at.date() >= date(2026, 1, 1)
