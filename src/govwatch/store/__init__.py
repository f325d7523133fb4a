"""Storage adapter: SQLAlchemy tables, Alembic migrations and the repository the CLI and jobs use."""
