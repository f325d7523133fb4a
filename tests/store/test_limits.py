"""The name lengths the county files are checked against fit the database columns that store them, and a
county using every limit to the full loads on PostgreSQL (which, unlike SQLite, enforces lengths)."""

import pytest

from govwatch.domain import limits
from govwatch.store.tables import AccountRow, ColumnRow, CountyRow, EvaluationRow, PostRow, UnitRow
from tests.config.test_loader import replace_in
from tests.hostile import govwatch

FITS = [
    (limits.COUNTY_NAME, CountyRow.name),
    (limits.UNIT_NAME, UnitRow.name),
    (limits.CHANNEL_NAME, ColumnRow.channel),
    (limits.COLUMN_NAME, ColumnRow.name),
    (limits.COLUMN_PATH, ColumnRow.path),
    (limits.ACCOUNT_NAME, AccountRow.name),
    (limits.EXTERNAL_ID, AccountRow.external_id),
    (limits.GRADE_LABEL, EvaluationRow.grade),
    (limits.NATURAL_KEY, PostRow.natural_key),
    (limits.POST_SOURCE, PostRow.source),
]


@pytest.mark.parametrize(("limit", "column"), FITS, ids=[str(c) for _, c in FITS])
def test_each_limit_fits_its_column(limit, column):
    assert limit <= column.type.length


@pytest.mark.postgres
def test_names_at_their_limits_load_on_postgres(county_copy, postgres_url):
    unit = "县" * limits.UNIT_NAME
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{name: 县审计局, kind: 部门}", f"{{name: {unit}, kind: 部门, aliases: [县审计局]}}")
    replace_in(county_file, "{name: 眉县民政, platform: 微信订阅号, unit: 县民政局}",
               f"{{name: {'号' * limits.ACCOUNT_NAME}, platform: 微信订阅号, unit: {unit}}}")
    replace_in(county_file, "  name: 眉县\n", f"  name: {'眉' * limits.COUNTY_NAME}\n")
    result = govwatch("--db", postgres_url, "load-config", str(county_copy))
    assert result.exit_code == 0, result.output
