"""Bad county folders a careless or hostile user writes: each refused before anything is stored, with
file, line and field; the good-but-unusual ones (an account under a unit's alias) stored."""

import pytest
from sqlalchemy import select

from govwatch.config.loader import load_county_dir
from govwatch.config.yaml_positions import ConfigError
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database
from govwatch.store.tables import AccountRow, UnitRow
from tests.config.test_loader import line_number, replace_in
from tests.hostile import assert_clear_outcome, govwatch, snapshot, time_bound


def refused(directory, file_name, fragment, field):
    """The ConfigError of loading `directory`, checked to name the file, the line holding `fragment`, and `field`."""
    with pytest.raises(ConfigError) as caught:
        load_county_dir(directory)
    message = str(caught.value)
    path = directory / file_name
    assert f"{path}:{line_number(path, fragment)}:" in message, message
    assert field in message, message
    return message


def test_a_column_listed_twice_for_a_unit_is_refused(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "      - {column: 权责清单, cycle: 实时更新}\n",
               "      - {column: 权责清单, cycle: 实时更新}\n      - {column: 权责清单, cycle: 1条/月}  # again\n")
    message = refused(county_copy, "county.yaml", "# again", "assignments[0].columns[2].column")
    assert "重复" in message


def test_a_stray_control_character_names_its_line(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{name: 县审计局, kind: 部门}", "{name: 县审计局\x0b, kind: 部门}")
    with pytest.raises(ConfigError) as caught:
        load_county_dir(county_copy)
    assert f"{county_file}:{line_number(county_file, '县审计局')}:" in str(caught.value)
    assert "U+000B" in str(caught.value)


def test_an_unknown_time_zone_is_refused(county_copy):
    replace_in(county_copy / "county.yaml", "timezone: Asia/Shanghai", "timezone: Mars/Olympus")
    message = refused(county_copy, "county.yaml", "Mars/Olympus", "county.timezone")
    assert "未知的时区“Mars/Olympus”" in message and "Value error" not in message


def test_a_site_check_section_that_is_no_mapping_is_refused_by_its_line(county_copy):
    """The shipped 网站自查 scheme is merged under a mapping only; anything else is the county's error to fix."""
    rules = county_copy / "rules.yaml"
    section = rules.read_text(encoding="utf-8").split("site_check:\n", 1)[1].split("\n\n", 1)[0]
    replace_in(rules, f"site_check:\n{section}\n", "site_check: 九十天  # not a mapping\n")
    refused(county_copy, "rules.yaml", "# not a mapping", "site_check")


@pytest.mark.parametrize(("old", "new", "field"), [
    ("min_posts: 1 ", "min_posts: -3 ", "news.min_posts"),
    ("excellent_surplus: 5 ", "excellent_surplus: -1 ", "disclosure.excellent_surplus"),
    ("max_silent_days: 7 ", "max_silent_days: -7 ", "new_media.max_silent_days"),
    ("overdue_rectification: 1", "overdue_rectification: -1", "assessment.overdue_rectification"),
    ("overdue_rectification: 1", "overdue_rectification: .inf", "assessment.overdue_rectification"),
])
def test_negative_or_endless_thresholds_are_refused(county_copy, old, new, field):
    replace_in(county_copy / "rules.yaml", old, new)
    refused(county_copy, "rules.yaml", new.strip(), field)


@pytest.mark.parametrize("field", ["delay_seconds", "timeout_seconds", "request_deadline_seconds"])
def test_an_endless_crawl_setting_is_refused(county_copy, field):
    with open(county_copy / "county.yaml", "a", encoding="utf-8") as handle:
        handle.write(f"crawl:\n  {field}: .inf\n")
    refused(county_copy, "county.yaml", f"{field}: .inf", f"crawl.{field}")


def test_a_unit_listed_twice_is_refused_whatever_its_kinds(county_copy):
    replace_in(county_copy / "county.yaml", "  - {name: 县发改局, kind: 部门}\n",
               "  - {name: 县发改局, kind: 部门}\n  - {name: 县发改局, kind: 镇街}\n")
    message = refused(county_copy, "county.yaml", "{name: 县发改局, kind: 镇街}", "units[2].name")
    assert "县发改局" in message and "units[1]" in message


def test_a_channel_listed_twice_is_refused(county_copy):
    replace_in(county_copy / "county.yaml", "  - name: 新闻动态\n", "  - name: 新闻动态\n    per_unit: true\n  - name: 新闻动态  # again\n")
    message = refused(county_copy, "county.yaml", "新闻动态  # again", "channels[2].name")
    assert "频道“新闻动态”重复" in message


@pytest.mark.parametrize(("old", "new", "fragment", "field"), [
    ("{name: 县审计局, kind: 部门}", "{name: 县审计局" + "局" * 100 + ", kind: 部门}", "局局局", "units[17].name"),
    ("{column: 招商引资项目信息, cycle: 2条/月}", "{column: 招商引资项目信息, cycle: 1000000000000000000000条/月}",
     "1000000000000000000000条", ".cycle"),
    ("  name: 眉县\n", "  name: " + "县" * 101 + "\n", "县县县", "county.name"),
    ("{name: 县审计局, kind: 部门}", "{name: '  ', kind: 部门}", "'  '", "units[17].name"),
])
def test_names_longer_than_their_column_or_empty_are_refused(county_copy, old, new, fragment, field):
    replace_in(county_copy / "county.yaml", old, new)
    refused(county_copy, "county.yaml", fragment, field)


def test_an_alias_bomb_is_refused_without_expanding_it(county_copy):
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    replace_in(county_copy / "county.yaml", "accounts:                             #", bomb + "accounts: #")
    with time_bound(20), pytest.raises(ConfigError, match="锚点"):
        load_county_dir(county_copy)


def test_an_account_under_a_units_alias_is_stored_under_the_unit(county_copy, sqlite_url):
    replace_in(county_copy / "county.yaml", "{name: 眉县民政, platform: 微信订阅号, unit: 县民政局}",
               "{name: 眉县民政, platform: 微信订阅号, unit: 县供销社}")
    result = govwatch("--db", sqlite_url, "load-config", str(county_copy))
    assert result.exit_code == 0, result.output
    db = open_database(sqlite_url)
    try:
        with db.transaction() as session:
            unit = session.scalar(select(UnitRow.name).join(AccountRow, AccountRow.unit_id == UnitRow.id)
                                  .where(AccountRow.name == "眉县民政"))
            stored = load_stored_county(session)
    finally:
        db.dispose()
    assert unit == "县供销联社"
    assert stored.county.account("眉县民政").unit == "县供销联社"


def test_a_refused_load_leaves_the_stored_county_as_it_was(county_copy, meixian_dir, sqlite_url):
    assert govwatch("--db", sqlite_url, "load-config", str(meixian_dir)).exit_code == 0
    db = open_database(sqlite_url)
    before = snapshot(db)
    replace_in(county_copy / "county.yaml", "      - {column: 权责清单, cycle: 实时更新}\n",
               "      - {column: 权责清单, cycle: 实时更新}\n      - {column: 权责清单, cycle: 1条/月}\n")
    result = govwatch("--db", sqlite_url, "load-config", str(county_copy))
    assert_clear_outcome(result)
    assert result.exit_code == 2 and "任务重复" in result.output
    assert snapshot(db) == before
    db.dispose()
