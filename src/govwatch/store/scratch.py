"""A throw-away PostgreSQL schema, so that tests and benchmarks each get a database of their own on a shared server.

Every table, procrastinate's included, lands in the schema through the URL's search_path.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def scratch_schema(base_url: str, prefix: str = "gw", keep: bool = False) -> Iterator[str]:
    """Yield the URL of a new schema on the server at `base_url`; drop the schema afterwards unless `keep`."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            if not keep:
                with admin.begin() as connection:
                    connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
