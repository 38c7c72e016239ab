"""The inbox journal: every inbound HTTP message, raw, journalled before the HTTP answer; ``SqlInbox``."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, or_, select, update

from adapters.db.messaging.driver import DriverStatements, _cursor, driver_statements
from adapters.db.messaging.tables import inbox
from adapters.db.prepared import Prepared
from gateway.clock import Clock
from gateway.ports import InboxRecord, InboxState


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
        self._claimed: tuple[int, bytes] | None = None

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
        claimed, self._claimed = self._claimed, None
        if claimed is not None and claimed[0] == inbox_id:
            return claimed[1]  # read with the claim (a journalled body never changes)
        return bytes(self._db.execute(_BODY, {"inbox_id": inbox_id}).scalar_one())

    def claim_next(self) -> InboxRecord | None:
        """The oldest message still to be handled, locked for this transaction; its body is read with it.

        PostgreSQL: ``FOR UPDATE SKIP LOCKED`` (another process takes the next one). SQLite: the
        transaction began with ``BEGIN IMMEDIATE``, so the store is ours until commit; the oldest of each
        state is found at the start of its index range, so a backlog costs nothing per claim.
        """
        query = _CLAIM_POSTGRESQL if self._db.dialect.name == "postgresql" else _CLAIM
        row = query.first(self._db)
        if row is None:
            return None
        self._claimed = (row[0], bytes(row[-1]))
        return InboxRecord(row[0], row[1], row[2], row[3], row[4], InboxState(row[5]), *row[6:10])

    def mark(
        self, inbox_id: int, state: InboxState, *, error: str | None = None, reply_id: str | None = None
    ) -> None:
        """The message's new state; ``error`` and ``reply_id`` replace the ones recorded when given."""
        _MARK.run(self._db, {"inbox_id": inbox_id, "state": state.value, "handled_at": self._clock.now(),
                                 "error": error, "reply_id": reply_id})


_TO_HANDLE = (InboxState.RECEIVED.value, InboxState.QUARANTINED.value)
_BODY = select(inbox.c.body).where(inbox.c.id == bindparam("inbox_id"))
_CLAIM_POSTGRESQL = Prepared(
    select(*_INBOX_COLUMNS, inbox.c.body)
    .where(inbox.c.handled_at.is_(None), or_(*(inbox.c.state == state for state in _TO_HANDLE)))
    .order_by(inbox.c.id)
    .limit(1)
    .with_for_update(skip_locked=True)
)
_CLAIM = Prepared(select(*_INBOX_COLUMNS, inbox.c.body).where(inbox.c.id.in_([
    select(func.min(inbox.c.id)).where(inbox.c.state == state, inbox.c.handled_at.is_(None)).scalar_subquery()
    for state in _TO_HANDLE
])).order_by(inbox.c.id).limit(1))
_MARK = Prepared(update(inbox).where(inbox.c.id == bindparam("inbox_id")).values(
    state=bindparam("state"),
    handled_at=bindparam("handled_at"),
    error=func.coalesce(bindparam("error", type_=inbox.c.error.type), inbox.c.error),
    reply_id=func.coalesce(bindparam("reply_id", type_=inbox.c.reply_id.type), inbox.c.reply_id),
))
