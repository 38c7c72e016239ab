"""Use case: a Member State's central authority asks for criminal-record information (Loi du 29 mars 2013,
Art 15; FD 2009/315 Arts 6–8) and is answered from the register, in the transaction that marks the request
processed. Every request is written to the ledger of requests received (``incoming_requests``) in that
same transaction, with its due date (Art 16(1)).

    answer_information_request(uow, message, ...)   identify → scope → route → RequestResponse queued
    answer_by_clerk(uow, message_id, ...)           a clerk names the person (or none) and the purpose

- The purpose is the request's purpose code, a row of the purpose table (``gateway.law.request_purposes``);
  the Art 12(3) copy request has its own code and is answered elsewhere (``incoming_copy_request``). A code
  the table does not know waits for a clerk.
- The person is identified as a notified person is (``identify_in_register``): one certain match is that
  person; no match is a person the register does not hold (nothing inscribed: an answer without
  convictions where the law gives one, Art 8-4); several or uncertain matches make the gateway ask the
  requesting State for the identification data that would tell them apart (``RequestAdditionalInfo``,
  ``gateway.law.additional_identification``); its reply is handled by ``additional_identification``.
- A person the register knows to be dead is answered "deceased" (Art 3, last paragraph); a person outside
  Art 15 "not in scope"; otherwise the routing decides (``gateway.services.request_routing``, with the consent
  the request gives): a denial with its reason, or the decisions of the routed bulletin on the day of the
  answer as ECRIS convictions, less the decisions their convicting State restricted to criminal proceedings
  (that State named instead, FD Art 7(2)).
- An immediate answer needs no ``RequestDeadline``; a request that is not answered at once is told its due
  date (Art 16(1)) by one (ECRIS-NOTES §2.3: optional, sent on acceptance).
The journal records who, when and why, never the content of the answer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from gateway.clock import Clock, legal_date, today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.additional_identification import information_to_ask
from gateway.law.deadlines import answer_due_date
from gateway.law.foreign_conviction import inscribed_on_the_living
from gateway.law.identification import Identification
from gateway.law.identification import Outcome as Identified
from gateway.law.request_purposes import REQUEST_PURPOSES, RequestPurpose, purpose_named
from gateway.law.request_routing import GivenConsent, Outcome
from gateway.law.request_scope import request_in_scope, subject_of, unheld_subject
from gateway.model.conviction import Decision
from gateway.model.exchange import (
    MessageId,
    MessageType,
    Request,
    RequestAdditionalInfo,
    RequestDeadline,
    RequestPush,
    Text,
    YesNoUnknown,
)
from gateway.model.person import Person
from gateway.ports import IncomingRequest, IncomingRequestState, JournalEntry, MessagingUnitOfWork
from gateway.services.ecris_mapping.codes import REQUEST_RESPONSE_CODES
from gateway.services.ecris_mapping.foreign import country_of, identity_claim_of
from gateway.services.incoming_copy_request import Answered, queue_request_response
from gateway.services.incoming_notification import identify_in_register
from gateway.services.outbox import contract_text, reply_metadata
from gateway.services.request_routing import decide_request_route

log = logging.getLogger("ecris.requests.in")

AnyRequest = Request | RequestPush

CONSENTS: dict[YesNoUnknown, GivenConsent] = {
    YesNoUnknown.YES: GivenConsent.YES,
    YesNoUnknown.NO: GivenConsent.NO,
    YesNoUnknown.UNKNOWN: GivenConsent.UNKNOWN,
}
"""The request's ``ConcernedPersonConsent`` as the routing reads it (R-CONSENT: not stated is missing)."""


def purpose_of_code(code: str) -> RequestPurpose | None:
    """The purpose-table row whose code is ``code`` (None for a code the table does not hold)."""
    return next((row for row in REQUEST_PURPOSES if row.code == code.strip()), None)


