"""The demo month's report, written once (without PDF) for the tests that read its files."""

from datetime import date

import pytest

from govwatch.domain.calendar import Month
from govwatch.reports.evaluation_json import evaluation_json
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.report import write_report
from govwatch.store.counties import load_stored_county
from tests.conftest import MEIXIAN

ISSUED = date(2023, 7, 16)
TEMPLATE = MEIXIAN / "notice.md.j2"


def write_demo_report(db, out, pdf=False):
    return write_report(db, Month(2023, 6), out, template=TEMPLATE, issued=ISSUED, pdf=pdf)


@pytest.fixture(scope="session")
def demo_report(demo_database, tmp_path_factory):
    db, _ = demo_database
    return write_demo_report(db, tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="session")
def contract(demo_database, demo_report):
    """The evaluation JSON of the month, as `govwatch evaluate --format json` prints it."""
    db, _ = demo_database
    with db.transaction() as session:
        return evaluation_json(evaluate_stored(session, load_stored_county(session), Month(2023, 6), save=False))
