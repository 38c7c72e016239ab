"""Use case: a State of nationality asks for a copy of Luxembourg's convictions of its national and of the
later decisions (Art 12(3), Loi du 29 mars 2013; FD 2009/315 Art 4(4)); it is answered from the register.

ECRIS v1.0 has no message of its own for this request: it arrives as a ``RequestMessage`` (``deliverRequest``)
from the State of nationality and is answered by a ``RequestResponseMessage`` carrying the convictions
(ECRIS-NOTES §2.2, §4.4–4.5). The request is logged with its due date, 10 Luxembourg working days after
receipt (AMB-15), and answered at once, in the transaction that marks it processed. Nothing waits silently:
a request the gateway cannot answer by itself (the person not identified with certainty, or the rule not
admitting it: another State, a legal person) is logged the same way, state received, with the reason, so
it shows in the clerks' queue (``requests list``) until a clerk answers it (``answer_copy_request_by_clerk``,
``requests answer``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from gateway.clock import Clock, legal_date, today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.copies import convictions_to_copy, copy_due_date, copy_request_admissible
from gateway.law.identification import Outcome
from gateway.model.conviction import Decision
from gateway.model.exchange import (
    EcrisConviction,
    MessageId,
    MessageMetadata,
    MessageType,
    MultilingualText,
    Request,
    RequestPush,
    RequestResponse,
    ml,
)
from gateway.model.person import Person
from gateway.ports import CopyRequest, JournalEntry, MessagingUnitOfWork
from gateway.services.ecris_mapping import convictions_of
from gateway.services.incoming_notification import identify_in_register
from gateway.services.outbox import contract_text, reply_metadata
from gateway.services.outgoing_notification import conviction_id_for

REQUEST_SUCCESSFUL = "RRT-00-00"
"""RequestResponse type "answered (with or without convictions)" (project table)."""
REQUEST_DENIED = "RRT-00-01"
"""RequestResponse type "request denied", with the reason in the remarks (project table)."""


@dataclass(frozen=True, slots=True)
class Answered:
    """The RequestResponse queued: its ID, its response type, the register person it is about (if any)."""

    reply_id: MessageId
    response_type: str
    person_id: str | None


def queue_request_response(uow: MessagingUnitOfWork, message: Request | RequestPush, person: Person | None,
                           decisions: Sequence[Decision], *, member_state: str, clock: Clock, response_type: str,
                           remarks: MultilingualText = (), other_member_states: Sequence[str] = (),
                           ) -> tuple[MessageMetadata, tuple[EcrisConviction, ...]]:
    """Queue the ``RequestResponse`` answering ``message``: ``decisions`` of ``person`` as ECRIS convictions
    (a decision never notified gets its ConvictionID now, once, saved on the person), the request's person,
    ``response_type``, ``remarks`` and the ``other_member_states`` named. Used by Art 12(3) and Art 15."""
    decisions = list(decisions)
    convictions: tuple[EcrisConviction, ...] = ()
    if person is not None and decisions:
        allocated = False
        for index, decision in enumerate(decisions):
            if decision.ecris_conviction_id is None:  # never notified yet: its ConvictionID is allocated now, once
                decisions[index] = replace(decision, ecris_conviction_id=conviction_id_for(
                    member_state, uow.outbox.next_serial()))
                allocated = True
        if allocated:
            by_id = {d.id: d for d in decisions}
            person = replace(person, decisions=tuple(by_id.get(d.id, d) for d in person.decisions))
            uow.persons.save_many([person])
        convictions = convictions_of(person, [(d, d.ecris_conviction_id or "") for d in decisions],
                                     sending_state=member_state)
    metadata = reply_metadata(uow.outbox, member_state=member_state, clock=clock,
                              answering=message.metadata.message_id, message_type=MessageType.REQUEST_RESPONSE)
    uow.outbox.queue(RequestResponse(metadata=metadata, person=message.person, response_type=response_type,
                                     convictions=convictions, remarks=tuple(remarks),
                                     other_member_states=tuple(other_member_states)))
    return metadata, convictions


def answer_copy_request(uow: MessagingUnitOfWork, message: Request | RequestPush, *, member_state: str,
                        clock: Clock, official: str) -> MessageId | None:
    """Answer an Art 12(3) request with a copy of the convictions notified to the requesting State, with
    their later decisions (inside ``uow``; the caller commits). When the gateway cannot answer it by itself
    (identity uncertain, the rule not admitting it) the request is logged for a clerk and None returned."""
    requester = message.metadata.sender
    on = today(clock)
    found = identify_in_register(uow, message.person)
    person = uow.persons.get(found.person_id) if found.outcome is Outcome.IDENTIFIED and found.person_id else None
    if person is None:
        _wait_for_clerk(uow, message, on=on, person_id=None, clock=clock, official=official,
                        note=f"identité à établir par un agent : {found.reason} (art. {found.article})")
        return None
    admissible = copy_request_admissible(person, requester)
    if not admissible.included:
        _wait_for_clerk(uow, message, on=on, person_id=person.id, clock=clock, official=official,
                        note=f"{admissible.reason} (art. {admissible.article})")
        return None
    metadata, convictions = _queue_copy(uow, message, person, member_state=member_state, clock=clock, on=on)
    uow.copy_requests.record(CopyRequest(
        message_id=str(message.metadata.message_id), sender=requester, received_on=on, due_on=copy_due_date(on),
        person_id=person.id, answered_at=clock.now(), reply_id=str(metadata.message_id),
    ))
    _journal_copy(uow, message, person.id, metadata.message_id, convictions, clock=clock, official=official)
    return metadata.message_id


def _queue_copy(uow: MessagingUnitOfWork, message: Request | RequestPush, person: Person, *, member_state: str,
                clock: Clock, on: date) -> tuple[MessageMetadata, tuple[EcrisConviction, ...]]:
    return queue_request_response(
        uow, message, person, list(convictions_to_copy(person, message.metadata.sender, on=on)),
        member_state=member_state, clock=clock, response_type=REQUEST_SUCCESSFUL)


def _journal_copy(uow: MessagingUnitOfWork, message: Request | RequestPush, person_id: str, reply: MessageId,
                  convictions: Sequence[EcrisConviction], *, clock: Clock, official: str) -> None:
    requester = message.metadata.sender
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.copy_request", subject=person_id,
        reason=f"copy of the convictions sent to {requester}, State of nationality (Art 12(3))",
        details={"message": str(message.metadata.message_id), "reply": str(reply),
                 "convictions": ",".join(c.id for c in convictions)},
    ))


def _wait_for_clerk(uow: MessagingUnitOfWork, message: Request | RequestPush, *, on: date, person_id: str | None,
                    note: str, clock: Clock, official: str) -> None:
    """Log the request unanswered, with its due date and why, for the clerks' queue."""
    message_id = str(message.metadata.message_id)
    uow.copy_requests.record(CopyRequest(message_id=message_id, sender=message.metadata.sender, received_on=on,
                                         due_on=copy_due_date(on), person_id=person_id, note=note))
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.copy_request_for_clerk", subject=person_id or message_id,
        reason=f"demande de copie (art. 12(3)) de {message.metadata.sender} à traiter par un agent : {note}",
        details={"message": message_id},
    ))


