"""The one place where a grade's reasons, problems and evidence become words.

Grading returns data (kinds, figures, day ranges, posts and findings); this module renders them with
the wording templates in `templates/wording.yaml` and, for the 存在突出问题 of 附件3, the county's own
wording in rules.yaml (`new_media.wording`). Nothing reads these words back: the notice, the dashboard
and the rectification items take kinds, figures and days from the result's data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol

import jinja2
from ruamel.yaml import YAML

from govwatch.domain.model import Severity
from govwatch.domain.rules import NewMediaWording


class _Days(Protocol):
    @property
    def start(self) -> Any: ...
    @property
    def end(self) -> Any: ...


class _ReasonLike(Protocol):
    """A domain `Reason` or a stored `ReasonResult`: both carry the same data under the same names."""

    @property
    def rule(self) -> str: ...
    @property
    def figures(self) -> Mapping[str, int]: ...
    @property
    def grade(self) -> str | None: ...
    @property
    def days(self) -> Any: ...
    @property
    def columns(self) -> Any: ...
    @property
    def severities(self) -> Mapping[Severity, int]: ...
    @property
    def note(self) -> str | None: ...


def label(days: _Days) -> str:
    """The seed's way of writing a range: 06-01至06-08."""
    return f"{days.start:%m-%d}至{days.end:%m-%d}"


def _signed(value: int) -> str:
    return f"{value:+d}"


@dataclass(frozen=True)
class Wording:
    """The compiled templates of wording.yaml."""

    reasons: dict[str, jinja2.Template]
    evidence: dict[str, jinja2.Template]
    update_failures: dict[str, jinja2.Template]
    # A month has thousands of evidence lines and few distinct ones (a column's name, a post kind).
    _details: dict[tuple[str, str | None, str | None, str, str], str] = field(default_factory=dict, compare=False)

    def reason(self, reason: _ReasonLike) -> str:
        return self.reasons[reason.rule].render(_context(reason))

    def update_failure(self, reason: _ReasonLike) -> str:
        """A reason that failed a unit without a text error, as the notice and its rectification item say it."""
        return self.update_failures[reason.rule].render(_context(reason))

    def evidence_detail(self, role: str, column: str | None, post_kind: str | None,
                        wrong: str = "", suggestion: str = "") -> str:
        key = (role, column, post_kind, wrong, suggestion)
        if key not in self._details:
            self._details[key] = self.evidence[role].render(column=column, post_kind=post_kind, wrong=wrong,
                                                            suggestion=suggestion)
        return self._details[key]


def _context(reason: _ReasonLike) -> dict[str, Any]:
    return {**reason.figures, "grade": reason.grade, "days": list(reason.days), "columns": list(reason.columns),
            "severities": reason.severities, "note": reason.note}


@cache
def wording() -> Wording:
    """The shipped wording, compiled once."""
    text = resources.files("govwatch.reports").joinpath("templates/wording.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    names: dict[str, str] = data["severities"]

    def counts(severities: Mapping[Severity, int]) -> str:
        """严重2处，一般1处: the findings counted, by severity, in order of first appearance."""
        return "，".join(f"{names[Severity(s).value]}{n}处" for s, n in severities.items())

    env.filters.update(label=label, signed=_signed, counts=counts)

    def compile_all(section: str) -> dict[str, jinja2.Template]:
        return {key: env.from_string(source) for key, source in data[section].items()}

    return Wording(compile_all("reasons"), compile_all("evidence"), compile_all("update_failures"))


def problem_text(kind: str, days: _Days | None, words: NewMediaWording) -> str:
    """A 存在突出问题 in the county's words (rules.yaml new_media.wording); {range} is 06-01至06-08."""
    template: str = getattr(words, kind)
    return template.format(range=label(days)) if days is not None else template
