"""Use case: Luxembourg asks other Member States for criminal-record information (Art 13; FD 2009/315 Art 6)
and forwards the own-record requests of the persons concerned (Art 14), then follows each answer.

    send_request(uow, person_id=..., to=[...], purpose=...)        Art 13: one RequestMessage per State
    forward_own_record_request(uow, person_id=..., number=3|4|5)   Art 14: to the States of nationality/residence
    record_response / record_deadline / record_functional_error     inbound handlers (answers matched)
    outgoing_request_rows(uow, on=...)                              the clerk's list (``requests sent``)
    attach_foreign_answers(uow, bulletin)                           the answers on bulletins N°3–N°5

Each request is queued in the outbox in the same transaction as its row in ``outgoing_requests``, with the
day the answer is expected: 10 working days of the requested State (Art 16(1)), 20 for an Art 14 forward
(Art 16(2), AMB-25), ``gateway.law.deadlines.awaited_answer_due_date``. The answer is matched by its
``ResponseTo``; its convictions are mapped back to register decisions (``ecris_mapping/foreign.py``) and
kept as received (AMB-21), never inscribed in the register by this use case.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from gateway.clock import Clock, legal_date
from gateway.errors import InvalidRequest, NotFound
from gateway.law.deadlines import awaited_answer_due_date
from gateway.law.own_record import (
    OWN_RECORD_BULLETINS,
    is_national_of_another_member_state,
    missing_answer_mention,
    own_record_states,
)
from gateway.law.request_purposes import RequestPurpose, purpose_named
from gateway.model.conviction import Decision
from gateway.model.exchange import (
    EcrisConviction,
    EcrisMessage,
    EcrisPerson,
    FunctionalError,
    MessageId,
    MessageMetadata,
    MessageType,
    Request,
    RequestDeadline,
    RequestingAuthority,
    RequestResponse,
    RequestResponsePush,
    YesNoUnknown,
    ml,
)
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.model.person import Person
from gateway.ports import JournalEntry, MessagingUnitOfWork, OutgoingRequest, OutgoingRequestState
from gateway.services import notification_tracking
from gateway.services.bulletin import Bulletin, ForeignAnswer
from gateway.services.ecris_mapping import EcrisMappingError, person_identity_of
from gateway.services.ecris_mapping.foreign import country_of, foreign_decision_of
from gateway.services.outbox import contract_text, new_message_id
from gateway.working_days import calendar_of

if TYPE_CHECKING:
    from gateway.services.inbound import HandlerContext

log = logging.getLogger("ecris.requests.out")

OWN_RECORD_PURPOSE = "own_record_request_of_person"
CENTRAL_AUTHORITY = "Parquet général — Service du casier judiciaire (autorité centrale)"
AUTHORITY_TYPES = {"judicial": "RAT-99-A", "administrative": "RAT-99-B", "central_authority": "RAT-99-C"}
"""Requesting-authority types (PROVISIONAL codes, ``schemas/reference-tables/requesting-authority-types.csv``)."""

RESPONSE_TYPES_FR = {
    "RRT-00-00": "réponse (avec ou sans condamnation)",
    "RRT-00-01": "refus",
    "RRT-00-02": "personne non ressortissante de l'État requis",
    "RRT-00-03": "personne décédée",
    "RRT-00-04": "empreintes digitales ne correspondant pas",
    "RRT-00-05": "plusieurs personnes trouvées",
    "FunctionalErrorMessage": "erreur fonctionnelle",
}
"""What each answer type means, for a clerk (``request-response-types.csv``)."""

OPEN_STATES = frozenset({OutgoingRequestState.SENT, OutgoingRequestState.DEADLINE_ANNOUNCED,
                         OutgoingRequestState.ADDITIONAL_INFO_ASKED})


def states_to_ask(person: Person, *, named: Sequence[str], own_record: bool) -> tuple[str, ...]:
    """THE SEAM for ECRIS-TCN (Art 12-1(3), Reg 2019/816 Art 7; R-OUT-1, R-OWN-2): which Member States a
    request about ``person`` goes to.

    - an own-record request of a national of another Member State: the States of Art 14(1)
      (``own_record_states``), whatever the clerk names;
    - any other request, and the own-record request of a third-country national (Art 14(2)): the States
      ECRIS-TCN finds for a TCN — until the ECRIS-TCN query is wired here (``TcnCentralSystem.query``), the
      States the clerk names (``named``).
    """
    if own_record and is_national_of_another_member_state(person):
        states = own_record_states(person)
    else:
        states = tuple(dict.fromkeys(s.strip().upper() for s in named))
    for state in states:
        if state not in EU_MEMBER_STATES or state == LUXEMBOURG:
            raise InvalidRequest(f"{state} n'est pas un autre État membre de l'Union : aucune demande ECRIS possible")
    if not states:
        raise InvalidRequest("aucun État membre à interroger : nommez-les (--to) tant qu'ECRIS-TCN ne les donne pas")
    return states


def _authority_type(purpose: RequestPurpose, own_record: bool) -> str:
    if own_record:
        return AUTHORITY_TYPES["central_authority"]
    return AUTHORITY_TYPES["judicial" if purpose.key == "criminal_proceedings" else "administrative"]


def request_message(identity: EcrisPerson, *, metadata: MessageMetadata, purpose: RequestPurpose, authority: str,
                    consent: bool | None, urgent: bool, own_record_number: int | None = None) -> Request:
    """The RequestMessage of Art 13(2) (the Annex form as ECRIS carries it): the person, the purpose's code
    and French label, the requesting authority and its type, consent and urgency; an Art 14 forward says so
    in its remarks."""
    own_record = own_record_number is not None
    remarks = ml(contract_text(
        f"Demande de la personne concernée portant sur son propre casier (bulletin N°{own_record_number}), "
        "répercutée en vertu de l'art. 14 de la loi du 29 mars 2013 ; réponse attendue dans les 20 jours "
        "ouvrables (art. 16(2))."), "fr") if own_record else ()
    return Request(
        metadata=metadata, person=identity, remarks=remarks,
        purpose_category=purpose.code, purpose=ml(contract_text(purpose.label), "fr"),
        requesting_authority=RequestingAuthority(_authority_type(purpose, own_record),
                                                 ml(contract_text(authority), "fr")),
        consent=YesNoUnknown.UNKNOWN if consent is None else (YesNoUnknown.YES if consent else YesNoUnknown.NO),
        urgency=YesNoUnknown.YES if urgent else YesNoUnknown.NO,
    )


@dataclass(frozen=True, slots=True)
class SentRequest:
    message_id: str
    to: str
    expected_by: date


def send_request(uow: MessagingUnitOfWork, *, person_id: str, to: Sequence[str], purpose: str,
                 member_state: str, clock: Clock, official: str, authority: str | None = None,
                 consent: bool | None = None, urgent: bool = False,
                 own_record_number: int | None = None) -> list[SentRequest]:
    """Queue one RequestMessage per State asked about ``person_id`` (inside ``uow``; the caller commits),
    each recorded with the day its answer is expected. ``own_record_number``: an Art 14 forward of the
    person's request for that bulletin (the States are then the law's, ``states_to_ask``)."""
    row = purpose_named(purpose)
    own_record = own_record_number is not None
    person = uow.persons.get(person_id)
    if person is None:
        raise NotFound(f"no person {person_id} in the register")
    states = states_to_ask(person, named=to, own_record=own_record)
    identity = person_identity_of(person)
    now = clock.now()
    authority_name = authority or CENTRAL_AUTHORITY
    sent: list[SentRequest] = []
    for state in states:
        message_id = new_message_id(uow.outbox, sender=member_state, receiver=state, message_type=MessageType.REQUEST)
        uow.outbox.queue(request_message(identity, metadata=MessageMetadata(message_id, now), purpose=row,
                                         authority=authority_name, consent=consent, urgent=urgent,
                                         own_record_number=own_record_number))
        expected = awaited_answer_due_date(now, requested_state=state, own_record=own_record)
        uow.outgoing_requests.record(OutgoingRequest(
            message_id=str(message_id), to=state, person_id=person.id, purpose_key=row.key, purpose_code=row.code,
            authority=authority_name, consent="unknown" if consent is None else ("yes" if consent else "no"),
            urgent=urgent, own_record=own_record, sent_at=now, expected_by=expected,
            bulletin_number=own_record_number,
        ))
        uow.journal.append(JournalEntry(
            at=now, official=official, action="ecris.own_record_forwarded" if own_record else "ecris.request_sent",
            subject=person.id,
            reason=(f"demande de la personne (bulletin N°{own_record_number}) répercutée à {state} (art. 14, 16(2))"
                    if own_record else f"demande envoyée à {state} ({row.key}, art. 13)"),
            details={"message_id": str(message_id), "to": state, "expected_by": expected.isoformat()},
        ))
        sent.append(SentRequest(str(message_id), state, expected))
    return sent


def forward_own_record_request(uow: MessagingUnitOfWork, *, person_id: str, number: int, member_state: str,
                               clock: Clock, official: str, named: Sequence[str] = ()) -> list[SentRequest]:
    """Art 14 — a person asks Luxembourg for their own bulletin N°3, N°4 or N°5: the request is forwarded,
    purpose ``own_record_request_of_person``, to each State of Art 14(1) (or, for a third-country national,
    Art 14(2), the States ``named`` until ECRIS-TCN names them); the answers are due in 20 working days."""
    if number not in OWN_RECORD_BULLETINS:
        raise InvalidRequest(f"l'art. 14 vise les bulletins N°3, N°4 et N°5 (pas N°{number})")
    return send_request(uow, person_id=person_id, to=named, purpose=OWN_RECORD_PURPOSE, member_state=member_state,
                        clock=clock, official=official, consent=True, own_record_number=number)


# ------------------------------------------------------------------------------------ answers matched


def _answered_decisions(convictions: Sequence[EcrisConviction], answering: str) -> tuple[list[Decision], list[str]]:
    """Each conviction received as a register decision, marked with its convicting State (``origin``
    ``ecris:XX``); one the mapping cannot read is named for a clerk instead of refusing the answer."""
    decisions: list[Decision] = []
    unread: list[str] = []
    for conviction in convictions:
        convicting = country_of(conviction.convicting_country) or answering
        try:
            decisions.append(foreign_decision_of(conviction, sender=convicting).decision)
        except EcrisMappingError as error:
            unread.append(f"condamnation {conviction.id} illisible : {error}")
    return decisions, unread


def record_response(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """An inbound handler: a RequestResponse answering one of our requests is stored on it, its convictions
    as received (AMB-21). A response to a request sent before this ledger existed is only journalled (the
    inbound service already checked that we sent the request it answers)."""
    assert isinstance(message, RequestResponse | RequestResponsePush)
    response_to = message.metadata.response_to
    request = None if response_to is None else uow.outgoing_requests.get(str(response_to))
    if request is None:
        return None
    decisions, notes = _answered_decisions(message.convictions, message.metadata.sender)
    remarks = " ".join(t.value for t in message.remarks)
    if remarks:
        notes.insert(0, f"remarques de {message.metadata.sender} : {remarks}")
    if message.other_member_states:
        notes.append("autres États membres à interroger : " + ", ".join(message.other_member_states))
    now = ctx.clock.now()
    uow.outgoing_requests.record_answer(
        request.message_id, response_id=str(message.metadata.message_id), response_type=message.response_type,
        convictions=decisions, note=("; ".join(notes))[:4000] or None, at=now)
    uow.journal.append(JournalEntry(
        at=now, official=ctx.official, action="ecris.request_response_received", subject=request.person_id,
        reason=f"réponse de {request.to} à la demande {request.message_id} : "
               f"{RESPONSE_TYPES_FR.get(message.response_type, message.response_type)}",
        details={"message": str(message.metadata.message_id), "request": request.message_id,
                 "response_type": message.response_type, "convictions": str(len(decisions))},
    ))
    log.info("request %s answered by %s (%s)", request.message_id, message.metadata.message_id, message.response_type)
    return None


def record_deadline(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """An inbound handler: the requested State's RequestDeadline (FD Art 8) is written on our request."""
    assert isinstance(message, RequestDeadline)
    response_to = message.metadata.response_to
    request = None if response_to is None else uow.outgoing_requests.get(str(response_to))
    if request is None:
        return None
    uow.outgoing_requests.record_deadline(request.message_id, message.deadline)
    if request.state is OutgoingRequestState.SENT:
        uow.outgoing_requests.update(request.message_id, state=OutgoingRequestState.DEADLINE_ANNOUNCED)
    return None


