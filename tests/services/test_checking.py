"""Checking posts: the county's own unit and account names are never findings."""

from govwatch.proofread import Proofreader
from govwatch.services.checking import county_proofreader, own_names
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import UnitRow

TEXT = "齐圣村党支部召开专题会议。"


def test_a_units_name_is_no_typo_in_its_own_county(demo_copy):
    assert [f.wrong for f in Proofreader().check(TEXT)] == ["圣"]  # 齐圣村 reads like 齐声 to the statistics
    with demo_copy.transaction() as session:
        county = load_stored_county(session)
        assert county_proofreader(session, county.id).check(TEXT) != []
        session.add(UnitRow(county_id=county.id, name="齐圣村党支部", kind="镇街", aliases=["齐圣村"]))
        session.flush()
        assert {"齐圣村党支部", "齐圣村", "眉县发布"} <= own_names(session, county.id)
        assert county_proofreader(session, county.id).check(TEXT) == []
