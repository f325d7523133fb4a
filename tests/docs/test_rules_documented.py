from pathlib import Path

from pydantic import BaseModel

from govwatch.domain.rules import Rules

DOC = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")


def setting_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():
        key = f"{prefix}{field.alias or name}"
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation.__name__ != "GradeLabels":
            keys += setting_keys(annotation, f"{key}.")
        else:
            keys.append(key)
    return keys


def test_every_rules_setting_is_documented():
    missing = [key for key in setting_keys(Rules) if f"`{key}`" not in DOC]
    assert missing == []
