"""The messaging store on SQLite and PostgreSQL: journal states, serials, outbox queue and claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.bootstrap import App
from adapters.db.messaging import InboundEntry, allocate_serials
from gateway.ports import InboxState, OutboxState
from tests.messaging_support import queue_notifications

AT = datetime(2026, 3, 14, 9, tzinfo=UTC)


def _entry(body: bytes, message_id: str | None = "FR-LU-NOT-000000000000001", rejected: str | None = None) -> InboundEntry:
    return InboundEntry(body=body, headers={"content-type": "application/soap+xml"}, received_at=AT,
                        message_id=message_id, type="NotificationMessage", counterpart="FR", rejected=rejected)


def test_the_journal_tells_copies_from_conflicts(app: App) -> None:
    with app.uow() as uow:
        states = uow.inbox.record([_entry(b"one"), _entry(b"one"), _entry(b"two"), _entry(b"bad", None, "x")])
        uow.commit()
    assert states == [InboxState.RECEIVED, InboxState.DUPLICATE, InboxState.QUARANTINED, InboxState.REJECTED]
    with app.uow() as uow:
        assert uow.inbox.record([_entry(b"one")]) == [InboxState.DUPLICATE]
        uow.commit()
        records = uow.inbox.list()
    assert [r.state for r in records] == [InboxState.RECEIVED, InboxState.DUPLICATE, InboxState.QUARANTINED,
                                          InboxState.REJECTED, InboxState.DUPLICATE]
    assert records[0].received_at == AT
    with app.uow() as uow:
        pending = uow.inbox.claim_next()
        assert pending is not None and pending.id == records[0].id
        assert uow.inbox.body(pending.id) == b"one"
        accepted = uow.inbox.get("FR-LU-NOT-000000000000001")
        assert accepted is not None and accepted.state is InboxState.RECEIVED


def test_serials_are_never_handed_out_twice(app: App) -> None:
    seen: list[int] = []
    for _ in range(3):
        with app.engine.begin() as connection:
            seen += allocate_serials(connection, 5)
    with app.engine.connect() as connection:  # rolled back: a gap at most, never a reuse
        allocate_serials(connection, 2)
        connection.rollback()
    with app.engine.begin() as connection:
        seen += allocate_serials(connection, 1)
    assert len(seen) == len(set(seen)) == 16


def test_a_queued_message_is_claimed_sent_and_acknowledged(app: App) -> None:
    [message_id] = queue_notifications(app.settings.db_url, 1)
    with app.uow() as uow:
        record = uow.outbox.get(message_id)
        assert record is not None and record.state is OutboxState.QUEUED and record.counterpart == "FR"
        envelope = uow.outbox.envelope(message_id)
        assert envelope is not None and message_id.encode() in envelope
        claimed = uow.outbox.claim_due(worker="w", lease=timedelta(minutes=1), limit=5)
        assert [due.message_id for due in claimed] == [message_id]
        assert uow.outbox.claim_due(worker="other", lease=timedelta(minutes=1), limit=5) == []
        uow.outbox.mark_sent(message_id)
        uow.outbox.acknowledge(message_id, by="FR-LU-NRS-000000000000001")
        uow.commit()
    with app.uow() as uow:
        record = uow.outbox.get(message_id)
    assert record is not None and record.state is OutboxState.ACKNOWLEDGED
    assert record.acknowledged_by == "FR-LU-NRS-000000000000001" and record.attempts == 1
