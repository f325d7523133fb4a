"""YAML read with positions kept, so that a validation error can name the line it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from govwatch.errors import ConfigError

# A county file holds a few thousand values; far more is an alias bomb (anchors repeated into billions).
MAX_NODES = 1_000_000


def read_yaml(path: Path) -> Any:
    """Parse `path` keeping line numbers; a syntax error becomes a ConfigError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{path}: 文件不存在"]) from None
    except IsADirectoryError:
        raise ConfigError([f"{path}: 应为文件，却是目录"]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: 不是 UTF-8 编码的文本（{exc.reason}）"]) from None
    try:
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError([f"{where}: YAML 语法错误：{exc.problem or exc.context}"]) from None
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ConfigError([f"{path}:{line}: 含有 YAML 不允许的字符 U+{exc.character:04X}（控制字符），请删除"]) from None
    except (YAMLError, ValueError) as exc:  # a value its tag cannot make, e.g. the date 2023-02-30
        raise ConfigError([f"{path}: YAML 内容无法解析：{exc}"]) from None
    except RecursionError:
        raise ConfigError([f"{path}: YAML 嵌套过深"]) from None
    plain(tree, path)  # refuses, naming the file, a tree that cannot become plain data
    return tree


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


def plain(tree: Any, path: Path | None = None) -> Any:
    """The tree as plain dicts and lists, for validation; ConfigError where aliases expand past MAX_NODES
    (read_yaml has checked every tree it returns)."""
    nodes = 0

    def convert(node: Any) -> Any:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise ConfigError([f"{path}: 内容过多（超过 {MAX_NODES} 项），疑为锚点（&）反复展开"])
        if isinstance(node, dict):
            return {str(k): convert(v) for k, v in node.items()}
        if isinstance(node, list):
            return [convert(v) for v in node]
        return node

    try:
        return convert(tree)
    except RecursionError:
        raise ConfigError([f"{path}: YAML 嵌套过深"]) from None


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
