"""The notification ledger: ``outgoing_notifications``, one row per NotificationMessage Luxembourg queued
(Art 12), with the answer it got; read with the message's outbox state."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
    update,
)

from adapters.db.messaging.tables import outbox
from adapters.db.tables import metadata
from adapters.db.types import UtcDateTime
from gateway.ports import OutboxState, SentNotification

outgoing_notifications = Table(
    "outgoing_notifications",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False),
    Column("person_id", String(64), nullable=False),
    Column("decision_id", String(64), nullable=False),
    Column("receiver", String(8), nullable=False),
    Column("conviction_id", String(32), nullable=False),
    Column("act", String(16), nullable=False),
    Column("digest", String(64), nullable=False),
    Column("queued_at", UtcDateTime, nullable=False),
    Column("response_id", String(64), nullable=True),
    Column("response_type", String(64), nullable=True),
    Column("responded_at", UtcDateTime, nullable=True),
    Column("problem", Text, nullable=True),
    UniqueConstraint("message_id", name="uq_outgoing_notifications_message_id"),
    Index("ix_outgoing_notifications_person", "person_id", "seq"),
)

_N = outgoing_notifications
_COLUMNS = (
    _N.c.message_id, _N.c.person_id, _N.c.decision_id, _N.c.receiver, _N.c.conviction_id, _N.c.act,
    _N.c.digest, _N.c.queued_at, _N.c.response_id, _N.c.response_type, _N.c.responded_at, _N.c.problem,
)
_QUERY = (
    select(*_COLUMNS, outbox.c.state.label("outbox_state"), outbox.c.sent_at)
    .select_from(_N.outerjoin(outbox, outbox.c.message_id == _N.c.message_id))
    .order_by(_N.c.seq)
)


def _record(row: Any) -> SentNotification:
    return SentNotification(
        message_id=row.message_id,
        person_id=row.person_id,
        decision_id=row.decision_id,
        receiver=row.receiver,
        conviction_id=row.conviction_id,
        act=row.act,
        digest=row.digest,
        queued_at=row.queued_at,
        outbox_state=None if row.outbox_state is None else OutboxState(row.outbox_state),
        sent_at=row.sent_at,
        response_id=row.response_id,
        response_type=row.response_type,
        responded_at=row.responded_at,
        problem=row.problem,
    )


class SqlNotificationLedger:
    """``gateway.ports.NotificationLedger`` over the unit of work's connection."""

    CHUNK = 500

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def record(self, notifications: Sequence[SentNotification]) -> None:
        if not notifications:
            return
        self._db.execute(insert(_N), [
            {"message_id": n.message_id, "person_id": n.person_id, "decision_id": n.decision_id,
             "receiver": n.receiver, "conviction_id": n.conviction_id, "act": n.act, "digest": n.digest,
             "queued_at": n.queued_at}
            for n in notifications
        ])

    def of_persons(self, person_ids: Sequence[str]) -> dict[str, builtins.list[SentNotification]]:
        found: dict[str, builtins.list[SentNotification]] = {}
        ids = list(dict.fromkeys(person_ids))
        for start in range(0, len(ids), self.CHUNK):
            query = select(*_COLUMNS).where(_N.c.person_id.in_(ids[start:start + self.CHUNK])).order_by(_N.c.seq)
            for row in self._db.execute(query.add_columns(_N.c.seq)):
                found.setdefault(row.person_id, []).append(_plain(row))
        return found

    def get(self, message_id: str) -> SentNotification | None:
        row = self._db.execute(_QUERY.where(_N.c.message_id == message_id)).first()
        return None if row is None else _record(row)

    def record_response(
        self, message_id: str, *, response_id: str, response_type: str, problem: str | None, at: datetime
    ) -> None:
        self._db.execute(
            update(_N).where(_N.c.message_id == message_id)
            .values(response_id=response_id, response_type=response_type, problem=problem, responded_at=at)
        )

    def list(self, *, person_id: str | None = None) -> builtins.list[SentNotification]:
        query = _QUERY if person_id is None else _QUERY.where(_N.c.person_id == person_id)
        return [_record(row) for row in self._db.execute(query)]


def _plain(row: Any) -> SentNotification:
    return SentNotification(
        message_id=row.message_id, person_id=row.person_id, decision_id=row.decision_id, receiver=row.receiver,
        conviction_id=row.conviction_id, act=row.act, digest=row.digest, queued_at=row.queued_at,
        response_id=row.response_id, response_type=row.response_type, responded_at=row.responded_at,
        problem=row.problem,
    )
