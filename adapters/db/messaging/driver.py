"""The hot statements of the message store, compiled once per dialect and run on the DBAPI cursor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert

from adapters.db.messaging.tables import PG_SEQUENCE, SERIAL_NAME, inbox, outbox

# ------------------------------------------------------------------------------------------- driver level
#
# The hot statements (journal insert, outbox insert, serial allocation) are compiled once per dialect and
# run on the DBAPI cursor of the caller's connection, inside its transaction: SQLAlchemy's per-statement
# overhead (compile cache, execution context, result set-up) is several times the cost of the statement.


@dataclass(frozen=True)
class _Insert:
    """An INSERT of ``columns`` compiled for one dialect, with the bind processors of those columns."""

    sql: str
    columns: tuple[str, ...]
    positional: tuple[str, ...] | None
    processors: tuple[tuple[str, Callable[[Any], Any]], ...]

    @classmethod
    def compile(cls, table: Table, columns: Sequence[str], dialect: Any) -> _Insert:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
        processors = []
        for name in columns:
            processor = table.c[name].type._cached_bind_processor(dialect)
            if processor is not None:
                processors.append((name, processor))
        positional = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
        return cls(compiled.string, tuple(columns), positional, tuple(processors))

    def params(self, row: dict[str, Any]) -> Any:
        """``row`` (a fresh dict, modified in place) as the driver wants it."""
        for name, processor in self.processors:
            row[name] = processor(row[name])
        if self.positional is not None:
            return tuple([row[name] for name in self.positional])
        return row


_INBOX_INSERT_COLUMNS = ("message_id", "accepted_key", "type", "counterpart", "response_to", "state",
                         "received_at", "headers", "body", "digest", "error", "reply_id", "handled_at")
_OUTBOX_INSERT_COLUMNS = ("message_id", "type", "counterpart", "response_to", "state", "envelope", "created_at",
                          "updated_at", "attempts", "next_attempt_at")


@dataclass(frozen=True)
class DriverStatements:
    """Everything the hot paths run, for one dialect."""

    dialect: str
    placeholder: str
    begin: str | None
    """What opens a write transaction on a bare DBAPI connection (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL's
    driver opens one by itself)."""
    inbox_insert: _Insert
    accepted_one: str
    outbox_insert: _Insert
    serials: str

    @classmethod
    def for_dialect(cls, dialect: Any) -> DriverStatements:
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        if dialect.name == "postgresql":
            serials = f"SELECT nextval('{PG_SEQUENCE}') FROM generate_series(1, {mark})"
        else:
            serials = (f"UPDATE ecris_message_serial SET value = value + {mark} WHERE name = '{SERIAL_NAME}' "
                       "RETURNING value")
        return cls(
            dialect=dialect.name,
            placeholder=mark,
            begin="BEGIN IMMEDIATE" if dialect.name == "sqlite" else None,
            inbox_insert=_Insert.compile(inbox, _INBOX_INSERT_COLUMNS, dialect),
            accepted_one=f"SELECT accepted_key, digest FROM ecris_inbox WHERE accepted_key = {mark}",
            outbox_insert=_Insert.compile(outbox, _OUTBOX_INSERT_COLUMNS, dialect),
            serials=serials,
        )


_STATEMENTS: dict[tuple[str, str, str], DriverStatements] = {}


def driver_statements(dialect: Any) -> DriverStatements:
    key = (dialect.name, dialect.driver, dialect.paramstyle)
    statements = _STATEMENTS.get(key)
    if statements is None:
        statements = _STATEMENTS[key] = DriverStatements.for_dialect(dialect)
    return statements


def _cursor(connection: Connection) -> Any:
    """A DBAPI cursor inside ``connection``'s transaction (begun now if it was not)."""
    if not connection.in_transaction():
        connection.begin()
    return connection.connection.cursor()
