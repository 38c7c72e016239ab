"""Use case: the requests Luxembourg sent, as the clerk's work queue shows them (``requests sent``), and the
answers to the own-record requests it forwarded, attached to bulletins N°3 to N°5 (Art 14(1); AMB-21, AMB-22).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from gateway.clock import legal_date
from gateway.errors import NotFound
from gateway.law.deadlines import is_late
from gateway.law.own_record import OWN_RECORD_BULLETINS, missing_answer_mention
from gateway.ports import MessagingUnitOfWork, OutgoingRequest, OutgoingRequestState
from gateway.services.bulletin import Bulletin, ForeignAnswer
from gateway.working_days import calendar_of

OPEN_STATES = frozenset({OutgoingRequestState.SENT, OutgoingRequestState.DEADLINE_ANNOUNCED,
                         OutgoingRequestState.ADDITIONAL_INFO_ASKED})
"""The states of a request still awaiting its answer."""


def state_on(request: OutgoingRequest, on: date) -> str:
    """``late`` once the expected day has passed without an answer (Art 16, ``deadlines.is_late``); the
    stored state otherwise."""
    if request.state in OPEN_STATES and is_late(request.expected_by, on=on):
        return "late"
    return request.state.value


def working_days_left(request: OutgoingRequest, on: date) -> int:
    """Working days of the requested State from ``on`` to the expected day: 0 on that day, negative after
    (at least -1: the weekend after a Friday due day is already late)."""
    calendar = calendar_of(request.to)
    if on <= request.expected_by:
        return calendar.between(on, request.expected_by)
    return -max(1, calendar.between(request.expected_by, on))


def request_row(request: OutgoingRequest, on: date) -> dict[str, object]:
    """One outgoing request as the clerk's work queue shows it (stable English keys)."""
    return {
        "direction": "outgoing",
        "kind": "own_record" if request.own_record else "request",
        "message_id": request.message_id,
        "to": request.to,
        "purpose": request.purpose_key,
        "person": request.person_id,
        "urgent": request.urgent,
        "state": state_on(request, on),
        "sent_on": legal_date(request.sent_at).isoformat(),
        "due_date": request.expected_by.isoformat(),
        "working_days_left": working_days_left(request, on),
        "answered_on": None if request.answered_at is None else legal_date(request.answered_at).isoformat(),
        "response_type": request.response_type,
    }


def outgoing_request_rows(uow: MessagingUnitOfWork, *, on: date, open_only: bool = False) -> list[dict[str, object]]:
    """Every request Luxembourg sent, urgent ones first, then by due date; ``open_only``: not yet answered."""
    with uow:
        requests = uow.outgoing_requests.list()
    if open_only:
        requests = [r for r in requests if r.state in OPEN_STATES]
    requests.sort(key=lambda r: (not r.urgent, r.expected_by, r.message_id))
    return [request_row(r, on) for r in requests]


def outgoing_request(uow: MessagingUnitOfWork, message_id: str) -> OutgoingRequest:
    with uow:
        request = uow.outgoing_requests.get(message_id)
    if request is None:
        raise NotFound(f"no request {message_id} sent by this gateway")
    return request


def foreign_answers(requests: Sequence[OutgoingRequest], *, number: int, on: date) -> tuple[ForeignAnswer, ...]:
    """The answers to the own-record requests forwarded for bulletin N°``number`` by ``on`` (the latest per
    State), each with the mention of Art 14(1)/16(2) when it is still missing (AMB-22)."""
    latest: dict[str, OutgoingRequest] = {}
    for request in requests:
        if request.own_record and request.bulletin_number == number and legal_date(request.sent_at) <= on:
            latest[request.to] = request
    answers = []
    for state, request in latest.items():
        received = request.state is OutgoingRequestState.ANSWERED
        mention = missing_answer_mention(state, expected_by=request.expected_by, answered=received, on=on)
        answers.append(ForeignAnswer(
            state=state, request=request.message_id, asked_on=legal_date(request.sent_at),
            expected_by=request.expected_by, received=received,
            answered_on=None if request.answered_at is None or not received else legal_date(request.answered_at),
            response_type=request.response_type if received else None,
            convictions=request.convictions if received else (),
            mention=mention.reason if mention.included else None,
        ))
    return tuple(answers)


def attach_foreign_answers(uow: MessagingUnitOfWork, bulletin: Bulletin) -> Bulletin:
    """Bulletins N°3 to N°5 carry the answers to the own-record requests forwarded for them (Art 14(1))."""
    if bulletin.number not in OWN_RECORD_BULLETINS:
        return bulletin
    with uow:
        requests = uow.outgoing_requests.list(person_id=bulletin.person_id, own_record=True)
    return replace(bulletin, foreign_answers=foreign_answers(requests, number=bulletin.number, on=bulletin.on))
