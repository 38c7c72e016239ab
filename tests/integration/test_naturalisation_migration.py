"""Migration 0010 creates the naturalisation tables as ``adapters/db/tables.py`` declares them, and takes them
away again on downgrade to 0008."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from adapters.db.engine import MIGRATIONS, create_store_engine
from adapters.db.tables import naturalisation_persons, naturalisation_requests, naturalisation_transfers

TABLES = (naturalisation_transfers, naturalisation_persons, naturalisation_requests)


def test_migration_0010_creates_the_declared_tables_and_its_downgrade_removes_them(store_url: str) -> None:
    engine = create_store_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0010")
        found = inspect(engine)
        for table in TABLES:
            assert {c["name"] for c in found.get_columns(table.name)} == {c.name for c in table.columns}
            assert {i["name"] for i in found.get_indexes(table.name)} == {i.name for i in table.indexes}
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
        assert not {t.name for t in TABLES} & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