def answer_information_request(uow: MessagingUnitOfWork, message: AnyRequest, *, member_state: str,
                               clock: Clock, official: str) -> MessageId | None:
    """Answer an Art 15 request inside ``uow`` (the caller commits) and record it in the ledger; the ID of
    the message queued on acceptance (the ``RequestResponse``, or the ``RequestDeadline`` of a request not
    answered at once)."""
    received_at = clock.now()
    received_on = legal_date(received_at)
    purpose = purpose_of_code(message.purpose_category)
    entry = IncomingRequest(
        message_id=str(message.metadata.message_id), sender=message.metadata.sender,
        purpose_code=message.purpose_category.strip(), purpose_key=None if purpose is None else purpose.key,
        urgent=message.urgency is YesNoUnknown.YES, received_at=received_at, received_on=received_on,
        clock_started_on=received_on, due_on=answer_due_date(received_on), state=IncomingRequestState.RECEIVED)
    if purpose is None:
        deadline = for_a_clerk(uow, message, f"finalité {message.purpose_category} absente de la table des "
                               "finalités", due=entry.due_on, member_state=member_state, clock=clock,
                               official=official)
        uow.incoming_requests.add(replace(entry, deadline_ids=(str(deadline),)))
        return deadline
    found = identify_in_register(uow, message.person)
    if found.outcome is Identified.UNCERTAIN:
        return _ask_additional_information(uow, message, entry, found, member_state=member_state, clock=clock,
                                           official=official)
    answered = route_and_answer(uow, message, found, purpose, member_state=member_state, clock=clock,
                                official=official, how="register")
    uow.incoming_requests.add(answered_entry(entry, answered, clock=clock, by=None))
    return answered.reply_id


def answered_entry(entry: IncomingRequest, answered: Answered, *, clock: Clock, by: str | None) -> IncomingRequest:
    """The ledger entry of a request once answered (``by`` the clerk who answered it, None when the gateway
    did)."""
    return replace(entry, state=IncomingRequestState.ANSWERED, person_id=answered.person_id,
                   response_id=str(answered.reply_id), response_type=answered.response_type,
                   answered_at=clock.now(), answered_by=by)


def route_and_answer(uow: MessagingUnitOfWork, message: AnyRequest, found: Identification,
                     purpose: RequestPurpose, *, member_state: str, clock: Clock, official: str,
                     how: str) -> Answered:
    """Answer ``message`` about the person ``found`` (identified or unknown to the register): deceased,
    not in scope, denied or answered with the routed bulletin's decisions. ``how`` says how the person
    was identified, for the journal (``register``, ``additional_information``, ``clerk``)."""
    on = today(clock)
    person = uow.persons.get(found.person_id) if found.person_id is not None else None
    nationalities = tuple(dict.fromkeys(c for c in (country_of(r) for r in message.person.nationalities) if c))

    def answer(key: str, reason: str, article: str, decisions: tuple[str, ...] = (),
               restricted_by: tuple[str, ...] = ()) -> Answered:
        held = [] if person is None else [d for d in person.decisions if d.id in decisions]
        return queue_answer(uow, message, key, reason, article, person=person, purpose=purpose.key,
                            member_state=member_state, clock=clock, official=official, how=how, held=held,
                            restricted_by=restricted_by)

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


def queue_answer(uow: MessagingUnitOfWork, message: AnyRequest, key: str, reason: str, article: str, *,
                 person: Person | None, purpose: str, member_state: str, clock: Clock, official: str, how: str,
                 held: Sequence[Decision] = (), restricted_by: tuple[str, ...] = ()) -> Answered:
    """Queue the RequestResponse of type ``key`` (``REQUEST_RESPONSE_CODES``) carrying ``held`` decisions of
    ``person``, with ``reason`` in its remarks, and journal it (who, when, why: never what was sent)."""
    person_id = None if person is None else person.id
    response_type = REQUEST_RESPONSE_CODES[key]
    metadata, convictions = queue_request_response(
        uow, message, person, held, member_state=member_state, clock=clock, response_type=response_type,
        remarks=(Text(contract_text(f"{reason} (art. {article})"), "fr"),), other_member_states=restricted_by)
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.request_answered",
        subject=person_id or str(message.metadata.message_id),
        reason=f"demande de {message.metadata.sender} ({purpose}) : {key}, art. {article}",
        details={"message": str(message.metadata.message_id), "reply": str(metadata.message_id),
                 "response_type": response_type, "convictions": str(len(convictions)), "identified": how},
    ))
    log.info("request %s answered %s (%s)", message.metadata.message_id, response_type, key)
    return Answered(metadata.message_id, response_type, person_id)


def queue_deadline(uow: MessagingUnitOfWork, message: AnyRequest, due: date, *, member_state: str,
                   clock: Clock) -> MessageId:
    """Tell the requesting State when its answer is due (Art 16(1)) by a ``RequestDeadline``."""
    metadata = reply_metadata(uow.outbox, member_state=member_state, clock=clock,
                              answering=message.metadata.message_id, message_type=MessageType.REQUEST_DEADLINE)
    uow.outbox.queue(RequestDeadline(metadata=metadata, deadline=due))
    return metadata.message_id


