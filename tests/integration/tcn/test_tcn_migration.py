"""Migration 0007 (with 0011's ``tcn_outbox.failed_at``) creates the ECRIS-TCN tables as ``adapters/db/tcn.py``
declares them, and takes them away again on downgrade."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from adapters.db.engine import MIGRATIONS, create_store_engine
from adapters.db.tcn import tcn_log, tcn_outbox, tcn_police_files, tcn_records

TABLES = (tcn_records, tcn_outbox, tcn_police_files, tcn_log)


def test_migration_0007_creates_the_declared_tables_and_its_downgrade_removes_them(store_url: str) -> None:
    engine = create_store_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")  # 0007, then 0011 adds failed_at
        found = inspect(engine)
        for table in TABLES:
            assert {c["name"] for c in found.get_columns(table.name)} == {c.name for c in table.columns}
            assert {i["name"] for i in found.get_indexes(table.name)} == {i.name for i in table.indexes}
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0004")
        assert not {t.name for t in TABLES} & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
