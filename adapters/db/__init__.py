"""The store: SQLAlchemy 2 Core tables, repositories and a unit of work; Alembic migrations."""
