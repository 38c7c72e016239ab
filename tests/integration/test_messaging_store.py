"""The messaging store on SQLite and PostgreSQL: journal states, serials, outbox queue and claims."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from adapters.bootstrap import App
from adapters.db.inbox_journal import GroupCommitJournal
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


def test_concurrent_callers_share_commits_and_each_learns_its_own_state(app: App) -> None:
    journal = GroupCommitJournal(app.engine, max_batch=8)
    bodies = [f"m{n}".encode() for n in range(40)]
    ids = [f"FR-LU-NOT-{n % 30:015d}" for n in range(40)]  # the last ten reuse IDs with other content
    results: dict[int, InboxState] = {}

    def send(n: int) -> None:
        results[n] = journal.record(_entry(bodies[n], ids[n]))

    first = [threading.Thread(target=send, args=(n,)) for n in range(30)]
    for thread in first:
        thread.start()
    for thread in first:
        thread.join()
    assert set(results.values()) == {InboxState.RECEIVED}
    for n in range(30, 40):
        send(n)
    assert [results[n] for n in range(30, 40)] == [InboxState.QUARANTINED] * 10
    assert journal.record(_entry(bodies[0], ids[0])) is InboxState.DUPLICATE
    journal.close()
    with app.uow() as uow:
        assert len(uow.inbox.list()) == 41


def test_the_journal_recovers_from_a_broken_connection(app: App) -> None:
    journal = GroupCommitJournal(app.engine)
    assert journal.record(_entry(b"one", "FR-LU-NOT-000000000000001")) is InboxState.RECEIVED
    journal._connection.driver_connection.close()  # as a database restart would leave it
    assert journal.record(_entry(b"two", "FR-LU-NOT-000000000000002")) is InboxState.RECEIVED
    journal.close()
    with app.uow() as uow:
        assert [r.message_id for r in uow.inbox.list()] == ["FR-LU-NOT-000000000000001", "FR-LU-NOT-000000000000002"]


def test_serials_come_in_blocks_that_die_with_their_transaction(app: App) -> None:
    with app.uow() as uow:
        first = [uow.outbox.next_serial() for _ in range(5)]
        uow.commit()
    assert first == list(range(first[0], first[0] + 5))
    with app.uow() as uow:
        dropped = [uow.outbox.next_serial() for _ in range(2)]  # blocks of 1 and 2: one serial left in hand
        uow.rollback()
        after_rollback = uow.outbox.next_serial()  # another transaction: the one left in hand is not used
    assert after_rollback != dropped[-1] + 1
    with app.uow() as uow:
        later = [uow.outbox.next_serial() for _ in range(5)]
        uow.commit()
    committed = [*first, *later]
    assert len(set(committed)) == len(committed)


def test_messages_queued_in_one_transaction_get_distinct_ids(app: App) -> None:
    import dataclasses

    from gateway.model.exchange import MessageMetadata, MessageType
    from gateway.services.outbox import new_message_id
    from tests.samples import ecris_messages as samples

    base = samples.notification_8kb(1)
    with app.uow() as uow:
        ids = []
        for _ in range(70):
            message_id = new_message_id(uow.outbox, sender="LU", receiver="PT",
                                        message_type=MessageType.NOTIFICATION)
            uow.outbox.queue(dataclasses.replace(base, metadata=MessageMetadata(message_id, app.clock.now())))
            ids.append(str(message_id))
        uow.commit()
    assert len(set(ids)) == 70
    with app.uow() as uow:
        queued = uow.outbox.list(state=OutboxState.QUEUED)
        envelope = uow.outbox.envelope(ids[-1])
    assert sorted(r.message_id for r in queued) == sorted(ids)
    assert envelope is not None and ids[-1].encode() in envelope


def test_a_leader_waits_for_announced_requests_and_only_for_them(app: App) -> None:
    commits: list[int] = []
    journal = GroupCommitJournal(app.engine, max_wait=10.0, on_commit=lambda states: commits.append(len(states)))
    started = time.monotonic()
    assert journal.record(_entry(b"alone", "FR-LU-NOT-000000000000001")) is InboxState.RECEIVED
    assert commits == [1] and time.monotonic() - started < 5  # nobody announced: no wait

    late = journal.arriving()  # a request still being parsed
    leader = threading.Thread(target=journal.record, args=(_entry(b"first", "FR-LU-NOT-000000000000002"),))
    leader.start()
    time.sleep(0.2)
    assert commits == [1]  # the leader waits for the announced request…
    assert journal.record(_entry(b"late", "FR-LU-NOT-000000000000003"), arrival=late) is InboxState.RECEIVED
    leader.join(timeout=5)
    assert commits == [1, 2]  # … and one commit serves both

    gone = journal.arriving()  # a request that ends before the journal (an unexpected error)
    leader = threading.Thread(target=journal.record, args=(_entry(b"next", "FR-LU-NOT-000000000000004"),))
    leader.start()
    time.sleep(0.2)
    journal.withdraw(gone)
    leader.join(timeout=5)
    assert not leader.is_alive() and commits == [1, 2, 1]
    journal.close()
