"""Shared fixtures: one proofreader per test session (building one takes about a second)."""

import pytest

from govwatch.proofread import Proofreader, default_proofreader


@pytest.fixture(scope="session")
def proofreader() -> Proofreader:
    return default_proofreader()


def only(findings, **expected):
    """The single finding in `findings`, checked against the expected field values."""
    assert len(findings) == 1, findings
    finding = findings[0]
    for name, value in expected.items():
        assert getattr(finding, name) == value, (name, finding)
    return finding
