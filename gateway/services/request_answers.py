"""Use case: the answers to Luxembourg's requests (Arts 13, 14), matched by their ``ResponseTo`` (inbound
handlers, ``DEFAULT_HANDLERS``): a RequestResponse's convictions are mapped back to register decisions
(``ecris_mapping/foreign.py``) and kept on the request as received (AMB-21), never inscribed in the register —
except the answer to a naturalisation transfer's request, which Art 14(3) inscribes (``naturalisation/settlement.py``);
a RequestDeadline records the date the requested State announced; a FunctionalErrorMessage goes to what it
answers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gateway.model.conviction import Decision
from gateway.model.exchange import (
    EcrisConviction,
    EcrisMessage,
    FunctionalError,
    MessageId,
    MessageType,
    RequestDeadline,
    RequestResponse,
    RequestResponsePush,
)
from gateway.ports import JournalEntry, MessagingUnitOfWork, OutgoingRequestState
from gateway.services import notification_tracking
from gateway.services.ecris_mapping import EcrisMappingError
from gateway.services.ecris_mapping.foreign import country_of, foreign_decision_of
from gateway.services.naturalisation.person_work import PURPOSE as NATURALISATION_PURPOSE
from gateway.services.naturalisation.settlement import settle_answered_request

if TYPE_CHECKING:
    from gateway.services.inbound import HandlerContext

log = logging.getLogger("ecris.requests.out")

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
    _complete_naturalisation(uow, request.purpose_key, request.message_id, ctx)
    return None


def _complete_naturalisation(uow: MessagingUnitOfWork, purpose_key: str, message_id: str,
                             ctx: HandlerContext) -> None:
    """Art 14(3): the answer to a naturalisation transfer's request completes the person in the same
    transaction (its convictions inscribed, or the supplied extract when the answer is incomplete)."""
    if purpose_key == NATURALISATION_PURPOSE:
        settle_answered_request(uow, message_id, clock=ctx.clock, official=ctx.official,
                                member_state=ctx.member_state)


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
        _complete_naturalisation(uow, request.purpose_key, request.message_id, ctx)
    return None
