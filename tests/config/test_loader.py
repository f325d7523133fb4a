import pytest

from govwatch.config.loader import load_county_dir, load_rules
from govwatch.config.yaml_positions import ConfigError


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path, fragment):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_example_county_loads(meixian_config):
    county = meixian_config.county
    assert county.county.name == "眉县"
    assert county.unit("县供销社").name == "县供销联社"
    assert county.unit("齐 镇").name == "齐镇"
    assert len(county.accounts) == 16


def test_unknown_unit_names_file_line_field_and_close_matches(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{name: 眉县人社, platform: 微信订阅号, unit: 县人社局}",
               "{name: 眉县人社, platform: 微信订阅号, unit: 县人设局}")
    with pytest.raises(ConfigError) as caught:
        load_county_dir(county_copy)
    message = str(caught.value)
    assert f"{county_file}:{line_number(county_file, '县人设局')}" in message
    assert "accounts[" in message and "].unit" in message
    assert "县人设局" in message and "县人社局" in message


def test_bad_cycle_names_its_line(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{column: 招商引资项目信息, cycle: 2条/月}", "{column: 招商引资项目信息, cycle: 每月两条}")
    with pytest.raises(ConfigError) as caught:
        load_county_dir(county_copy)
    assert f"{county_file}:{line_number(county_file, '每月两条')}" in str(caught.value)
    assert ".cycle" in str(caught.value)


def test_unknown_platform_is_rejected_with_the_allowed_values(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{name: 眉县交警, platform: 抖音号", "{name: 眉县交警, platform: 抖音")
    with pytest.raises(ConfigError, match="platform"):
        load_county_dir(county_copy)


def test_yaml_syntax_error_names_the_line(county_copy):
    rules_file = county_copy / "rules.yaml"
    replace_in(rules_file, "min_posts: 1", "min_posts: [1")
    with pytest.raises(ConfigError, match=r"rules.yaml:\d+.*YAML"):
        load_county_dir(county_copy)


def test_missing_rule_setting_names_the_field(county_copy):
    rules_file = county_copy / "rules.yaml"
    replace_in(rules_file, "  excellent_min_original: 20", "")
    with pytest.raises(ConfigError, match=r"new_media\.excellent_min_original"):
        load_county_dir(county_copy)


def test_national_preset_with_a_local_override(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("preset: national\nnew_media:\n  max_silent_days: 10\n", encoding="utf-8")
    rules, _ = load_rules(path)
    assert rules.new_media.max_silent_days == 10
    assert rules.news.max_silent_days == 14
    assert rules.new_media.grades.excellent is None


def test_unknown_preset_lists_the_shipped_ones(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("preset: provincial\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="national"):
        load_rules(path)


def test_duplicate_unit_alias_is_rejected(county_copy):
    county_file = county_copy / "county.yaml"
    replace_in(county_file, "{name: 县民宗局, kind: 部门}", "{name: 县民宗局, kind: 部门, aliases: [县供销社]}")
    with pytest.raises(ConfigError, match="重复"):
        load_county_dir(county_copy)


def test_the_lexicon_folder_is_read_and_its_errors_name_file_and_line(county_copy):
    assert ("汤浴镇", "汤峪镇", "typo", "error") in load_county_dir(county_copy).lexicon.pairs
    pairs = county_copy / "lexicon" / "pairs.tsv"
    pairs.write_text(pairs.read_text(encoding="utf-8") + "秦王果业\t秦旺果业\t错字\terror\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_county_dir(county_copy)
    assert f"{pairs} 第 {line_number(pairs, '秦王果业')} 行" in str(caught.value) and "类型" in str(caught.value)
