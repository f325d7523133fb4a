"""Load a county's `notify.yaml` (预警接收人), errors naming file, line and field."""

from __future__ import annotations

from pathlib import Path

from govwatch.config.loader import validate_file
from govwatch.config.yaml_positions import ConfigError, locate, read_yaml
from govwatch.domain.county import County
from govwatch.notify.recipients import NotifyConfig

NOTIFY_FILE = "notify.yaml"


def load_notify(path: Path, county: County) -> NotifyConfig:
    """Read and check `path` (or DIR/notify.yaml) against `county`: every unit named must be one of its units."""
    path = Path(path)
    if path.is_dir():
        path = path / NOTIFY_FILE
    config = validate_file(NotifyConfig, path)
    problems = config.reference_problems(county)
    if problems:
        tree = read_yaml(path)
        raise ConfigError([locate(path, tree, loc, message) for loc, message in problems])
    return config
