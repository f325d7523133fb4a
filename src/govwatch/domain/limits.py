"""How long the names a county writes, and the keys its posts get, may be: at most as wide as the database
columns that hold them (tests/store/test_limits.py checks each against store/tables.py), so that a longer
one is refused when the file is read, with its line, instead of failing inside the database (PostgreSQL
checks lengths; SQLite does not)."""

from __future__ import annotations

from pydantic import StringConstraints

COUNTY_NAME = 100
UNIT_NAME = 100
CHANNEL_NAME = 50
COLUMN_NAME = 100
# channel/owner/name: the widest path the three names above can make.
COLUMN_PATH = CHANNEL_NAME + 1 + UNIT_NAME + 1 + COLUMN_NAME
ACCOUNT_NAME = 100
EXTERNAL_ID = 200
GRADE_LABEL = 10
NATURAL_KEY = 500
POST_SOURCE = 200

# The earliest and latest year a post may be dated: 1990 is before any government portal; a date
# outside is a typo or an empty cell read as a date, and would not survive conversion to UTC.
FIRST_YEAR, LAST_YEAR = 1990, 2099


def name(max_length: int) -> StringConstraints:
    """A name as a county writes it (`Annotated[str, name(N)]`): surrounding blanks dropped, not empty, at most
    `max_length` long."""
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)
