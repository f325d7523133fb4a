import pytest

from govwatch.config.yaml_positions import ConfigError
from govwatch.domain.calendar import Month
from govwatch.services.overrides import load_overrides_file
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.db import open_database
from govwatch.store.overrides import override_history


@pytest.fixture
def session_and_county(sqlite_url, meixian_config):
    db = open_database(sqlite_url)
    with db.transaction() as session:
        save_config(session, meixian_config)
    yield db
    db.dispose()


def test_example_overrides_load_once(session_and_county, meixian_dir):
    db = session_and_county
    for _ in range(2):
        with db.transaction() as session:
            loaded = load_overrides_file(session, load_stored_county(session), meixian_dir / "overrides" / "2023-06.yaml")
            assert {o.subject for o in loaded} == {"县农业农村局", "县乡村振兴局"}
    with db.transaction() as session:
        assert len(override_history(session, load_stored_county(session).id, Month(2023, 6))) == 2


def test_an_override_without_reason_names_its_line_and_stores_nothing(session_and_county, tmp_path):
    path = tmp_path / "2023-06.yaml"
    path.write_text(
        'month: "2023-06"\noverrides:\n'
        '  - {annex: news, subject: 县交通局, grade: 合格, reason: 已整改, by: 张三, at: "2023-07-16T09:00:00+08:00"}\n'
        '  - {annex: news, subject: 县民政局, grade: 合格, reason: "", by: 张三, at: "2023-07-16T09:00:00+08:00"}\n',
        encoding="utf-8",
    )
    db = session_and_county
    with pytest.raises(ConfigError, match=rf"{path}:4: 字段 overrides\[1\].*理由"), db.transaction() as session:
        load_overrides_file(session, load_stored_county(session), path)
    with db.transaction() as session:
        assert override_history(session, load_stored_county(session).id, Month(2023, 6)) == []
