"""`govwatch proofread FILE`: check a document and print each finding, as text or JSON lines."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from govwatch.cli.app import app
from govwatch.config.loader import LEXICON_DIR
from govwatch.proofread import Proofreader, TextFinding, default_proofreader
from govwatch.proofread.county_files import load_county_lexicon
from govwatch.proofread.data_files import DataFileError
from govwatch.proofread.documents import UnreadableDocument, read_document
from govwatch.proofread.findings import SEVERITY_LABELS, TYPE_LABELS

EXIT_FOUND = 1
EXIT_BAD_INPUT = 2


class OutputFormat(StrEnum):
    """How findings are printed."""

    text = "text"
    jsonl = "jsonl"


@app.command("proofread")
def proofread(
    file: str = typer.Argument(..., help="要检查的文件：.txt、.docx、.html，或 - 表示从标准输入读取。"),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="输出格式：text（逐条说明）或 jsonl（每行一个 JSON 对象）。"),
    county: Path = typer.Option(None, "--county", help="本县词表：县区配置目录（用其 lexicon/）或词表目录本身（含 allow.txt 白名单、pairs.tsv 自定义错词）。"),
) -> None:
    """校对文稿：错别字、规范表述、标点、个人信息。发现问题时退出码为 1，无法读取输入时为 2。"""
    name = "标准输入" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text = read_document(name, data)
        checker = Proofreader(load_county_lexicon(lexicon_dir(county))) if county else default_proofreader()
    except (UnreadableDocument, DataFileError) as exc:
        _fail(str(exc))
    except IsADirectoryError:
        _fail(f"{name}：是目录，不是文件")
    except FileNotFoundError:
        _fail(f"{name}：文件不存在")
    except OSError as exc:
        _fail(f"{name}：无法读取（{exc.strerror or exc}）")
    findings = checker.check(text)
    for finding in findings:
        typer.echo(_as_json(finding) if output_format is OutputFormat.jsonl else _as_text(finding))
    if output_format is OutputFormat.text:
        typer.echo(_summary(name, findings))
    if findings:
        raise typer.Exit(EXIT_FOUND)


def lexicon_dir(folder: Path) -> Path:
    """A county folder's lexicon/, or the folder itself when it holds the lexicon files."""
    if not folder.is_dir():
        raise DataFileError(f"{folder}：词表目录不存在")
    return folder / LEXICON_DIR if (folder / LEXICON_DIR).is_dir() else folder


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


_JSON_FIELDS = ("start", "line", "offset", "length", "wrong", "suggestion", "type", "severity", "certain", "rule",
                "explanation")  # what the checker found; a stored finding's id, post and verdict are not its


def _as_json(finding: TextFinding) -> str:
    return json.dumps({name: getattr(finding, name) for name in _JSON_FIELDS}, ensure_ascii=False)


def _as_text(finding: TextFinding) -> str:
    level = SEVERITY_LABELS[finding.severity] if finding.certain else "疑似"
    fix = f" → {finding.suggestion}" if finding.suggestion else ""
    return (
        f"第 {finding.line} 行第 {finding.offset + 1} 字  [{level}·{TYPE_LABELS[finding.type]}]  "
        f"{finding.wrong}{fix}    {finding.explanation}"
    )


def _summary(name: str, findings: list[TextFinding]) -> str:
    if not findings:
        return f"{name}：未发现问题。"
    certain = [f for f in findings if f.certain]
    counts = "，".join(
        f"{label} {sum(f.severity == key for f in certain)}" for key, label in SEVERITY_LABELS.items()
    )
    return f"{name}：共 {len(findings)} 处（{counts}，疑似 {len(findings) - len(certain)}）。"
