"""Checking posts: the county's own unit and account names are never findings."""

from govwatch.proofread import Proofreader
from govwatch.services.checking import county_proofreader, own_names
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import UnitRow

TEXT = "县霸王河管理站召开专题会议。"


def test_a_units_name_is_no_typo_in_its_own_county(demo_copy):
    assert [f.wrong for f in Proofreader().check(TEXT)] == ["河"]  # 霸王河 reads like 霸王和 to the statistics
    with demo_copy.transaction() as session:
        county = load_stored_county(session)
        assert county_proofreader(session, county.id).check(TEXT) != []
        session.add(UnitRow(county_id=county.id, name="县霸王河管理站", kind="部门"))
        session.flush()
        assert "县霸王河管理站" in own_names(session, county.id) and "眉县发布" in own_names(session, county.id)
        assert county_proofreader(session, county.id).check(TEXT) == []
