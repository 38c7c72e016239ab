"""The clerks' work queue of requests (issue 9 point 7): every request with its state, due date and
working days left, urgent ones first, then by due date — nothing waits silently.

The queue is made of rows from sources (``RowSource``): the Art 15 requests received (``incoming_requests``),
the Art 12(3) copy requests (``copy_requests``) and Luxembourg's own requests and own-record forwards
(``outgoing_requests``, ``direction`` "outgoing", counted in the requested State's working days).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gateway.clock import legal_date
from gateway.law.deadlines import is_late, working_days_left
from gateway.ports import (
    CopyRequest,
    IncomingRequest,
    IncomingRequestState,
    MessagingUnitOfWork,
    OutgoingRequest,
)
from gateway.services import outgoing_request_view

LATE = "late"
ANSWERED = IncomingRequestState.ANSWERED.value
COPY_PURPOSE = "copy_of_convictions"
"""The purpose shown for an Art 12(3) copy request (its code: ``gateway.law.copies.COPY_REQUEST_PURPOSE``)."""
SUCCESSFUL = "RRT-00-00"


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueRow:
    """One request of the queue. ``state``: received, awaiting_identification, answered, or late (open
    and past its due date); ``working_days_left`` None once answered; ``counterpart`` the State that asked
    (incoming) or was asked (outgoing)."""

    direction: str
    kind: str
    message_id: str
    counterpart: str
    purpose: str
    person: str | None
    urgent: bool
    state: str
    received_on: date
    due_date: date
    working_days_left: int | None
    answered_on: date | None
    response_type: str | None
    flag: str | None = None
    """The deadline watch's flag as stored by the scheduler: None, ``due_soon`` or ``late``."""

    @property
    def open(self) -> bool:
        return self.state != ANSWERED


RowSource = Callable[[MessagingUnitOfWork, date], Iterable[QueueRow]]
"""Rows of the queue on a day, from one kind of request."""


def row_of_incoming(request: IncomingRequest, *, on: date) -> QueueRow:
    """An Art 15 request received as a row of the queue on ``on``."""
    answered = request.state is IncomingRequestState.ANSWERED
    state = request.state.value
    if not answered and is_late(request.due_on, on=on):
        state = LATE
    return QueueRow(
        direction="incoming", kind="request", message_id=request.message_id, counterpart=request.sender,
        purpose=request.purpose_key or request.purpose_code, person=request.person_id, urgent=request.urgent,
        state=state, received_on=request.received_on, due_date=request.due_on,
        working_days_left=None if answered else working_days_left(request.due_on, on=on),
        answered_on=None if request.answered_at is None else legal_date(request.answered_at),
        response_type=request.response_type,
    )


def row_of_copy(request: CopyRequest, *, on: date) -> QueueRow:
    """An Art 12(3) copy request as a row (logged only once answered, ``incoming_copy_request``)."""
    answered = request.answered_at is not None
    state = ANSWERED if answered else (LATE if is_late(request.due_on, on=on) else IncomingRequestState.RECEIVED.value)
    return QueueRow(
        direction="incoming", kind="copy", message_id=request.message_id, counterpart=request.sender,
        purpose=COPY_PURPOSE, person=request.person_id, urgent=False, state=state,
        received_on=request.received_on, due_date=request.due_on,
        working_days_left=None if answered else working_days_left(request.due_on, on=on),
        answered_on=None if request.answered_at is None else legal_date(request.answered_at),
        response_type=SUCCESSFUL if answered else None,
    )


def row_of_outgoing(request: OutgoingRequest, *, on: date) -> QueueRow:
    """A request Luxembourg sent (Art 13) or forwarded (Art 14) as a row: ``received_on`` is the day it was
    sent, the due date the one expected in the requested State's calendar (Art 16)."""
    state = outgoing_request_view.state_on(request, on)
    answered = state == ANSWERED
    return QueueRow(
        direction="outgoing", kind="own_record" if request.own_record else "request",
        message_id=request.message_id, counterpart=request.to, purpose=request.purpose_key,
        person=request.person_id, urgent=request.urgent, state=state, received_on=legal_date(request.sent_at),
        due_date=request.expected_by,
        working_days_left=None if answered else outgoing_request_view.working_days_left(request, on),
        answered_on=None if request.answered_at is None else legal_date(request.answered_at),
        response_type=request.response_type,
    )


def incoming_requests(uow: MessagingUnitOfWork, on: date) -> Iterable[QueueRow]:
    return (row_of_incoming(r, on=on) for r in uow.incoming_requests.list())


def copy_requests(uow: MessagingUnitOfWork, on: date) -> Iterable[QueueRow]:
    return (row_of_copy(r, on=on) for r in uow.copy_requests.list())


def outgoing_requests(uow: MessagingUnitOfWork, on: date) -> Iterable[QueueRow]:
    return (row_of_outgoing(r, on=on) for r in uow.outgoing_requests.list())


ROW_SOURCES: tuple[RowSource, ...] = (incoming_requests, copy_requests, outgoing_requests)


def queue_order(row: QueueRow) -> tuple[bool, date, date, str]:
    """Urgent first, then the earliest due date (then the oldest, then by message ID)."""
    return (not row.urgent, row.due_date, row.received_on, row.message_id)


def request_queue(uow: MessagingUnitOfWork, *, on: date, open_only: bool = False, due_before: date | None = None,
                  sources: Sequence[RowSource] = ROW_SOURCES) -> list[QueueRow]:
    """The queue on ``on``: every row of every source (``open_only``: not yet answered; ``due_before``:
    due strictly before that day), urgent first, then by due date."""
    rows = [row for source in sources for row in source(uow, on)]
    rows = [r for r in rows if (not open_only or r.open) and (due_before is None or r.due_date < due_before)]
    return sorted(rows, key=queue_order)

