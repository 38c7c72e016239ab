"""Opening the store: the URL, the engine (SQLite embedded default, PostgreSQL), the Alembic upgrade.

A store is created only when the caller says it may be (a command that puts data in); a reading
command asked to open a store that is not there gets ``StoreMissing`` rather than a new, empty one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from gateway.errors import GatewayError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_SYNCHRONOUS = {"OFF", "NORMAL", "FULL", "EXTRA"}
POSTGRES_DRIVER = "postgresql+psycopg"
# The spellings people write for PostgreSQL, all served by the one driver installed (psycopg 3).
POSTGRES_BACKENDS = {"postgres", "postgresql"}
CONNECT_TIMEOUT_SECONDS = 10
SQLITE_CACHE_KIB = 32 * 1024
"""SQLite's page cache per connection (its default is 2 MiB): a large register's identity index and the
persons recently read stay in memory instead of costing a system call per page."""
VERSION_TABLE = "alembic_version"


class DatabaseError(GatewayError):
    """The database cannot be reached or used."""


class StoreMissing(DatabaseError):
    """No store exists at the place given, and the command may not create one."""


def printable_url(url: URL) -> str:
    """The URL with its password hidden, for a message."""
    return url.render_as_string(hide_password=True)


def store_url(text: str) -> URL:
    """The URL of a store: ``sqlite:///PATH`` or PostgreSQL (``postgres://`` and ``postgresql://``
    are read as psycopg 3, the driver the gateway ships); anything else is a one-line error."""
    try:
        url = make_url(text)
    except Exception:  # sqlalchemy's ArgumentError repeats the URL, password included
        raise DatabaseError(
            "the database URL is not usable: expected sqlite:///PATH or postgresql://USER@HOST/DATABASE"
        ) from None
    backend, _, driver = url.drivername.partition("+")
    if backend in POSTGRES_BACKENDS and driver in {"", "psycopg"}:
        return url.set(drivername=POSTGRES_DRIVER)
    if backend == "sqlite" and driver in {"", "pysqlite"}:
        return url
    if backend in {*POSTGRES_BACKENDS, "sqlite"}:
        raise DatabaseError(
            f"the database driver {driver!r} of {printable_url(url)} is not the gateway's: "
            "write sqlite:///PATH or postgresql://USER@HOST/DATABASE (psycopg 3)"
        )
    raise DatabaseError(
        f"the database URL {printable_url(url)} has an unknown scheme {url.drivername!r}: "
        "use sqlite:///PATH or postgresql://USER@HOST/DATABASE"
    )


def _sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite store, None for an in-memory one."""
    return Path(url.database) if url.database and url.database != ":memory:" else None


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
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: no deadlock upgrading a read to a write. Sent on the
        # driver's cursor: it opens every unit of work, and SQLAlchemy's execution set-up would cost more.
        cursor = connection.connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        finally:
            cursor.close()


def create_store_engine(url: str, *, sqlite_synchronous: str = "NORMAL") -> Engine:
    """An engine for ``url``, WAL mode for SQLite; connects to nothing yet."""
    parsed = store_url(url)
    if parsed.get_backend_name() == "sqlite":
        synchronous = sqlite_synchronous.upper()
        if synchronous not in SQLITE_SYNCHRONOUS:
            raise DatabaseError(f"sqlite synchronous must be one of {sorted(SQLITE_SYNCHRONOUS)}")
        engine = create_engine(parsed)
        _sqlite_pragmas(engine, synchronous)
        return engine
    return create_engine(
        parsed, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    )


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error  # the driver's own error, without SQLAlchemy's wrapping
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else 'no detail'}"


def store_exists(engine: Engine) -> bool:
    """Whether a gateway store is at the engine's place; never creates one (SQLite would, by connecting)."""
    file = _sqlite_file(engine.url) if engine.url.get_backend_name() == "sqlite" else None
    if file is not None and not file.is_file():
        return False
    try:
        with engine.connect() as connection:
            return inspect(connection).has_table(VERSION_TABLE)
    except SQLAlchemyError as error:
        raise DatabaseError(f"cannot open the store at {printable_url(engine.url)}: {_reason(error)}") from None


def prepare_folder(engine: Engine) -> None:
    """Create the folder of a new SQLite store (the per-user data folder on first use)."""
    file = _sqlite_file(engine.url) if engine.url.get_backend_name() == "sqlite" else None
    if file is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"cannot create the store at {printable_url(engine.url)}: {error.strerror}") from None


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Alembic's progress lines ("Context impl …", "Running upgrade …") are not for a clerk, nor for
    # the server's log once its logging is configured: only its warnings get through.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except GatewayError:
        raise
    except Exception as error:
        raise DatabaseError(f"cannot open the store at {printable_url(engine.url)}: {_reason(error)}") from error


def open_store(url: str, *, may_create: bool, sqlite_synchronous: str = "NORMAL") -> Engine:
    """The store at ``url`` migrated to the newest schema; created there only if ``may_create``."""
    engine = create_store_engine(url, sqlite_synchronous=sqlite_synchronous)
    if may_create:
        prepare_folder(engine)
    elif not store_exists(engine):
        engine.dispose()
        raise StoreMissing(
            f"there is no store at {printable_url(engine.url)}: `ecris-gateway register import FILE` creates it "
            "(--db or ECRIS_GATEWAY_DB chooses another)"
        )
    upgrade(engine)
    return engine