def record_functional_error(uow: MessagingUnitOfWork, message: EcrisMessage,
                            ctx: HandlerContext) -> MessageId | None:
    """An inbound handler: a FunctionalErrorMessage is written on what it answers — one of our
    notifications (``notification_tracking``) or one of our requests (state ``error``, for a clerk)."""
    assert isinstance(message, FunctionalError)
    response_to = message.metadata.response_to
    if response_to is None:
        return None
    if response_to.type is MessageType.NOTIFICATION:
        return notification_tracking.record_answer(uow, message, ctx)
    if response_to.type is MessageType.REQUEST and (request := uow.outgoing_requests.get(str(response_to))):
        problem = "erreur fonctionnelle " + "; ".join(
            entry.code + "".join(f" {t.value}" for t in entry.additional_information[:1]) for entry in message.errors)
        uow.outgoing_requests.record_answer(
            request.message_id, response_id=str(message.metadata.message_id), response_type=message.element_name,
            convictions=(), note=problem[:4000], at=ctx.clock.now(), state=OutgoingRequestState.ERROR)
    return None


# ------------------------------------------------------------------------------------ the clerk's list


def state_on(request: OutgoingRequest, on: date) -> str:
    """``late`` once the expected day has passed without an answer; the stored state otherwise."""
    if request.state in OPEN_STATES and on > request.expected_by:
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


# ------------------------------------------------------------------------- answers on the bulletin


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
