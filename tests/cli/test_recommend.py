"""`govwatch recommend load|list` as a user runs them: Chinese messages, file errors with their line."""

from typer.testing import CliRunner

from govwatch.cli.app import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_load_then_list(demo_copy, tmp_path):
    url = str(demo_copy.engine.url)
    listed = tmp_path / "recommended.yaml"
    listed.write_text("- title: 推荐｜夏季防溺水安全提示\n- {title: 推荐｜一图读懂政府工作报告, url: 'http://example.gov.cn/a'}\n",
                      encoding="utf-8")
    loaded = run("--db", url, "recommend", "load", listed, "--month", "2023-06")
    assert loaded.exit_code == 0, loaded.output
    assert "推荐转载清单 2 篇" in loaded.output and "条的类别随之更新" in loaded.output
    shown = run("--db", url, "recommend", "list", "--month", "2023-06")
    assert "2 篇" in shown.output and "夏季防溺水安全提示" in shown.output and "http://example.gov.cn/a" in shown.output


def test_a_bad_list_names_the_file_and_stores_nothing(demo_copy, tmp_path):
    url = str(demo_copy.engine.url)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- title: 推荐｜夏季防溺水安全提示\n- url: 'http://example.gov.cn/a'\n", encoding="utf-8")
    result = run("--db", url, "recommend", "load", bad, "--month", "2023-06")
    assert result.exit_code == 2 and "bad.yaml" in result.output and "title" in result.output
    assert "6 篇" in run("--db", url, "recommend", "list", "--month", "2023-06").output  # the demo's list stays
