"""Use case: the requesting State answers Luxembourg's request for additional identification information
(``RequestAdditionalInfoResponse``, or its Push variant): the person is identified again with what it gave,
and the request is answered (Art 15; the clock restarts on the day of the reply, Art 16(1)).

    receive_additional_information(uow, message, ...)   match → merge → identify → answer (or wait)

- The reply is matched to the request waiting for it by its ``ResponseTo`` (our RequestAdditionalInfo). One
  that names no message we sent to its sender was refused before (``inbound``: unknown correlation); one
  whose request no longer waits (a clerk answered it meanwhile) is only recorded.
- The identity data given complete or replace the request's (``merged_person``); the person is then
  identified as before: one match is answered as any request (RRT-00-00/01/02/03), no match is a person
  the register does not hold; several persons still are answered "more than one person found"
  (RRT-00-05); a single uncertain candidate waits for a clerk, the requesting State told the new due date
  by a ``RequestDeadline``.
- The ledger records the reply, the day the clock restarted and the new due date (reply day + 10
  Luxembourg working days, ``gateway.law.deadlines``).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from gateway.clock import Clock, legal_date
from gateway.law.deadlines import answer_due_date, clock_start
from gateway.law.identification import Outcome as Identified
from gateway.model.exchange import (
    UNKNOWN_COUNTRY,
    EcrisPerson,
    EcrisSex,
    MessageId,
    Request,
    RequestAdditionalInfoResponse,
    RequestAdditionalInfoResponsePush,
    RequestPush,
)
from gateway.ports import IncomingRequestState, JournalEntry, MessagingUnitOfWork
from gateway.services.incoming_notification import identify_in_register
from gateway.services.incoming_request import (
    answered_entry,
    for_a_clerk,
    purpose_of_code,
    queue_answer,
    route_and_answer,
)

log = logging.getLogger("ecris.requests.in")

UNKNOWN_TEXTS = frozenset({"", "unknown", "UNKNOWN"})


def _known(value: str | None) -> bool:
    return value is not None and value.strip() not in UNKNOWN_TEXTS


def merged_person(asked: EcrisPerson, given: EcrisPerson | None) -> EcrisPerson:
    """The request's person completed by the reply's: what the reply gives replaces what the request said
    (names, sex, birth date and place, identity number, parents), lists are joined (former names,
    nationalities, documents, addresses, aliases); what it leaves unknown keeps the request's value."""
    if given is None:
        return asked
    name = asked.name
    if _known(given.name.surname.value):
        name = replace(name, surname=given.name.surname,
                       second_surname=given.name.second_surname or name.second_surname)
    if _known(given.name.forename.value):
        name = replace(name, forename=given.name.forename)
    birth_date = given.birth_date if given.birth_date is not None and given.birth_date.year > 1800 else asked.birth_date
    town = next((t.value for t in given.birth_place.town_name if _known(t.value)), None)
    return replace(
        asked,
        name=name,
        sex=asked.sex if given.sex is EcrisSex.UNKNOWN else given.sex,
        birth_date=birth_date,
        birth_place=given.birth_place if town is not None else asked.birth_place,
        nationalities=tuple(dict.fromkeys(n for n in (*asked.nationalities, *given.nationalities)
                                          if n != UNKNOWN_COUNTRY)) or asked.nationalities,
        former_forenames=(*asked.former_forenames, *given.former_forenames),
        former_surnames=(*asked.former_surnames, *given.former_surnames),
        former_second_surnames=(*asked.former_second_surnames, *given.former_second_surnames),
        father=given.father or asked.father,
        mother=given.mother or asked.mother,
        identity_number=given.identity_number if _known(given.identity_number) else asked.identity_number,
        identification_documents=(*asked.identification_documents, *given.identification_documents),
        addresses=(*asked.addresses, *given.addresses),
        aliases=(*asked.aliases, *given.aliases),
    )


def receive_additional_information(
    uow: MessagingUnitOfWork, message: RequestAdditionalInfoResponse | RequestAdditionalInfoResponsePush, *,
    member_state: str, clock: Clock, official: str,
) -> MessageId | None:
    """Handle the reply to our ``RequestAdditionalInfo`` inside ``uow`` (the caller commits); the ID of the
    message queued (the RequestResponse, or the RequestDeadline of a request left to a clerk), None when no
    request waits for this reply."""
    asked_by = str(message.metadata.response_to)
    waiting = uow.incoming_requests.awaiting_reply_to(asked_by)
    if waiting is None:
        log.info("additional information %s answers %s, for which no request waits: recorded only",
                 message.metadata.message_id, asked_by)
        return None
    request = uow.incoming_requests.request_message(waiting.message_id)
    purpose = purpose_of_code(waiting.purpose_code)
    if not isinstance(request, Request | RequestPush) or purpose is None:
        log.warning("ALERT request %s can no longer be read from the inbox journal: a clerk answers it",
                    waiting.message_id)
        return None
    replied_at = clock.now()
    restarted = clock_start(waiting.received_on, restarted_on=replied_at)
    entry = replace(waiting, clock_started_on=restarted,
                    due_on=answer_due_date(waiting.received_on, restarted_on=replied_at),
                    additional_info_reply_id=str(message.metadata.message_id), additional_info_reply_at=replied_at)
    completed = replace(request, person=merged_person(request.person, message.person))
    found = identify_in_register(uow, completed.person)
    uow.journal.append(JournalEntry(
        at=replied_at, official=official, action="ecris.additional_info_received", subject=waiting.message_id,
        reason=f"informations complémentaires reçues de {message.metadata.sender} ({message.response_type}) : "
               f"{found.reason} ; le délai court à nouveau du {legal_date(replied_at):%d/%m/%Y} (art. 16(1))",
        details={"reply": str(message.metadata.message_id), "deadline": entry.due_on.isoformat(),
                 "identification": found.outcome.value},
    ))
    if found.outcome is Identified.UNCERTAIN and len(found.candidates) > 1:
        answered = queue_answer(uow, completed, "several_persons", f"identification impossible : {found.reason}",
                                found.article, person=None, purpose=purpose.key, member_state=member_state,
                                clock=clock, official=official, how="additional_information")
    elif found.outcome is Identified.UNCERTAIN:
        deadline = for_a_clerk(uow, completed, f"identification incertaine après les informations complémentaires : "
                               f"{found.reason} (art. {found.article})", due=entry.due_on, member_state=member_state,
                               clock=clock, official=official)
        uow.incoming_requests.replace(replace(entry, state=IncomingRequestState.RECEIVED,
                                              deadline_ids=(*entry.deadline_ids, str(deadline))))
        return deadline
    else:
        answered = route_and_answer(uow, completed, found, purpose, member_state=member_state, clock=clock,
                                    official=official, how="additional_information")
    uow.incoming_requests.replace(answered_entry(entry, answered, clock=clock, by=None))
    return answered.reply_id
