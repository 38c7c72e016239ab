"""The inbox processor handles the messages waiting together in one transaction, each whole or not at all in a
savepoint of its own, on SQLite and PostgreSQL: a message its handler refuses, or that fails, keeps nothing of
what its handler did and is answered with a functional error, while the messages before and after it are applied
and answered in the same commit."""

from __future__ import annotations

import dataclasses

import pytest

from adapters.bootstrap import App
from adapters.inbox_processor import BATCH_MESSAGES
from adapters.soap.envelope import envelope_bytes, request_headers
from adapters.xml import codec
from gateway.model.exchange import EcrisMessage, MessageId, MessageMetadata, MessageType, Request
from gateway.ports import InboxState, JournalEntry, MessagingUnitOfWork
from gateway.services.inbound import HandlerContext, MessageProblem, Rejection
from tests.conftest import NOW
from tests.samples import ecris_messages as samples

REFUSED, FAILING = 2, 4


def request(serial: int) -> Request:
    base = samples.request("minimal")
    return dataclasses.replace(base, metadata=MessageMetadata(MessageId("FR", "LU", MessageType.REQUEST, serial), NOW))


def handler(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """Journals the message, then refuses serial 2 and fails on serial 4 (after writing)."""
    serial = message.metadata.message_id.serial
    uow.journal.append(JournalEntry(at=NOW, official="test", action="test.handled", subject=str(serial), reason="-"))
    if serial == REFUSED:
        raise Rejection([MessageProblem("FE-00001", "refused by the test")])
    if serial == FAILING:
        raise RuntimeError("a defect")
    return None


def receive(app: App, count: int) -> None:
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers("deliverRequest").items()}
    try:
        for serial in range(1, count + 1):
            assert endpoint.accept(envelope_bytes(codec.encode(request(serial))), headers).status == 202
    finally:
        endpoint.close()


def test_a_refused_or_failing_message_keeps_nothing_and_its_neighbours_are_applied(app: App) -> None:
    receive(app, 5)
    processor = app.messaging.processor(app.uow, handlers={"RequestMessage": handler})
    assert processor.process_pending() == 5
    with app.uow() as uow:
        handled = [e.subject for e in uow.journal.entries() if e.action == "test.handled"]
        assert handled == ["1", "3", "5"]  # what the refused and the failing handler wrote is gone
        assert uow.journal.first_broken_link() is None
        states = {r.message_id: (r.state, r.reply_id) for r in uow.inbox.list()}
        errors = {r.response_to: r.type for r in uow.outbox.list()}
    for serial in range(1, 6):
        message_id = f"FR-LU-REQ-{serial:015d}"
        state, reply = states[message_id]
        if serial in (REFUSED, FAILING):
            assert state is InboxState.REJECTED and errors[message_id] == "FunctionalErrorMessage" and reply
        else:
            assert state is InboxState.PROCESSED and message_id not in errors and reply is None


@pytest.mark.parametrize("limit", [1, 3, BATCH_MESSAGES + 2])
def test_process_pending_handles_at_most_its_limit_oldest_first(app: App, limit: int) -> None:
    receive(app, BATCH_MESSAGES + 4)
    processor = app.messaging.processor(app.uow, handlers={"RequestMessage": lambda uow, message, ctx: None})
    assert processor.process_pending(limit=limit) == limit
    with app.uow() as uow:
        done = [r.message_id for r in uow.inbox.list() if r.state is InboxState.PROCESSED]
    assert done == [f"FR-LU-REQ-{serial:015d}" for serial in range(1, limit + 1)]
    assert processor.process_pending() == BATCH_MESSAGES + 4 - limit
