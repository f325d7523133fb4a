"""推荐转载 lists stored by month: loading one re-classifies the month's stored posts, in any order."""

from sqlalchemy import func, select

from govwatch.demo.texts import phrases
from govwatch.domain.calendar import Month
from govwatch.domain.model import PostKind
from govwatch.domain.recommended import Recommended
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.recommended import load_month_list
from govwatch.store.counties import load_stored_county
from govwatch.store.recommended import month_lists
from govwatch.store.tables import PostRow

JUNE = Month(2023, 6)


def _kinds(session, county_id):
    rows = session.execute(select(PostRow.kind, func.count()).where(PostRow.county_id == county_id).group_by(PostRow.kind))
    return dict(rows.all())


def test_a_list_loaded_after_ingest_reclassifies_the_month(demo_copy):
    listed = [Recommended(title) for title in phrases()["recommended_titles"]]
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        before = _kinds(session, stored.id)
        assert before[PostKind.RECOMMENDED] > 0
        grades = {g.account: (g.recommended, g.grade) for g in evaluate_stored(session, stored, JUNE, save=False).new_media}

        withdrawn = load_month_list(session, stored, JUNE, [])
        after = _kinds(session, stored.id)
        assert withdrawn == before[PostKind.RECOMMENDED] and PostKind.RECOMMENDED not in after
        assert after[PostKind.OTHER_REPOST] == before[PostKind.OTHER_REPOST] + withdrawn  # still reposts

        assert load_month_list(session, stored, JUNE, listed) == withdrawn
        assert _kinds(session, stored.id) == before
        assert load_month_list(session, stored, JUNE, listed) == 0  # idempotent
        assert month_lists(session, stored.id) == {JUNE: listed}
        assert {g.account: (g.recommended, g.grade) for g in evaluate_stored(session, stored, JUNE, save=False).new_media} == grades


def test_a_list_touches_only_its_own_month(demo_copy):
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        before = _kinds(session, stored.id)
        assert load_month_list(session, stored, Month(2023, 8), [Recommended("推荐｜夏季防溺水安全提示")]) == 0
        assert _kinds(session, stored.id) == before
        assert set(month_lists(session, stored.id)) == {JUNE, Month(2023, 8)}  # the demo loaded June's
