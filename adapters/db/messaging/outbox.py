"""The outbox: every outbound message as the envelope bytes to post, queued in the caller's transaction;
``SqlOutbox`` and what the sender needs."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, update

from adapters.db.messaging.driver import _cursor, driver_statements
from adapters.db.messaging.errors import MessagingError
from adapters.db.messaging.serials import SERIAL_BLOCK_MAX, allocate_serials
from adapters.db.messaging.tables import outbox
from gateway.clock import Clock
from gateway.model.exchange import EcrisMessage
from gateway.ports import OutboxRecord, OutboxState

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
