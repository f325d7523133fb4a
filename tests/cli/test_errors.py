"""Errors as a user meets them: govwatch's own types are plain Chinese messages (exit 2); anything else is
a defect, reported as one with the `--debug` hint (exit 1), and `--debug` shows its traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from govwatch import cli
from govwatch.cli.app import app
from govwatch.cli.commands import check
from govwatch.errors import ConfigError, GovwatchError, InvalidInput, NotFound
from govwatch.store.counties import CountyNotFound

runner = CliRunner()


@pytest.fixture
def loaded(sqlite_url, meixian_dir):
    assert runner.invoke(app, ["--db", sqlite_url, "load-config", str(meixian_dir)]).exit_code == 0
    return sqlite_url


def test_a_bad_month_is_a_user_error_without_traceback(loaded):
    result = runner.invoke(app, ["--db", loaded, "evaluate", "--month", "2023-13"])
    assert result.exit_code == 2
    assert "错误：月份无效：2023-13" in result.output
    assert "Traceback" not in result.output and "--debug" not in result.output


def test_an_unknown_county_is_not_found(loaded):
    result = runner.invoke(app, ["--db", loaded, "check", "--county", "不存在县"])
    assert result.exit_code == 2
    assert "错误：" in result.output and "不存在县" in result.output


def test_a_bug_is_reported_as_one_with_the_debug_hint(loaded, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("columns")

    monkeypatch.setattr(check, "submit_checks", broken)
    result = runner.invoke(app, ["--db", loaded, "check"])
    assert result.exit_code == 1
    assert "内部错误（KeyError）" in result.output
    assert "--debug" in result.output and "Traceback" not in result.output


def test_debug_shows_the_traceback_of_a_bug(loaded, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("columns")

    monkeypatch.setattr(check, "submit_checks", broken)
    result = runner.invoke(app, ["--debug", "--db", loaded, "check"])
    assert isinstance(result.exception, KeyError)  # raised through: the runner (or Python) prints its traceback
    assert "内部错误" not in result.output


def test_a_named_file_the_system_refuses_is_a_user_error(loaded, monkeypatch, tmp_path):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out.docx"))

    monkeypatch.setattr(check, "submit_checks", refused)
    result = runner.invoke(app, ["--db", loaded, "check"])
    assert result.exit_code == 2
    assert "无法访问文件" in result.output and "out.docx" in result.output


def test_the_entry_point_reports_errors_outside_any_command(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    assert "内部错误（ValueError）：boom" in capsys.readouterr().err


def test_own_types_keep_the_builtin_they_refine():
    assert issubclass(ConfigError, ValueError) and issubclass(InvalidInput, ValueError)
    assert issubclass(NotFound, LookupError) and issubclass(CountyNotFound, GovwatchError)
    assert str(NotFound("没有账号 张三")) == "没有账号 张三"


def test_an_exit_a_command_chooses_passes_through(loaded, monkeypatch):
    import typer

    def leaves(*args, **kwargs):
        raise typer.Exit(3)

    monkeypatch.setattr(check, "submit_checks", leaves)
    result = runner.invoke(app, ["--db", loaded, "check"])
    assert result.exit_code == 3 and "错误" not in result.output
