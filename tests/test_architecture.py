"""The layers held (docs/architecture.md, "Layers"): import-linter's contracts in pyproject.toml, run on the
code base, and shown to fail on a package that breaks them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path, *contracts: str, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    args = [str(LINT_IMPORTS), "--no-cache", "--no-logo", *(f"--contract={c}" for c in contracts)]
    env = dict(os.environ, PYTHONPATH=str(path)) if path else None
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_domain_and_proofread_import_no_adapter():
    result = lint_imports(ROOT, "pure-core")
    assert result.returncode == 0, result.stdout + result.stderr


def test_web_imports_no_table_class():
    result = lint_imports(ROOT, "web-no-tables")
    assert result.returncode == 0, result.stdout + result.stderr


def _fake_project(tmp_path: Path, bad_imports: dict[str, str]) -> Path:
    """A package `fakegov` with every module the contracts name, the contracts of pyproject.toml renamed to
    it, and `bad_imports` (module → the line it holds); its draft reader imports docx, as the real one may."""
    bad_imports = {"fakegov.proofread.documents": "import docx", **bad_imports}
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    modules = {"fakegov.domain.model", "fakegov.proofread.checker", "fakegov.web.routes"}
    for contract in config["contracts"]:
        modules |= {m.replace("govwatch", "fakegov") for m in contract["forbidden_modules"] if m.startswith("govwatch")}
    for module in modules | set(bad_imports):
        parts = module.split(".")
        for depth in range(1, len(parts)):
            package = tmp_path.joinpath(*parts[:depth])
            package.mkdir(exist_ok=True)
            (package / "__init__.py").touch()
        tmp_path.joinpath(*parts).with_suffix(".py").write_text(bad_imports.get(module, "") + "\n", encoding="utf-8")
    lines = ['[tool.importlinter]', 'root_package = "fakegov"', "include_external_packages = true"]
    for contract in config["contracts"]:
        lines.append("[[tool.importlinter.contracts]]")
        for key, value in contract.items():
            lines.append(f"{key} = {_toml(value)}".replace("govwatch", "fakegov"))
    (tmp_path / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace('"', '\\"') + '"'


@pytest.mark.parametrize(("contract", "module", "line"), [
    ("pure-core", "fakegov.domain.model", "import fakegov.store.tables"),
    ("pure-core", "fakegov.domain.model", "import fakegov.services.helper"),
    ("pure-core", "fakegov.proofread.checker", "import sqlalchemy"),
    ("pure-core", "fakegov.domain.model", "import httpx"),
    ("web-no-tables", "fakegov.web.routes", "from fakegov.store.tables import PostRow"),
])
def test_a_forbidden_import_breaks_its_contract(tmp_path, contract, module, line):
    extra = {"fakegov.services.helper": "import fakegov.store.tables"} if "services" in line else {}
    project = _fake_project(tmp_path, {module: line, **extra})
    broken = lint_imports(project, contract, path=project)
    assert broken.returncode == 1 and "1 broken" in broken.stdout and module in broken.stdout, broken.stdout


def test_the_fake_project_keeps_the_contracts_without_them(tmp_path):
    project = _fake_project(tmp_path, {"fakegov.web.routes": "import fakegov.domain.model"})
    result = lint_imports(project, path=project)
    assert result.returncode == 0, result.stdout + result.stderr