def for_a_clerk(uow: MessagingUnitOfWork, message: AnyRequest, why: str, *, due: date, member_state: str,
                clock: Clock, official: str) -> MessageId:
    """Not answered yet: the requesting State is told the due date (Art 16(1)) by a ``RequestDeadline``,
    and the journal says why a clerk must act."""
    deadline = queue_deadline(uow, message, due, member_state=member_state, clock=clock)
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.request_for_clerk",
        subject=str(message.metadata.message_id),
        reason=f"demande de {message.metadata.sender} à traiter par un agent : {why} (art. 15, 16(1))",
        details={"deadline": due.isoformat(), "reply": str(deadline)},
    ))
    log.warning("request %s waits for a clerk (due %s)", message.metadata.message_id, due)
    return deadline


def _ask_additional_information(uow: MessagingUnitOfWork, message: AnyRequest, entry: IncomingRequest,
                                found: Identification, *, member_state: str, clock: Clock,
                                official: str) -> MessageId:
    """R-IN-1 point 2: the identity is uncertain — the requesting State gets its due date and a
    ``RequestAdditionalInfo`` asking for what would tell the candidates apart; the clock restarts on its
    reply (Art 16(1))."""
    deadline = queue_deadline(uow, message, entry.due_on, member_state=member_state, clock=clock)
    candidates = list(uow.persons.get_many(list(found.candidates)).values())
    asked = information_to_ask(identity_claim_of(message.person), candidates)
    metadata = reply_metadata(uow.outbox, member_state=member_state, clock=clock,
                              answering=message.metadata.message_id,
                              message_type=MessageType.REQUEST_ADDITIONAL_INFO)
    uow.outbox.queue(RequestAdditionalInfo(metadata=metadata, requested=asked, remarks=(Text(contract_text(
        f"identification incertaine : {found.reason} ; le délai de réponse court à nouveau de la réception "
        "de votre réponse (art. 16(1))"), "fr"),)))
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.additional_info_requested",
        subject=str(message.metadata.message_id),
        reason=f"identification incertaine : {found.reason} (art. {found.article}) ; informations "
               f"complémentaires demandées à {message.metadata.sender} (art. 15, 16(1))",
        details={"deadline": entry.due_on.isoformat(), "reply": str(metadata.message_id),
                 "asked": ",".join(asked), "candidates": str(len(found.candidates))},
    ))
    uow.incoming_requests.add(replace(
        entry, state=IncomingRequestState.AWAITING_IDENTIFICATION, deadline_ids=(str(deadline),),
        additional_info_id=str(metadata.message_id), additional_info_asked=tuple(asked)))
    log.info("request %s: identity uncertain, additional information asked (%s)", message.metadata.message_id,
             metadata.message_id)
    return deadline


def answer_by_clerk(uow: MessagingUnitOfWork, message_id: str, *, person_id: str | None, purpose_key: str | None,
                    member_state: str, clock: Clock, official: str) -> Answered:
    """A clerk answers a request still open: names the register person (``person_id``) or says the register
    does not hold them (None), and the purpose when its code is not in the table; the answer goes through
    the same routing (the caller commits). ``NotFound`` for an unknown request or person, ``InvalidRequest``
    for a request already answered or a purpose still unknown."""
    entry = uow.incoming_requests.get(message_id)
    if entry is None:
        raise NotFound(f"aucune demande {message_id} au registre des demandes reçues")
    if entry.state is IncomingRequestState.ANSWERED:
        answered_on = "" if entry.answered_at is None else f" le {legal_date(entry.answered_at):%d/%m/%Y}"
        raise InvalidRequest(f"la demande {message_id} a déjà reçu sa réponse{answered_on} ({entry.response_id})")
    purpose = purpose_named(purpose_key) if purpose_key else purpose_of_code(entry.purpose_code)
    if purpose is None:
        raise InvalidRequest(f"la finalité {entry.purpose_code} n'est pas dans la table : indiquez --purpose")
    message = uow.incoming_requests.request_message(message_id)
    if not isinstance(message, Request | RequestPush):
        raise NotFound(f"la demande {message_id} n'est plus lisible au journal des messages reçus")
    if person_id is not None:
        if uow.persons.get(person_id) is None:
            raise NotFound(f"aucune personne {person_id} au registre")
        found = Identification(Identified.IDENTIFIED, "désignée par un agent", "3", person_id=person_id)
    else:
        found = Identification(Identified.UNKNOWN, "personne que le registre ne détient pas, selon un agent",
                               "1(2) 2)")
    answered = route_and_answer(uow, message, found, purpose, member_state=member_state, clock=clock,
                                official=official, how="clerk")
    uow.incoming_requests.replace(answered_entry(replace(entry, purpose_key=purpose.key), answered, clock=clock,
                                                 by=official))
    return answered
