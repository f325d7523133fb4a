"""`govwatch proofread`: formats, inputs, and bad input answered in Chinese with exit code 2."""

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from govwatch.cli.app import app

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, ["proofread", *args], input=input)


def test_text_output_and_exit_code(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("截止目前，全县已完成。\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 1
    assert "第 1 行第 1 字" in result.output and "截止目前 → 截至目前" in result.output
    assert "共 1 处" in result.output


def test_clean_file_exits_zero(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("县政府召开常务会议。\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0 and "未发现问题" in result.output


def test_jsonl_from_stdin_in_gbk():
    result = run("-", "--format", "jsonl", input="学习党的二十精神\n".encode("gbk"))
    record = json.loads(result.output.splitlines()[0])
    assert record["line"] == 1 and record["offset"] == 2 and record["length"] == 6
    assert (record["wrong"], record["suggestion"], record["type"], record["severity"]) == (
        "党的二十精神", "党的二十大精神", "expression", "serious",
    )


def test_docx_and_html(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("要历行节约。")
    document.save(tmp_path / "a.docx")
    assert "历行节约 → 厉行节约" in run(str(tmp_path / "a.docx")).output
    (tmp_path / "a.html").write_text("<html><script>截止目前</script><p>共度难关</p></html>", encoding="utf-8")
    output = run(str(tmp_path / "a.html")).output
    assert "共度难关" in output and "截止目前" not in output


def test_mixed_encodings_are_read_line_by_line(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("京津翼\n".encode() + "共度难关\n".encode("gbk"))
    output = run(str(path)).output
    assert "京津翼" in output and "共度难关" in output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b"  \n\n", "文件为空"),
        ("a.bin", bytes(range(256)) * 4, "不是文本文件"),
        ("bad.docx", b"not a zip", "不是有效的 Word 文档"),
        ("broken.docx", None, "Word 文档"),
    ],
)
def test_bad_input_is_a_chinese_message_and_exit_2(tmp_path: Path, name, content, message):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<broken")
        content = buffer.getvalue()
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert message in result.output and name in result.output
    assert "Traceback" not in result.output


def test_missing_file_and_directory(tmp_path: Path):
    assert "文件不存在" in run(str(tmp_path / "nope.txt")).output
    assert run(str(tmp_path)).exit_code == 2


def test_huge_single_line(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("县政府召开常务会议，截止目前已完成。" * 20_000, encoding="utf-8")
    result = run(str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.output.splitlines()) >= 20_000


def test_county_folder_option(tmp_path: Path):
    (tmp_path / "allow.txt").write_text("京津翼\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("京津翼公司\n", encoding="utf-8")
    assert run(str(text), "--county", str(tmp_path)).exit_code == 0
    (tmp_path / "pairs.tsv").write_text("a\tb\n", encoding="utf-8")
    result = run(str(text), "--county", str(tmp_path))
    assert result.exit_code == 2 and "pairs.tsv 第 1 行" in result.output


def test_county_option_takes_a_county_folder_with_its_lexicon(tmp_path: Path, meixian_dir):
    text = tmp_path / "a.txt"
    text.write_text("秦旺果业收购弥猴桃。\n", encoding="utf-8")
    result = run(str(text), "--format", "jsonl", "--county", str(meixian_dir))
    assert [json.loads(line)["wrong"] for line in result.output.splitlines()] == ["弥猴桃"]
    missing = run(str(text), "--county", str(tmp_path / "无此目录"))
    assert missing.exit_code == 2 and "词表目录不存在" in missing.output


def test_a_docx_that_unpacks_to_far_more_than_its_size_is_refused(monkeypatch):
    from govwatch.proofread import documents

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("全县各单位要认真贯彻落实会议精神。")
    document.save(buffer)
    assert "贯彻落实" in documents.read_document("稿件.docx", buffer.getvalue())
    monkeypatch.setattr(documents, "MAX_UNPACKED_DOCX", 10_000)  # this small file unpacks to more than that
    with pytest.raises(documents.UnreadableDocument, match=r"稿件.docx：Word 文档解压后达"):
        documents.read_document("稿件.docx", buffer.getvalue())


def test_a_zip_bomb_is_refused_with_exit_2(tmp_path: Path):
    from tests.proofread.test_documents import BOMB_PART, word_file

    path = tmp_path / "炸弹.docx"
    path.write_bytes(word_file((BOMB_PART, bytes(32 * 2**20))))
    result = run(str(path))
    assert result.exit_code == 2 and "炸弹.docx：Word 文档中的 word/document.xml 压缩比达" in result.output
