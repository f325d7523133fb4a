from pathlib import Path

from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.settings import Settings

DOC = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    for name in Settings.model_fields:
        assert f"`GOVWATCH_{name.upper()}`" in DOC and f"`{name}`" in DOC


def test_database_from_the_environment(tmp_path, monkeypatch, meixian_dir):
    monkeypatch.setenv("GOVWATCH_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert Settings().database_url().endswith("env.db")
    result = CliRunner().invoke(app, ["load-config", str(meixian_dir)])
    assert result.exit_code == 0 and (tmp_path / "env.db").is_file()


def test_default_is_a_file_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GOVWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Settings().database_url() == f"sqlite:///{tmp_path / 'govwatch.db'}"
