"""notify.yaml: the example county's file loads; mistakes are reported with file, line and field."""

import pytest

from govwatch.config.notify import load_notify
from govwatch.config.yaml_positions import ConfigError


def write(tmp_path, text: str):
    path = tmp_path / "notify.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_county_file_loads(meixian_dir, meixian_config):
    config = load_notify(meixian_dir, meixian_config.county)
    assert config.centre.email and config.centre.robots[0].kind == "wecom"
    police = config.for_unit(meixian_config.county, "县公安局")
    assert police.robots[0].secret_env == "GOVWATCH_DINGTALK_SECRET_GAJ"
    assert config.for_unit(meixian_config.county, "县林业局") is None


def test_unknown_unit_names_the_line_and_suggests(tmp_path, meixian_config):
    path = write(tmp_path, "units:\n  - unit: 县教体局\n    email: [a@b.cn]\n  - unit: 县教育局\n    email: [c@d.cn]\n")
    with pytest.raises(ConfigError) as caught:
        load_notify(path, meixian_config.county)
    [message] = caught.value.messages
    assert message.startswith(f"{path}:4: 字段 units[1].unit: ") and "县教育局" in message


def test_a_unit_by_alias_twice_is_a_duplicate(tmp_path, meixian_config):
    path = write(tmp_path, "units:\n  - {unit: 县供销联社, email: [a@b.cn]}\n  - {unit: 县供销社, email: [c@d.cn]}\n")
    with pytest.raises(ConfigError, match=r"notify.yaml:3: 字段 units\[1\].unit: 单位“县供销联社”重复配置"):
        load_notify(path, meixian_config.county)


@pytest.mark.parametrize("text, line, field, words", [
    ("centre:\n  email: [not-an-address]\n", 2, "centre.email", "邮箱地址无效"),
    ("centre:\n  robots:\n    - {kind: feishu, url: 'https://x'}\n", 3, "centre.robots[0].kind", "wecom"),
    ("centre:\n  robots:\n    - {kind: wecom, url: 'qyapi.weixin.qq.com'}\n", 3, "centre.robots[0].url", "https://"),
    ("centre:\n  robots:\n    - kind: dingtalk\n      url: 'https://x'\n      secret_env: SEC123abc\n", 5,
     "centre.robots[0].secret_env", "不是密钥本身"),
    ("centre:\n  robots:\n    - {kind: wecom, url_env: 'https://x'}\n", 3, "centre.robots[0].url_env", "不是密钥本身"),
    ("centre:\n  robots:\n    - {kind: wecom, name: 工作群}\n", 3, "centre.robots[0]", "url_env"),
    ("centre:\n  robots:\n    - {kind: wecom, url: 'https://x', url_env: WECOM_URL}\n", 3, "centre.robots[0]", "之一"),
    ("units:\n  - unit: 县教体局\n    kinds: [account_quiet]\n", 3, "units[0].kinds", "account_silent"),
    ("centre:\n  password: x\n", 2, "centre.password", "Extra inputs"),
])
def test_field_errors_name_file_line_and_field(tmp_path, meixian_config, text, line, field, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_notify(path, meixian_config.county)
    message = caught.value.messages[0]
    assert message.startswith(f"{path}:{line}: 字段 {field}") and words in message


def test_missing_file(tmp_path, meixian_config):
    with pytest.raises(ConfigError, match="文件不存在"):
        load_notify(tmp_path, meixian_config.county)
