"""Migration 0012 creates the register of issued extracts as ``adapters/db/extracts.py`` declares it, and
takes it away again on downgrade."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from adapters.db.engine import MIGRATIONS, create_store_engine
from adapters.db.extracts import extracts


def test_migration_0012_creates_the_declared_table_and_its_downgrade_removes_it(store_url: str) -> None:
    engine = create_store_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0012")
        found = inspect(engine)
        assert {c["name"] for c in found.get_columns("extracts")} == {c.name for c in extracts.columns}
        assert {i["name"] for i in found.get_indexes("extracts")} == {i.name for i in extracts.indexes}
        assert found.get_pk_constraint("extracts")["constrained_columns"] == ["document_number"]
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
        assert "extracts" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
