"""`govwatch user add|list` and the database `govwatch serve` picks."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govwatch.cli import context
from govwatch.cli.app import app
from govwatch.cli.commands.serve import web_database_url
from govwatch.services.accounts import sign_in
from govwatch.store.counties import load_stored_county
from govwatch.store.db import open_database

runner = CliRunner()


@pytest.fixture
def loaded(sqlite_url, meixian_dir):
    assert runner.invoke(app, ["--db", sqlite_url, "load-config", str(meixian_dir)]).exit_code == 0
    yield sqlite_url
    context.set_database_url(None)


def test_user_add_reads_the_password_from_stdin_and_it_signs_in(loaded):
    result = runner.invoke(app, ["--db", loaded, "user", "add", "王编辑", "--role", "editor", "--unit", "县公安局",
                                 "--password-stdin"], input="s3cret-pass\n")
    assert result.exit_code == 0, result.output
    assert "已保存账号 王编辑（眉县，单位编辑，县公安局）" in result.output
    province = runner.invoke(app, ["--db", loaded, "user", "add", "省管理员", "--role", "admin", "--all-counties",
                                   "--password-stdin"], input="s3cret-pass\n")
    assert "已保存账号 省管理员（全部县区，管理员）" in province.output
    listed = runner.invoke(app, ["--db", loaded, "user", "list"])
    assert "王编辑" in listed.output and "县公安局" in listed.output and "眉县" in listed.output
    assert "全部县区" in listed.output
    db = open_database(loaded)
    with db.transaction() as session:
        county_id = load_stored_county(session).id
    assert sign_in(db, "王编辑", "s3cret-pass", "127.0.0.1", datetime.now(UTC), county_id)
    assert sign_in(db, "王编辑", "wrong", "127.0.0.1", datetime.now(UTC), county_id) is None
    db.dispose()


@pytest.mark.parametrize(("args", "message"), [
    (["--role", "editor"], "须用 --unit 指定所属单位"),
    (["--role", "admin", "--unit", "县公安局"], "不属于某个单位"),
    (["--role", "editor", "--unit", "县不存在局"], "县不存在局"),
    (["--role", "editor", "--unit", "县公安局", "--all-counties"], "不能用 --all-counties"),
    (["--role", "admin", "--all-counties", "--county", "眉县"], "只能选一个"),
])
def test_user_add_errors_are_plain_messages(loaded, args, message):
    result = runner.invoke(app, ["--db", loaded, "user", "add", "某人", *args, "--password-stdin"], input="s3cret-pass\n")
    assert result.exit_code == 2 and message in result.output


def test_user_token_prints_a_token_once_and_revoke_ends_it(loaded):
    from govwatch.services.accounts import viewer_of_token

    runner.invoke(app, ["--db", loaded, "user", "add", "脚本", "--role", "leader", "--password-stdin"], input="s3cret-pass\n")
    made = runner.invoke(app, ["--db", loaded, "user", "token", "脚本", "--label", "OA 同步"])
    assert made.exit_code == 0, made.output
    token = next(line for line in made.output.splitlines() if line.startswith("gw_"))
    assert "1" in runner.invoke(app, ["--db", loaded, "user", "list"]).output.split("脚本", 1)[1].splitlines()[0]
    db = open_database(loaded)
    with db.transaction() as session:
        stored = load_stored_county(session)
        assert viewer_of_token(session, stored, token, datetime.now(UTC)).name == "脚本"
    revoked = runner.invoke(app, ["--db", loaded, "user", "token", "脚本", "--revoke"])
    assert "已作废账号 脚本 的接口令牌 1 个" in revoked.output
    with db.transaction() as session:
        assert viewer_of_token(session, load_stored_county(session), token, datetime.now(UTC)) is None
    db.dispose()
    missing = runner.invoke(app, ["--db", loaded, "user", "token", "无此人"])
    assert missing.exit_code == 2 and "没有账号 无此人" in missing.output


def test_short_password_is_refused(loaded):
    result = runner.invoke(app, ["--db", loaded, "user", "add", "admin", "--role", "admin", "--password-stdin"], input="short\n")
    assert result.exit_code == 2 and "至少 8 位" in result.output


def test_serve_uses_the_demo_database_unless_one_is_chosen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GOVWATCH_DB", raising=False)
    context.set_database_url(None)
    assert web_database_url() == f"sqlite:///{tmp_path / 'govwatch.db'}"
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "govwatch.db").write_bytes(b"")
    assert web_database_url() == f"sqlite:///{Path(tmp_path / 'demo' / 'govwatch.db').resolve()}"
    monkeypatch.setenv("GOVWATCH_DB", "sqlite:///chosen.db")
    assert web_database_url() == "sqlite:///chosen.db"
