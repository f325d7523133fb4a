"""Load a county folder: `county.yaml` (structure), `rules.yaml` (grading rules, optionally on a preset),
and optionally `notice.md.j2` (the notice's wording) and `lexicon/` (proofreading words and pairs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from govwatch.config.yaml_positions import ConfigError, line_of, locate, plain, read_yaml
from govwatch.domain.county import County
from govwatch.domain.rules import Rules
from govwatch.proofread import CountyLexicon
from govwatch.proofread.county_files import load_county_lexicon
from govwatch.proofread.data_files import DataFileError

COUNTY_FILE = "county.yaml"
RULES_FILE = "rules.yaml"
NOTICE_FILE = "notice.md.j2"  # the county's wording of its monthly notice (optional)
LEXICON_DIR = "lexicon"  # allow.txt and pairs.tsv: the county's own proofreading data (optional)

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class CountyConfig:
    """A validated county folder, with the plain data kept for storing a snapshot."""

    directory: Path
    county: County
    rules: Rules
    county_data: dict[str, Any]
    rules_data: dict[str, Any]
    notice_template: str | None = None  # the text of NOTICE_FILE, when the folder has one
    lexicon: CountyLexicon = field(default_factory=CountyLexicon)  # from LEXICON_DIR, empty when the folder has none


def _validate(model: type[Model], data: Any, sources: list[tuple[Path, Any]]) -> Model:
    """Validate `data`; each error names the first source file whose tree holds the failing field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        messages = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            path, tree = next(((p, t) for p, t in sources if line_of(t, loc[:1]) is not None), sources[0])
            # A validator's own ValueError carries the whole message; pydantic would prefix "Value error, ".
            message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
            messages.append(locate(path, tree, loc, message))
        raise ConfigError(messages) from None


def validate_file(model: type[Model], path: Path) -> Model:
    """Read one YAML file into `model`, errors naming file, line and field."""
    tree = read_yaml(path)
    return _validate(model, plain(tree), [(path, tree)])


SITE_CHECK_PRESET = "national_indicators"


def preset_path(name: str) -> Path:
    """The shipped preset called `name` (e.g. national)."""
    path = Path(str(resources.files("govwatch.presets").joinpath(f"{name}.yaml")))
    if not path.is_file():
        shipped = sorted(p.stem for p in path.parent.glob("*.yaml"))
        raise ConfigError([f"未知的规则预设“{name}”，可选：{'、'.join(shipped)}"])
    return path


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def load_rules(path: Path) -> tuple[Rules, dict[str, Any]]:
    """Read a rules file; `preset: NAME` takes a shipped preset as the base."""
    tree = read_yaml(path)
    data = plain(tree) or {}
    if not isinstance(data, dict):
        raise ConfigError([f"{path}:1: 规则文件应为键值映射"])
    sources = [(path, tree)]
    preset = data.pop("preset", None)
    if preset:
        base_path = preset_path(str(preset))
        base_tree = read_yaml(base_path)
        data = _deep_merge(plain(base_tree), data)
        sources.append((base_path, base_tree))
    site_path = preset_path(SITE_CHECK_PRESET)  # 网站自查: the shipped scheme under the county's own keys
    site_tree = read_yaml(site_path)
    own = data.get("site_check") or {}
    if isinstance(own, dict):  # anything else is left for validation to name by its line
        data["site_check"] = _deep_merge(plain(site_tree), own)
    sources.append((site_path, site_tree))
    return _validate(Rules, data, sources), data


def load_county(path: Path) -> tuple[County, dict[str, Any]]:
    """Read and check a county.yaml, including that every unit, channel and column named resolves."""
    tree = read_yaml(path)
    data = plain(tree)
    county = _validate(County, data, [(path, tree)])
    problems = county.reference_problems()
    if problems:
        raise ConfigError([locate(path, tree, loc, message) for loc, message in problems])
    return county, data


def load_county_dir(directory: Path) -> CountyConfig:
    """Load and validate a county folder; ConfigError lists every problem found in a file."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError([f"{directory}: 目录不存在"])
    county, county_data = load_county(directory / COUNTY_FILE)
    rules, rules_data = load_rules(directory / RULES_FILE)
    notice = directory / NOTICE_FILE
    template = notice.read_text(encoding="utf-8") if notice.is_file() else None
    try:
        lexicon = load_county_lexicon(directory / LEXICON_DIR)
    except DataFileError as exc:
        raise ConfigError([str(exc)]) from None
    return CountyConfig(directory, county, rules, county_data, rules_data, template, lexicon)
