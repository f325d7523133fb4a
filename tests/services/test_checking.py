"""Checking posts: the county's own unit and account names and its stored lexicon apply on every path."""

import shutil

from govwatch.config.loader import load_county_dir
from govwatch.proofread import CountyLexicon, Proofreader
from govwatch.services.checking import county_proofreader
from govwatch.store.counties import county_lexicon, load_stored_county, own_names, save_config
from govwatch.store.tables import UnitRow

TEXT = "秦旺社区党支部召开专题会议。"  # a community too new for the national gazetteer


def test_a_units_name_is_no_typo_in_its_own_county(demo_copy):
    assert [f.wrong for f in Proofreader().check(TEXT)] == ["旺"]  # 秦旺 reads like 秦王 to the statistics
    with demo_copy.transaction() as session:
        county = load_stored_county(session)
        assert county_proofreader(session, county.id).check(TEXT) != []
        session.add(UnitRow(county_id=county.id, name="秦旺社区党支部", kind="镇街", aliases=["秦旺社区"]))
        session.flush()
        assert {"秦旺社区党支部", "秦旺社区", "眉县发布"} <= own_names(session, county.id)
        assert county_proofreader(session, county.id).check(TEXT) == []


def test_the_countys_lexicon_is_stored_by_load_config_and_used_by_every_check(demo_copy, meixian_dir):
    """The example county's lexicon/: 弥猴桃 is its own pair, 秦旺果业 a local name it allows."""
    text = "秦旺果业收购弥猴桃。"
    # layer 3 suspects both: 秦旺 is no word, and 猕猴桃 is far more frequent than 弥猴桃
    assert [(f.wrong, f.certain) for f in Proofreader().check(text)] == [("旺", False), ("弥", False)]
    config = load_county_dir(meixian_dir)
    assert "秦旺果业" in config.lexicon.allow and ("弥猴桃", "猕猴桃", "typo", "error") in config.lexicon.pairs
    with demo_copy.transaction() as session:
        county_id = save_config(session, config)
        assert county_lexicon(session, county_id) == config.lexicon
        findings = county_proofreader(session, county_id).check(text)
    assert [(f.wrong, f.suggestion, f.certain) for f in findings] == [("弥猴桃", "猕猴桃", True)]


def test_a_county_without_a_lexicon_folder_stores_an_empty_one(demo_copy, meixian_dir, tmp_path):
    folder = tmp_path / "county"
    shutil.copytree(meixian_dir, folder)
    shutil.rmtree(folder / "lexicon")
    with demo_copy.transaction() as session:
        county_id = save_config(session, load_county_dir(folder))
        assert county_lexicon(session, county_id) == CountyLexicon()
        assert [f for f in county_proofreader(session, county_id).check("收购弥猴桃。") if f.certain] == []


def test_the_countys_leaders_are_stored_by_load_config_and_checked(demo_copy, meixian_dir):
    """The example county's leaders.tsv: a leader's name beside another's post is flagged after load-config."""
    config = load_county_dir(meixian_dir)
    assert ("周明远", "县委书记") in config.lexicon.leaders and config.lexicon.leaders_label == "眉县领导名单（示例）"
    with demo_copy.transaction() as session:
        county_id = save_config(session, config)
        checker = county_proofreader(session, county_id)
        findings = checker.check("县长周明远主持召开会议。")
        assert checker.check("县委书记周明远主持召开会议。") == []
    assert [(f.wrong, f.suggestion) for f in findings] == [("县长", "县委书记")]
    assert "眉县领导名单（示例）" in findings[0].explanation
