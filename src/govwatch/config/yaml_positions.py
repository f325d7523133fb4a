"""YAML read with positions kept, so that a validation error can name the line it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError


class ConfigError(ValueError):
    """Bad county data: each message names file, line and field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def read_yaml(path: Path) -> Any:
    """Parse `path` keeping line numbers; a syntax error becomes a ConfigError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: 文件不存在"]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: 不是 UTF-8 编码的文本（{exc.reason}）"]) from None
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError([f"{where}: YAML 语法错误：{exc.problem or exc.context}"]) from None


def line_of(tree: Any, path: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest node of `path` that the tree has."""
    node, line = tree, None
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0] + 1
            node = node[step]
        else:
            break
    if line is None and isinstance(tree, (CommentedMap, CommentedSeq)):
        line = tree.lc.line + 1
    return line


def plain(tree: Any) -> Any:
    """The tree as plain dicts and lists, for validation."""
    if isinstance(tree, dict):
        return {str(k): plain(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [plain(v) for v in tree]
    return tree


def field_name(path: tuple[str | int, ...]) -> str:
    """A path written as units[3].name."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "（顶层）"


def locate(path_file: Path, tree: Any, loc: tuple[str | int, ...], message: str) -> str:
    line = line_of(tree, loc)
    where = f"{path_file}:{line}" if line else str(path_file)
    return f"{where}: 字段 {field_name(loc)}: {message}"
