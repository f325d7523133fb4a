"""`govwatch report`, `rectify` and `ledger` as a user runs them: files, Chinese messages, exit codes."""

from typer.testing import CliRunner

from govwatch.cli.app import app
from tests.reports.conftest import TEMPLATE

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_report_rectify_and_ledger(demo_copy, tmp_path):
    db = ["--db", demo_copy.url.render_as_string(hide_password=False)]
    out = tmp_path / "通报"
    result = run(*db, "report", "--month", "2023-06", "--out", out, "--template", TEMPLATE, "--date", "2023-07-16",
                 "--no-pdf")
    assert result.exit_code == 0, result.output
    assert (out / "通报-2023-06.docx").is_file() and (out / "附件-2023-06.xlsx").is_file()
    assert "整改事项 17 项" in result.output

    listed = run(*db, "rectify", "list", "--month", "2023-06")
    assert listed.exit_code == 1 and "逾期未反馈 17 项" in listed.output  # the 2023 deadline has long passed

    answered = run(*db, "rectify", "respond", "1", "--text", "已全部更正", "--by", "县财政局")
    assert answered.exit_code == 0 and "（已逾期）" in answered.output
    refused = run(*db, "rectify", "close", "2", "--by", "中心")
    assert refused.exit_code == 2 and "须先由单位反馈" in refused.output
    assert run(*db, "rectify", "close", "1", "--by", "中心").exit_code == 0

    ledger = run(*db, "ledger", "--year", "2023", "--out", tmp_path / "台账.xlsx", "--unit", "县公安局")
    assert ledger.exit_code == 0, ledger.output
    assert (tmp_path / "台账.xlsx").is_file() and "县公安局" in ledger.output


def test_report_of_an_empty_month_is_a_clear_error(demo_copy, tmp_path):
    db = ["--db", demo_copy.url.render_as_string(hide_password=False)]
    result = run(*db, "report", "--month", "2023-09", "--out", tmp_path / "x", "--no-pdf")
    assert result.exit_code == 2
    assert "2023-09 没有任何已采集的信息，无法生成通报" in result.output and "Traceback" not in result.output


def test_a_broken_template_names_its_line(demo_copy, tmp_path):
    bad = tmp_path / "notice.md.j2"
    bad.write_text('{% extends "govwatch/notice.md.j2" %}\n{% block opening %}{% if %}{% endblock %}\n', encoding="utf-8")
    db = ["--db", demo_copy.url.render_as_string(hide_password=False)]
    result = run(*db, "report", "--month", "2023-06", "--out", tmp_path / "x", "--template", bad, "--no-pdf")
    assert result.exit_code == 2 and "notice.md.j2:2" in result.output and "通报模板语法错误" in result.output


def test_report_uses_the_county_wording_that_load_config_stored(demo_copy, tmp_path, meixian_dir):
    from docx import Document

    db = ["--db", demo_copy.url.render_as_string(hide_password=False)]
    county_opening, shipped_opening = "按照中省市常态化监管工作要求", "按照常态化监管工作要求"

    def opening(folder):
        result = run(*db, "report", "--month", "2023-06", "--out", folder, "--no-pdf")
        assert result.exit_code == 0, result.output
        return "\n".join(p.text for p in Document(folder / "通报-2023-06.docx").paragraphs)

    assert county_opening in opening(tmp_path / "stored")
    bare = tmp_path / "county"
    bare.mkdir()
    for name in ("county.yaml", "rules.yaml"):
        (bare / name).write_text((meixian_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert run(*db, "load-config", bare).exit_code == 0  # a folder without notice.md.j2: the shipped wording
    text = opening(tmp_path / "shipped")
    assert shipped_opening in text and county_opening not in text
