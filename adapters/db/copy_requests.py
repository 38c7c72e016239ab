"""Requests of States of nationality for copies (Art 12(3)), each with its due date (AMB-15)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Date, String, Table, Text, insert, select, update

from adapters.db.tables import metadata
from adapters.db.types import UtcDateTime
from gateway.ports import CopyRequest

copy_requests = Table(
    "copy_requests",
    metadata,
    Column("message_id", String(64), primary_key=True),
    Column("sender", String(8), nullable=False),
    Column("person_id", String(64), nullable=True),
    Column("received_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("answered_at", UtcDateTime, nullable=True),
    Column("reply_id", String(64), nullable=True),
    Column("note", Text, nullable=True),
)


class SqlCopyRequestLog:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def record(self, request: CopyRequest) -> None:
        self._db.execute(insert(copy_requests).values(
            message_id=request.message_id, sender=request.sender, person_id=request.person_id,
            received_on=request.received_on, due_on=request.due_on, answered_at=request.answered_at,
            reply_id=request.reply_id, note=request.note,
        ))

    def list(self) -> list[CopyRequest]:
        query = select(copy_requests).order_by(copy_requests.c.due_on, copy_requests.c.message_id)
        return [_request(r) for r in self._db.execute(query)]

    def get(self, message_id: str) -> CopyRequest | None:
        row = self._db.execute(select(copy_requests).where(copy_requests.c.message_id == message_id)).first()
        return None if row is None else _request(row)

    def mark_answered(self, message_id: str, *, person_id: str | None, answered_at: datetime, reply_id: str) -> None:
        self._db.execute(update(copy_requests).where(copy_requests.c.message_id == message_id)
                         .values(person_id=person_id, answered_at=answered_at, reply_id=reply_id))


def _request(r: Any) -> CopyRequest:
    return CopyRequest(message_id=r.message_id, sender=r.sender, received_on=r.received_on, due_on=r.due_on,
                       person_id=r.person_id, answered_at=r.answered_at, reply_id=r.reply_id, note=r.note)
