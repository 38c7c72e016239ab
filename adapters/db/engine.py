"""Engines for SQLite (embedded default) and PostgreSQL, and the Alembic upgrade run at start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from gateway.errors import GatewayError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_SYNCHRONOUS = {"OFF", "NORMAL", "FULL", "EXTRA"}


class DatabaseError(GatewayError):
    """The database cannot be reached or used."""


def _sqlite_pragmas(engine: Engine, synchronous: str) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's implicit transactions are
        # not serialisable), wait for a busy writer rather than fail, and keep WAL for durability.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: no deadlock upgrading a read to a write.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_store_engine(url: str, *, sqlite_synchronous: str = "NORMAL") -> Engine:
    """An engine for ``url``; SQLite files get their folder created and WAL mode."""
    try:
        parsed = make_url(url)
    except Exception as error:  # sqlalchemy raises ArgumentError with the URL in it
        raise DatabaseError(f"the database URL is not usable ({type(error).__name__})") from None
    if parsed.get_backend_name() == "sqlite":
        synchronous = sqlite_synchronous.upper()
        if synchronous not in SQLITE_SYNCHRONOUS:
            raise DatabaseError(f"sqlite synchronous must be one of {sorted(SQLITE_SYNCHRONOUS)}")
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        _sqlite_pragmas(engine, synchronous)
        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except GatewayError:
        raise
    except Exception as error:
        raise DatabaseError(f"cannot open the store at {engine.url.render_as_string(hide_password=True)}: "
                            f"{type(error).__name__}: {str(error).splitlines()[0]}") from error
