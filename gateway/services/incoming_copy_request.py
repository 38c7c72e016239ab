"""Use case: a State of nationality asks for a copy of Luxembourg's convictions of its national and of the
later decisions (Art 12(3), Loi du 29 mars 2013; FD 2009/315 Art 4(4)); it is answered from the register.

ECRIS v1.0 has no message of its own for this request: it arrives as a ``RequestMessage`` (``deliverRequest``)
from the State of nationality and is answered by a ``RequestResponseMessage`` carrying the convictions
(ECRIS-NOTES §2.2, §4.4–4.5). A request the rule does not recognise as Art 12(3) (another State, a person
not identified with certainty as its national) is left to the general request handling (Art 15: recorded,
not answered here). The request is logged with its due date, 10 Luxembourg working days after receipt
(AMB-15), and answered at once, in the transaction that marks it processed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gateway.clock import Clock, today
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
)
from gateway.model.person import Person
from gateway.ports import CopyRequest, JournalEntry, MessagingUnitOfWork
from gateway.services.ecris_mapping import convictions_of
from gateway.services.incoming_notification import identify_in_register
from gateway.services.outbox import reply_metadata
from gateway.services.outgoing_notification import conviction_id_for

REQUEST_SUCCESSFUL = "RRT-00-00"
"""RequestResponse type "answered (with or without convictions)" (project table)."""


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
    their later decisions (inside ``uow``; the caller commits). None when the request is not an Art 12(3)
    request (nothing is queued)."""
    requester = message.metadata.sender
    found = identify_in_register(uow, message.person)
    if found.outcome is not Outcome.IDENTIFIED or found.person_id is None:
        return None
    person = uow.persons.get(found.person_id)
    if person is None or not copy_request_admissible(person, requester).included:
        return None
    on = today(clock)
    metadata, convictions = queue_request_response(
        uow, message, person, list(convictions_to_copy(person, requester, on=on)), member_state=member_state,
        clock=clock, response_type=REQUEST_SUCCESSFUL)
    uow.copy_requests.record(CopyRequest(
        message_id=str(message.metadata.message_id), sender=requester, received_on=on, due_on=copy_due_date(on),
        person_id=person.id, answered_at=clock.now(), reply_id=str(metadata.message_id),
    ))
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.copy_request", subject=person.id,
        reason=f"copy of the convictions sent to {requester}, State of nationality (Art 12(3))",
        details={"message": str(message.metadata.message_id), "reply": str(metadata.message_id),
                 "convictions": ",".join(c.id for c in convictions)},
    ))
    return metadata.message_id
