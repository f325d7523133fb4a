"""The same code on PostgreSQL (psycopg 3) as on SQLite: migrations, idempotent ingest, the same grades."""

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from govwatch.domain.calendar import Month
from govwatch.reports.evaluation_json import evaluation_json
from govwatch.services.demo import run_demo
from govwatch.store.db import alembic_config, open_database
from govwatch.store.tables import Base, PostRow

pytestmark = pytest.mark.postgres


def test_demo_month_on_postgres_matches_sqlite(postgres_url, meixian_dir, demo_month):
    db = open_database(postgres_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        tables = set(inspect(db.engine).get_table_names())
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        result = run_demo(db, meixian_dir, Month(2023, 6))
        again = run_demo(db, meixian_dir, Month(2023, 6))
        with db.transaction() as session:
            stored_posts = session.scalar(select(func.count()).select_from(PostRow))
    finally:
        db.dispose()
    assert result.gathered.crawled + result.gathered.ingested == result.posts == stored_posts
    assert again.gathered.crawled == again.gathered.ingested == 0 and again.posts == stored_posts
    on_postgres = evaluation_json(result.evaluation)
    on_sqlite = evaluation_json(demo_month.evaluation)

    def grades(data):
        return {annex: [(r.get("unit") or r["account"], r["grade"]) for r in data[annex]]
                for annex in ("disclosure", "news", "new_media")}

    assert grades(on_postgres) == grades(on_sqlite)
    assert on_postgres["summary"] == on_sqlite["summary"]


def test_downgrading_below_the_job_queue_leaves_none_of_it(postgres_url):
    db = open_database(postgres_url)
    leftovers = text(
        "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname LIKE 'procrastinate%'"
        " UNION ALL SELECT typname FROM pg_type WHERE typnamespace = current_schema()::regnamespace"
        " AND typname LIKE 'procrastinate%'"
        " UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace"
        " AND proname LIKE 'procrastinate%'"
    )
    try:
        with db.engine.connect() as connection:
            assert connection.execute(leftovers).first() is not None  # the queue is there
        command.downgrade(alembic_config(db.engine), "0003")
        with db.engine.connect() as connection:
            assert connection.execute(leftovers).all() == []
        db.migrate()  # and it comes back
        with db.engine.connect() as connection:
            assert connection.execute(leftovers).first() is not None
    finally:
        db.dispose()
