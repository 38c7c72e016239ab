"""Use case: a Member State's central authority asks for criminal-record information (Loi du 29 mars 2013,
Art 15; FD 2009/315 Arts 6–8) and is answered from the register, in the transaction that marks the request
processed.

    answer_information_request(uow, message, ...)   identify → scope → route → RequestResponse queued

- The purpose is the request's purpose code, a row of the purpose table (``gateway.law.request_purposes``);
  the Art 12(3) copy request has its own code and is answered elsewhere (``incoming_copy_request``). A code
  the table does not know is recorded for a clerk.
- The person is identified as a notified person is (``identify_in_register``): one certain match is that
  person; no match is a person the register does not hold (nothing inscribed: an answer without
  convictions where the law gives one, Art 8-4); several or uncertain matches are recorded for a clerk and
  not answered yet.
- A person the register knows to be dead is answered "deceased" (Art 3, last paragraph); a person outside
  Art 15 "not in scope"; otherwise the routing decides (``gateway.services.request_routing``, with the consent
  the request gives): a denial with its reason, or the decisions of the routed bulletin on the day of the
  answer as ECRIS convictions, less the decisions their convicting State restricted to criminal proceedings
  (that State named instead, FD Art 7(2)).
- Every answer here is immediate, so no ``RequestDeadline`` precedes it. A request recorded for a clerk is
  not: it is told its due date (Art 16(1)) by a ``RequestDeadline`` (ECRIS-NOTES §2.3: optional, sent on
  acceptance).
The journal records who, when and why, never the content of the answer.
"""

from __future__ import annotations

import logging

from gateway.clock import Clock, today
from gateway.law.deadlines import answer_due_date
from gateway.law.foreign_conviction import inscribed_on_the_living
from gateway.law.identification import Outcome as Identified
from gateway.law.request_purposes import REQUEST_PURPOSES, RequestPurpose
from gateway.law.request_routing import GivenConsent, Outcome
from gateway.law.request_scope import request_in_scope, subject_of, unheld_subject
from gateway.model.exchange import (
    MessageId,
    MessageType,
    Request,
    RequestDeadline,
    RequestPush,
    Text,
    YesNoUnknown,
)
from gateway.ports import JournalEntry, MessagingUnitOfWork
from gateway.services.ecris_mapping.codes import REQUEST_RESPONSE_CODES
from gateway.services.ecris_mapping.foreign import country_of
from gateway.services.incoming_copy_request import queue_request_response
from gateway.services.incoming_notification import identify_in_register
from gateway.services.outbox import contract_text, reply_metadata
from gateway.services.request_routing import decide_request_route

log = logging.getLogger("ecris.requests.in")

CONSENTS: dict[YesNoUnknown, GivenConsent] = {
    YesNoUnknown.YES: GivenConsent.YES,
    YesNoUnknown.NO: GivenConsent.NO,
    YesNoUnknown.UNKNOWN: GivenConsent.UNKNOWN,
}
"""The request's ``ConcernedPersonConsent`` as the routing reads it (R-CONSENT: not stated is missing)."""


def purpose_of_code(code: str) -> RequestPurpose | None:
    """The purpose-table row whose code is ``code`` (None for a code the table does not hold)."""
    return next((row for row in REQUEST_PURPOSES if row.code == code.strip()), None)


def answer_information_request(uow: MessagingUnitOfWork, message: Request | RequestPush, *, member_state: str,
                               clock: Clock, official: str) -> MessageId | None:
    """Answer an Art 15 request inside ``uow`` (the caller commits); the ID of the message queued (the
    ``RequestResponse``, or the ``RequestDeadline`` of a request left to a clerk)."""
    on = today(clock)
    requester = message.metadata.sender
    purpose = purpose_of_code(message.purpose_category)
    if purpose is None:
        return _for_a_clerk(uow, message, f"finalité {message.purpose_category} absente de la table des finalités",
                            member_state=member_state, clock=clock, official=official)
    found = identify_in_register(uow, message.person)
    if found.outcome is Identified.UNCERTAIN:
        return _for_a_clerk(uow, message, f"identification incertaine : {found.reason} (art. {found.article})",
                            member_state=member_state, clock=clock, official=official)
    person = uow.persons.get(found.person_id) if found.person_id is not None else None
    nationalities = tuple(dict.fromkeys(c for c in (country_of(r) for r in message.person.nationalities) if c))

    def answer(key: str, reason: str, article: str, decisions: tuple[str, ...] = (),
               restricted_by: tuple[str, ...] = ()) -> MessageId:
        held = [] if person is None else [d for d in person.decisions if d.id in decisions]
        metadata, convictions = queue_request_response(
            uow, message, person, held, member_state=member_state, clock=clock,
            response_type=REQUEST_RESPONSE_CODES[key],
            remarks=(Text(contract_text(f"{reason} (art. {article})"), "fr"),),
            other_member_states=restricted_by)
        uow.journal.append(JournalEntry(
            at=clock.now(), official=official, action="ecris.request_answered",
            subject=person.id if person is not None else str(message.metadata.message_id),
            reason=f"demande de {requester} ({purpose.key}) : {key}, art. {article}",
            details={"message": str(message.metadata.message_id), "reply": str(metadata.message_id),
                     "response_type": REQUEST_RESPONSE_CODES[key], "convictions": str(len(convictions))},
        ))
        log.info("request %s answered %s (%s)", message.metadata.message_id, REQUEST_RESPONSE_CODES[key], key)
        return metadata.message_id

    if person is not None and not (alive := inscribed_on_the_living(person, on=on)).included:
        return answer("deceased", alive.reason, alive.article)
    subject = subject_of(person) if person is not None else unheld_subject(nationalities)
    scope = request_in_scope(subject)
    if not scope.included:
        return answer("not_in_scope", scope.reason, scope.article)
    route = decide_request_route(uow.persons, person_id=None if person is None else person.id, purpose=purpose,
                                 consent=CONSENTS[message.consent], on=on, nationalities=nationalities)
    if route.action is Outcome.REFUSE:
        return answer("denied", route.reason, route.article)
    return answer("successful", route.reason, route.article, route.decisions, route.restricted_by)


def _for_a_clerk(uow: MessagingUnitOfWork, message: Request | RequestPush, why: str, *, member_state: str,
                 clock: Clock, official: str) -> MessageId:
    """Not answered yet: the requesting State is told the due date (Art 16(1)) by a ``RequestDeadline``,
    and the journal says why a clerk must act."""
    due = answer_due_date(today(clock))
    metadata = reply_metadata(uow.outbox, member_state=member_state, clock=clock,
                              answering=message.metadata.message_id, message_type=MessageType.REQUEST_DEADLINE)
    uow.outbox.queue(RequestDeadline(metadata=metadata, deadline=due))
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.request_for_clerk",
        subject=str(message.metadata.message_id),
        reason=f"demande de {message.metadata.sender} à traiter par un agent : {why} (art. 15, 16(1))",
        details={"deadline": due.isoformat(), "reply": str(metadata.message_id)},
    ))
    log.warning("request %s waits for a clerk (due %s): %s", message.metadata.message_id, due, why)
    return metadata.message_id
