"""Revision 0015: grade results stored before the typed result (revision 0014's loose rows) are marked and
re-evaluated from the stored posts before anything reads them."""

import json

from alembic import command
from sqlalchemy import text

from govwatch.domain.calendar import Month
from govwatch.domain.result import SCHEMA_VERSION
from govwatch.reports.evaluation_json import month_result
from govwatch.services.dashboard import month_view
from govwatch.services.evaluate import evaluate_stored, read_stored
from govwatch.store.counties import load_stored_county
from govwatch.store.db import alembic_config

JUNE = Month(2023, 6)


def _old_shape(row: dict) -> dict:
    """A row as revision 0014 stored it: reasons as sentences, 附件3's problems as strings, no version."""
    old = {k: v for k, v in row.items() if k not in ("annex", "published_in_month", "reasons", "problems")}
    old["reasons"] = [{"rule": r["rule"], "text": r["text"],
                       "evidence": [{k: e[k] for k in ("post_id", "title", "published_at", "url", "detail")}
                                    for e in r["evidence"]]} for r in row["reasons"]]
    if "problems" in row:
        old["problems"] = [p["text"] for p in row["problems"]]
    return old


def test_rows_of_revision_0014_are_re_evaluated_before_they_are_read(demo_copy):
    config = alembic_config(demo_copy.engine)
    command.downgrade(config, "0014")
    with demo_copy.engine.begin() as connection:
        rows = connection.execute(text("SELECT id, result FROM evaluations")).all()
        assert rows
        for id_, result in rows:
            stored = json.loads(result) if isinstance(result, str) else result
            connection.execute(text("UPDATE evaluations SET result = :r, grade = '差' WHERE id = :id"),
                               {"r": json.dumps(_old_shape(stored), ensure_ascii=False), "id": id_})
    command.upgrade(config, "heads")
    with demo_copy.engine.connect() as connection:
        versions = connection.execute(text("SELECT DISTINCT schema_version FROM evaluations")).scalars().all()
    assert versions == [0]  # marked: the old rows hold their problems only as sentences

    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        found = read_stored(session, stored, JUNE)
        expected = month_result(evaluate_stored(session, stored, JUNE, save=False))
    assert found is not None and found.result == expected.model_copy(update={"rules": stored.rules.name})
    with demo_copy.engine.connect() as connection:
        after = connection.execute(text("SELECT DISTINCT schema_version FROM evaluations")).scalars().all()
        grades = connection.execute(text("SELECT grade FROM evaluations WHERE grade = '差'")).all()
    assert after == [SCHEMA_VERSION]
    assert len(grades) == sum(1 for r in expected.rows() if r.grade == "差")


def test_the_dashboard_reads_old_rows_after_re_evaluating_them(demo_copy):
    config = alembic_config(demo_copy.engine)
    command.downgrade(config, "0014")
    command.upgrade(config, "heads")  # every row now marked 0, as after an upgrade
    with demo_copy.transaction() as session:
        view = month_view(session, load_stored_county(session), JUNE)
    assert sum(len(rows) for rows in view.rows.values()) == 40 + 41 + 16
    assert all(row.result.annex == annex for annex, rows in view.rows.items() for row in rows)
