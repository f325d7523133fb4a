"""A stored county: typed column and account ids, its own names, its accounts, the version a cache compares."""

import pytest

from govwatch.store.counties import (
    account_of,
    accounts_of_unit,
    county_versions,
    load_stored_county,
    own_names,
    save_config,
)
from tests.store.conftest import COLUMN, SHARED, first_account


def test_ids_are_keyed_by_typed_keys(county_db, meixian_config):
    with county_db.db.transaction() as session:
        stored = load_stored_county(session)
    assert set(stored.column_ids) == set(meixian_config.county.columns())
    assert {a.key for a in meixian_config.county.accounts} == set(stored.account_ids)
    assert stored.column_id_of_path(str(COLUMN)) == stored.column_ids[COLUMN]
    assert stored.column_id_of_path(str(SHARED)) == stored.column_ids[SHARED]
    assert stored.column_id_of_path("没有/这个") is None and stored.column_id_of_path(None) is None


def test_accounts_and_own_names(county_db, meixian_config):
    key = first_account(meixian_config)
    with county_db.db.transaction() as session:
        stored = load_stored_county(session)
        account = account_of(session, stored.id, stored.account_ids[key])
        assert account.key == key and account.unit_id == stored.unit_ids[meixian_config.county.accounts[0].unit]
        assert account in accounts_of_unit(session, account.unit_id)
        with pytest.raises(LookupError, match="账号"):
            account_of(session, stored.id + 1, account.id)
        assert {key.name, "县自然资源局"} <= own_names(session, stored.id)


def test_saving_the_config_again_changes_the_version(county_db, meixian_config):
    with county_db.db.transaction() as session:
        before = county_versions(session, "眉县")
        assert county_versions(session, None) == before and county_versions(session, "别县") == ()
    with county_db.db.transaction() as session:
        save_config(session, meixian_config)
    with county_db.db.transaction() as session:
        assert county_versions(session, "眉县") != before
