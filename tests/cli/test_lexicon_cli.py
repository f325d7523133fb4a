"""`govwatch lexicon list`: every packaged knowledge list and, with --county, the county's own."""

from pathlib import Path

from typer.testing import CliRunner

from govwatch.cli.app import app

runner = CliRunner()


def test_lists_packaged_knowledge_with_source_and_edition():
    result = runner.invoke(app, ["lexicon", "list"])
    assert result.exit_code == 0, result.output
    for shown in ("banned.tsv", "新华社禁用词和慎用词", "2016版", "leaders.tsv", "党和国家领导人名单", "laws.tsv", "states.tsv"):
        assert shown in result.output


def test_county_option_adds_the_countys_files(meixian_dir: Path, tmp_path: Path):
    result = runner.invoke(app, ["lexicon", "list", "--county", str(meixian_dir)])
    assert result.exit_code == 0, result.output
    assert "眉县领导名单" in result.output and "本县词表" in result.output
    empty = runner.invoke(app, ["lexicon", "list", "--county", str(tmp_path)])
    assert empty.exit_code == 0 and "没有本县词表文件" in empty.output
    missing = runner.invoke(app, ["lexicon", "list", "--county", str(tmp_path / "无此目录")])
    assert missing.exit_code == 2 and "词表目录不存在" in missing.output