def answer_copy_request_by_clerk(uow: MessagingUnitOfWork, message_id: str, *, person_id: str | None,
                                 member_state: str, clock: Clock, official: str) -> Answered:
    """A clerk answers a copy request waiting in the queue: names the register person (``person_id``), or
    says the register does not hold them (None). Admitted by Art 12(3) (``copy_request_admissible``): the
    copy of the convictions; not admitted: a reasoned denial (RRT-00-01) naming the article; a person not
    held: an answer without convictions. ``NotFound`` for an unknown request or person, ``InvalidRequest``
    for one already answered (inside ``uow``; the caller commits)."""
    entry = uow.copy_requests.get(message_id)
    if entry is None:
        raise NotFound(f"aucune demande de copie {message_id} au registre des demandes reçues")
    if entry.answered_at is not None:
        raise InvalidRequest(f"la demande de copie {message_id} a déjà reçu sa réponse "
                             f"le {legal_date(entry.answered_at):%d/%m/%Y} ({entry.reply_id})")
    message = uow.incoming_requests.request_message(message_id)
    if not isinstance(message, Request | RequestPush):
        raise NotFound(f"la demande {message_id} n'est plus lisible au journal des messages reçus")
    person = None
    if person_id is not None:
        person = uow.persons.get(person_id)
        if person is None:
            raise NotFound(f"aucune personne {person_id} au registre")
    on = today(clock)
    if person is None:
        metadata, _ = queue_request_response(
            uow, message, None, [], member_state=member_state, clock=clock, response_type=REQUEST_SUCCESSFUL,
            remarks=ml(contract_text("Aucune condamnation inscrite au casier judiciaire luxembourgeois."), "fr"))
        response_type = REQUEST_SUCCESSFUL
    else:
        admissible = copy_request_admissible(person, entry.sender)
        if admissible.included:
            metadata, convictions = _queue_copy(uow, message, person, member_state=member_state, clock=clock, on=on)
            _journal_copy(uow, message, person.id, metadata.message_id, convictions, clock=clock, official=official)
            response_type = REQUEST_SUCCESSFUL
        else:
            metadata, _ = queue_request_response(
                uow, message, person, [], member_state=member_state, clock=clock, response_type=REQUEST_DENIED,
                remarks=ml(contract_text(f"Demande refusée : {admissible.reason} (art. {admissible.article} de la "
                                         "loi du 29 mars 2013)."), "fr"))
            response_type = REQUEST_DENIED
    uow.copy_requests.mark_answered(message_id, person_id=person_id, answered_at=clock.now(),
                                    reply_id=str(metadata.message_id))
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.copy_request_answered_by_clerk",
        subject=person_id or message_id, reason=f"demande de copie (art. 12(3)) de {entry.sender} répondue "
                                                f"par un agent ({response_type})",
        details={"message": message_id, "reply": str(metadata.message_id)},
    ))
    return Answered(metadata.message_id, response_type, person_id)
