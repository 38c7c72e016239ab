"""The ECRIS messaging tables and their repositories: the inbox journal, the outbox, the message-ID serial.

- ``ecris_inbox``: every inbound HTTP message, raw, with its headers and time of receipt, written (and
  committed) before the HTTP answer. ``accepted_key`` holds the message ID of the one accepted copy, so a
  second copy under the same ID is recognised (byte-identical: ``duplicate``; different: ``quarantined``).
- ``ecris_outbox``: every outbound message, as the SOAP envelope bytes to post, written in the transaction
  of the change that caused it. Its message ID is allocated once, at queueing, and never changes.
- ``ecris_message_serial`` (SQLite) or the sequence ``ecris_message_serial_seq`` (PostgreSQL): the 15-digit
  serial of the message IDs this gateway allocates, unique across processes.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    insert,
    or_,
    select,
    update,
)

from adapters.db.tables import metadata
from adapters.db.types import JsonDocument, UtcDateTime
from gateway.clock import Clock
from gateway.errors import GatewayError
from gateway.model.exchange import EcrisMessage
from gateway.ports import InboxRecord, InboxState, OutboxRecord, OutboxState

SERIAL_NAME = "message"
PG_SEQUENCE = "ecris_message_serial_seq"

inbox = Table(
    "ecris_inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=True, index=True),
    Column("accepted_key", String(64), nullable=True),
    Column("type", String(64), nullable=True),
    Column("counterpart", String(8), nullable=True),
    Column("response_to", String(64), nullable=True),
    Column("state", String(16), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("headers", JsonDocument, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("error", Text, nullable=True),
    Column("reply_id", String(64), nullable=True),
    Column("handled_at", UtcDateTime, nullable=True),
    Index("ix_ecris_inbox_pending", "state", "handled_at"),
    UniqueConstraint("accepted_key", name="uq_ecris_inbox_accepted_key"),
)

outbox = Table(
    "ecris_outbox",
    metadata,
    Column("message_id", String(64), primary_key=True),
    Column("type", String(64), nullable=False),
    Column("counterpart", String(8), nullable=False),
    Column("response_to", String(64), nullable=True),
    Column("state", String(16), nullable=False),
    Column("envelope", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("claimed_by", String(128), nullable=True),
    Column("claimed_until", UtcDateTime, nullable=True),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("acknowledged_at", UtcDateTime, nullable=True),
    Column("acknowledged_by", String(64), nullable=True),
    Column("last_error", Text, nullable=True),
    Index("ix_ecris_outbox_due", "state", "next_attempt_at"),
)

message_serial = Table(
    "ecris_message_serial",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)


class MessagingError(GatewayError):
    """The message store cannot do what was asked (e.g. the serial is exhausted)."""


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


# ------------------------------------------------------------------------------------------- serial

SERIAL_BLOCK_MAX = 64
"""The most serials ``SqlOutbox`` takes at once (blocks double from 1 within a transaction)."""


def _allocate(cursor: Any, statements: DriverStatements, count: int) -> list[int]:
    cursor.execute(statements.serials, (count,))
    rows = cursor.fetchall()
    if statements.dialect == "postgresql":
        serials = [int(row[0]) for row in rows]
    else:
        if not rows:
            raise MessagingError("the message serial row is missing (run the migrations)")
        last = int(rows[0][0])
        serials = list(range(last - count + 1, last + 1))
    if serials[-1] >= 10**15:
        raise MessagingError("the 15-digit message serial is exhausted")
    return serials


def allocate_serials(connection: Connection, count: int = 1) -> list[int]:
    """``count`` fresh message serials, unique across every process sharing the store.

    PostgreSQL: a sequence (no lock held until commit; a rolled-back transaction leaves a gap, never a
    reuse). SQLite: a counter row updated inside the caller's ``BEGIN IMMEDIATE`` transaction (rolled back
    with it).
    """
    if count < 1:
        return []
    cursor = _cursor(connection)
    try:
        return _allocate(cursor, driver_statements(connection.dialect), count)
    finally:
        cursor.close()


# ------------------------------------------------------------------------------------------- inbox


def digest_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True, slots=True)
class InboundEntry:
    """One received HTTP message, as the server hands it to the journal."""

    body: bytes
    headers: Mapping[str, str]
    received_at: datetime
    message_id: str | None = None
    type: str | None = None
    counterpart: str | None = None
    response_to: str | None = None
    rejected: str | None = None
    """The fault reason when the message is refused; ``None`` for a schema-valid message."""
    digest: str = ""
    """SHA-256 of ``body`` (hex); computed here when not given."""

    def __post_init__(self) -> None:
        if not self.digest:
            object.__setattr__(self, "digest", digest_of(self.body))


def journal_entries(connection: Connection, entries: Sequence[InboundEntry]) -> list[InboxState]:
    """Insert ``entries`` (one transaction, the caller's) and return the state each one got.

    A valid message whose ID was accepted before is ``duplicate`` when byte-identical, ``quarantined``
    otherwise; copies inside ``entries`` are judged in order. The caller commits.
    """
    cursor = _cursor(connection)
    try:
        return journal_with_cursor(cursor, driver_statements(connection.dialect), entries)
    finally:
        cursor.close()


def journal_with_cursor(cursor: Any, statements: DriverStatements,
                        entries: Sequence[InboundEntry]) -> list[InboxState]:
    """``journal_entries`` on a DBAPI cursor whose connection is in a write transaction."""
    accepted: dict[str, str] = {}
    ids = sorted({e.message_id for e in entries if e.rejected is None and e.message_id})
    if len(ids) == 1:
        cursor.execute(statements.accepted_one, (ids[0],))
        accepted.update(cursor.fetchall())
    else:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join([statements.placeholder] * len(chunk))
            cursor.execute(f"SELECT accepted_key, digest FROM ecris_inbox WHERE accepted_key IN ({marks})",
                           tuple(chunk))
            accepted.update(cursor.fetchall())
    states: list[InboxState] = []
    rows: list[Any] = []
    statement = statements.inbox_insert
    for entry in entries:
        digest = entry.digest
        key: str | None = None
        if entry.rejected is not None or not entry.message_id:
            state = InboxState.REJECTED
        elif entry.message_id in accepted:
            state = InboxState.DUPLICATE if accepted[entry.message_id] == digest else InboxState.QUARANTINED
        else:
            state = InboxState.RECEIVED
            key = entry.message_id
            accepted[entry.message_id] = digest
        states.append(state)
        rows.append(statement.params({
            "message_id": entry.message_id,
            "accepted_key": key,
            "type": entry.type,
            "counterpart": entry.counterpart,
            "response_to": entry.response_to,
            "state": state.value,
            "received_at": entry.received_at,
            "headers": dict(entry.headers),
            "body": entry.body,
            "digest": digest,
            "error": entry.rejected,
            "reply_id": None,
            # Nothing more to do for a refused message or a harmless copy.
            "handled_at": entry.received_at if state in _NOTHING_TO_DO else None,
        }))
    if len(rows) == 1:
        cursor.execute(statement.sql, rows[0])
    elif rows:
        cursor.executemany(statement.sql, rows)
    return states


_NOTHING_TO_DO = frozenset({InboxState.REJECTED, InboxState.DUPLICATE})


def _inbox_record(row: Any) -> InboxRecord:
    return InboxRecord(
        id=row.id,
        message_id=row.message_id,
        type=row.type,
        counterpart=row.counterpart,
        response_to=row.response_to,
        state=InboxState(row.state),
        received_at=row.received_at,
        error=row.error,
        reply_id=row.reply_id,
        handled_at=row.handled_at,
    )


_INBOX_COLUMNS = (
    inbox.c.id,
    inbox.c.message_id,
    inbox.c.type,
    inbox.c.counterpart,
    inbox.c.response_to,
    inbox.c.state,
    inbox.c.received_at,
    inbox.c.error,
    inbox.c.reply_id,
    inbox.c.handled_at,
)


class SqlInbox:
    """The inbox journal over the unit of work's connection."""

    def __init__(self, connection: Connection, clock: Clock) -> None:
        self._db = connection
        self._clock = clock

    def record(self, entries: Sequence[InboundEntry]) -> list[InboxState]:
        return journal_entries(self._db, entries)

    def list(self, *, limit: int | None = None) -> list[InboxRecord]:
        query = select(*_INBOX_COLUMNS).order_by(inbox.c.id)
        if limit is not None:
            query = query.limit(limit)
        return [_inbox_record(row) for row in self._db.execute(query)]

    def get(self, message_id: str) -> InboxRecord | None:
        """The accepted copy of ``message_id`` or, failing that, the first one received."""
        row = self._db.execute(
            select(*_INBOX_COLUMNS)
            .where(inbox.c.message_id == message_id)
            .order_by(inbox.c.accepted_key.is_(None), inbox.c.id)
            .limit(1)
        ).first()
        return None if row is None else _inbox_record(row)

    def accepted(self, message_id: str, *, sender: str) -> InboxRecord | None:
        row = self._db.execute(
            select(*_INBOX_COLUMNS).where(inbox.c.accepted_key == message_id, inbox.c.counterpart == sender)
        ).first()
        return None if row is None else _inbox_record(row)

    def body(self, inbox_id: int) -> bytes:
        return bytes(self._db.execute(select(inbox.c.body).where(inbox.c.id == inbox_id)).scalar_one())

    def claim_next(self) -> InboxRecord | None:
        """The oldest message still to be handled, locked for this transaction.

        PostgreSQL: ``FOR UPDATE SKIP LOCKED`` (another process takes the next one). SQLite: the
        transaction began with ``BEGIN IMMEDIATE``, so the store is ours until commit.
        """
        query = (
            select(*_INBOX_COLUMNS)
            .where(
                inbox.c.handled_at.is_(None),
                inbox.c.state.in_([InboxState.RECEIVED.value, InboxState.QUARANTINED.value]),
            )
            .order_by(inbox.c.id)
            .limit(1)
        )
        if self._db.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        row = self._db.execute(query).first()
        return None if row is None else _inbox_record(row)

    def mark(
        self, inbox_id: int, state: InboxState, *, error: str | None = None, reply_id: str | None = None
    ) -> None:
        values: dict[str, Any] = {"state": state.value, "handled_at": self._clock.now()}
        if error is not None:
            values["error"] = error
        if reply_id is not None:
            values["reply_id"] = reply_id
        self._db.execute(update(inbox).where(inbox.c.id == inbox_id).values(**values))


# ------------------------------------------------------------------------------------------- outbox

EnvelopeWriter = Callable[[EcrisMessage], bytes]
"""Builds and validates a message and returns the SOAP envelope bytes to post (raises if invalid)."""


def _outbox_record(row: Any) -> OutboxRecord:
    return OutboxRecord(
        message_id=row.message_id,
        type=row.type,
        counterpart=row.counterpart,
        response_to=row.response_to,
        state=OutboxState(row.state),
        created_at=row.created_at,
        updated_at=row.updated_at,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at,
        acknowledged_by=row.acknowledged_by,
        last_error=row.last_error,
    )


_OUTBOX_COLUMNS = (
    outbox.c.message_id,
    outbox.c.type,
    outbox.c.counterpart,
    outbox.c.response_to,
    outbox.c.state,
    outbox.c.created_at,
    outbox.c.updated_at,
    outbox.c.attempts,
    outbox.c.next_attempt_at,
    outbox.c.sent_at,
    outbox.c.acknowledged_by,
    outbox.c.last_error,
)


@dataclass(frozen=True, slots=True)
class DueMessage:
    """An outbox message due for delivery, as the sender needs it."""

    message_id: str
    type: str
    counterpart: str
    envelope: bytes
    attempts: int


_DUE_COLUMNS = (outbox.c.message_id, outbox.c.type, outbox.c.counterpart, outbox.c.envelope, outbox.c.attempts)


def _due(row: Any) -> DueMessage:
    return DueMessage(row.message_id, row.type, row.counterpart, bytes(row.envelope), row.attempts)


class SqlOutbox:
    """The outbox over the unit of work's connection: queue in the caller's transaction.

    Serials are taken in blocks that double within a transaction (1, 2, 4 … ``SERIAL_BLOCK_MAX``), so a
    transaction queueing one message takes one serial and one queueing a thousand takes a few dozen
    round trips; what a transaction leaves unused is a gap, never a reuse (the block dies with it).
    """

    def __init__(self, connection: Connection, clock: Clock, writer: EnvelopeWriter | None) -> None:
        self._db = connection
        self._clock = clock
        self._writer = writer
        self._spare: list[int] = []
        self._spare_owner: tuple[Any, Any] | None = None
        self._block = 0

    def _transaction(self) -> tuple[Any, Any]:
        return self._db.get_transaction(), self._db.get_nested_transaction()

    def next_serial(self) -> int:
        owner = self._transaction()
        if owner != self._spare_owner or owner[0] is None:
            self._spare.clear()
            self._block = 0
        if not self._spare:
            self._block = min(max(1, 2 * self._block), SERIAL_BLOCK_MAX)
            serials = allocate_serials(self._db, self._block)
            self._spare_owner = self._transaction()
            serials.reverse()
            self._spare = serials
        return self._spare.pop()

    def queue(self, message: EcrisMessage) -> None:
        if self._writer is None:
            raise MessagingError("this unit of work has no message writer: it cannot queue messages")
        metadata = message.metadata
        self.queue_envelope(
            message_id=str(metadata.message_id),
            type=message.element_name,
            counterpart=metadata.receiver,
            response_to=None if metadata.response_to is None else str(metadata.response_to),
            envelope=self._writer(message),
        )

    def queue_envelope(
        self, *, message_id: str, type: str, counterpart: str, response_to: str | None, envelope: bytes
    ) -> None:
        statement = driver_statements(self._db.dialect).outbox_insert
        now = self._clock.now()
        params = statement.params({
            "message_id": message_id,
            "type": type,
            "counterpart": counterpart,
            "response_to": response_to,
            "state": OutboxState.QUEUED.value,
            "envelope": envelope,
            "created_at": now,
            "updated_at": now,
            "attempts": 0,
            "next_attempt_at": now,
        })
        cursor = _cursor(self._db)
        try:
            cursor.execute(statement.sql, params)
        finally:
            cursor.close()

    def get(self, message_id: str) -> OutboxRecord | None:
        row = self._db.execute(select(*_OUTBOX_COLUMNS).where(outbox.c.message_id == message_id)).first()
        return None if row is None else _outbox_record(row)

    def envelope(self, message_id: str) -> bytes | None:
        value = self._db.execute(
            select(outbox.c.envelope).where(outbox.c.message_id == message_id)
        ).scalar_one_or_none()
        return None if value is None else bytes(value)

    def list(self, *, state: OutboxState | None = None, limit: int | None = None) -> list[OutboxRecord]:
        query = select(*_OUTBOX_COLUMNS).order_by(outbox.c.created_at, outbox.c.message_id)
        if state is not None:
            query = query.where(outbox.c.state == state.value)
        if limit is not None:
            query = query.limit(limit)
        return [_outbox_record(row) for row in self._db.execute(query)]

    def acknowledge(self, message_id: str, *, by: str) -> None:
        now = self._clock.now()
        self._db.execute(
            update(outbox)
            .where(outbox.c.message_id == message_id)
            .values(
                state=OutboxState.ACKNOWLEDGED.value, acknowledged_at=now, acknowledged_by=by, updated_at=now
            )
        )

    # --- what the sender needs ------------------------------------------------------------------

    def claim_due(self, *, worker: str, lease: timedelta, limit: int) -> builtins.list[DueMessage]:
        """Claim up to ``limit`` due messages for ``worker`` until ``now + lease`` (SQLite path).

        A claim left by a crashed sender expires with its lease and the message is delivered again,
        under the same ID. A first attempt is always due (the application clock may be fixed).
        """
        now = self._clock.now()
        due = (
            select(outbox.c.message_id)
            .where(
                outbox.c.state == OutboxState.QUEUED.value,
                or_(outbox.c.attempts == 0, outbox.c.next_attempt_at <= now),
                or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now),
            )
            .order_by(outbox.c.attempts, outbox.c.created_at, outbox.c.message_id)
            .limit(limit)
        )
        ids = list(self._db.execute(due).scalars())
        if not ids:
            return []
        self._db.execute(
            update(outbox)
            .where(outbox.c.message_id.in_(ids))
            .values(claimed_by=worker, claimed_until=now + lease)
        )
        rows = self._db.execute(select(*_DUE_COLUMNS).where(outbox.c.message_id.in_(ids)))
        by_id = {row.message_id: _due(row) for row in rows}
        return [by_id[i] for i in ids]

    def lock_next_due(self) -> DueMessage | None:
        """Lock the next due message for this transaction (PostgreSQL: ``FOR UPDATE SKIP LOCKED``)."""
        now = self._clock.now()
        row = self._db.execute(
            select(*_DUE_COLUMNS)
            .where(
                outbox.c.state == OutboxState.QUEUED.value,
                or_(outbox.c.attempts == 0, outbox.c.next_attempt_at <= now),
            )
            .order_by(outbox.c.attempts, outbox.c.created_at, outbox.c.message_id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        return None if row is None else _due(row)

    def mark_sent(self, message_id: str) -> None:
        now = self._clock.now()
        self._db.execute(
            update(outbox)
            .where(outbox.c.message_id == message_id, outbox.c.state == OutboxState.QUEUED.value)
            .values(
                state=OutboxState.SENT.value,
                sent_at=now,
                updated_at=now,
                attempts=outbox.c.attempts + 1,
                claimed_by=None,
                claimed_until=None,
                last_error=None,
            )
        )

    def mark_retry(self, message_id: str, *, error: str, next_attempt_at: datetime) -> None:
        now = self._clock.now()
        self._db.execute(
            update(outbox)
            .where(outbox.c.message_id == message_id, outbox.c.state == OutboxState.QUEUED.value)
            .values(
                attempts=outbox.c.attempts + 1,
                next_attempt_at=next_attempt_at,
                updated_at=now,
                claimed_by=None,
                claimed_until=None,
                last_error=error,
            )
        )

    def mark_failed(self, message_id: str, *, error: str) -> None:
        now = self._clock.now()
        self._db.execute(
            update(outbox)
            .where(outbox.c.message_id == message_id, outbox.c.state == OutboxState.QUEUED.value)
            .values(
                state=OutboxState.FAILED.value,
                attempts=outbox.c.attempts + 1,
                updated_at=now,
                claimed_by=None,
                claimed_until=None,
                last_error=error,
            )
        )

    def requeue(self, message_id: str) -> bool:
        """Put a failed message back in the queue (same ID); True if it was failed."""
        now = self._clock.now()
        result = self._db.execute(
            update(outbox)
            .where(outbox.c.message_id == message_id, outbox.c.state == OutboxState.FAILED.value)
            .values(state=OutboxState.QUEUED.value, attempts=0, next_attempt_at=now, updated_at=now)
        )
        return bool(result.rowcount)

    def counts(self) -> dict[str, int]:
        rows = self._db.execute(select(outbox.c.state, func.count()).group_by(outbox.c.state))
        return {state: int(n) for state, n in rows}

    def pending_count(self) -> int:
        return int(
            self._db.execute(
                select(func.count()).where(and_(outbox.c.state == OutboxState.QUEUED.value))
            ).scalar_one()
        )
