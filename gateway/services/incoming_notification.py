"""Use case: a conviction of a Luxembourg national notified by another Member State is inscribed (Art 1(2) 2);
FD 2009/315 Art 4(2)–(3) and Art 5) and answered with a NotificationResponse.

    receive_notification(uow, message, ...)       the inbound handler: identify, inscribe, answer
    resolve_identification(uow, id, message, ...)  a clerk names the person (or a new one); inscribe, answer

Everything happens in the caller's unit of work — the person created or found, the decision inscribed,
updated or removed, its register events and journal entry, the NotificationResponse queued in the outbox,
the inbox row marked — so a notification is applied whole or not at all.

- The person is identified by ``gateway.law.identification.identify`` (national identification number first,
  then names and birth). Several or uncertain candidates: the message waits in the clerk's queue
  (``identifications``) and is answered once a clerk resolves it. No candidate: the person is created.
- An update or a deletion (the same ECRIS conviction ID sent again, FD Art 4(3)) applies to the conviction
  already inscribed, on whichever person holds it; a deletion removes it.
- The decision must be inscribable (``gateway.law.register.may_be_inscribed``); a notification that cannot be
  is refused with a functional error, never half-applied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from gateway.clock import Clock, today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.foreign_conviction import inscribed_on_the_living
from gateway.law.identification import (
    Identification,
    IdentityClaim,
    Outcome,
    identify,
    is_luxembourg_national_number,
    search_keys,
)
from gateway.law.register import may_be_inscribed
from gateway.model.conviction import Decision
from gateway.model.exchange import (
    EcrisPerson,
    MessageId,
    MessageType,
    Notification,
    NotificationPush,
    NotificationResponse,
)
from gateway.model.person import NaturalPerson, Person
from gateway.model.reference_tables import FunctionalErrorCode
from gateway.ports import (
    EuroRates,
    InboxState,
    JournalEntry,
    MessagingUnitOfWork,
    PendingIdentification,
    PersonRepository,
    RegisterEvent,
    RegisterEventKind,
)
from gateway.services.ecris_mapping.codes import NOTIFICATION_RESPONSE_CODES
from gateway.services.ecris_mapping.errors import EcrisMappingError
from gateway.services.ecris_mapping.foreign import (
    ForeignDecision,
    foreign_decision_of,
    identity_claim_of,
    person_of,
)
from gateway.services.fine_conversion import decision_in_euros
from gateway.services.outbox import reply_metadata

log = logging.getLogger("ecris.notifications.in")

NEW_PERSON_PREFIX = "ECRIS-"
"""The register key of a person created from a notification that gives no Luxembourg national number."""


class NotificationRefused(Exception):
    """The notification cannot be applied: answered with a functional error (``code``), nothing kept."""

    def __init__(self, code: str, text: str) -> None:
        self.code = code
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class Receipt:
    """What became of a notification: the answer queued (None while it waits for a clerk), on whom it was
    inscribed, what changed (``added``, ``updated``, ``unchanged``, ``removed``, ``absent``, ``not_national``,
    ``deceased``, ``queued``), and the clerk's queue entry when it waits."""

    reply_id: MessageId | None
    change: str
    person_id: str | None = None
    identification_id: int | None = None


AnyNotification = Notification | NotificationPush


def _answer(uow: MessagingUnitOfWork, message: AnyNotification, *, key: str, member_state: str,
            clock: Clock) -> MessageId:
    metadata = reply_metadata(uow.outbox, member_state=member_state, clock=clock,
                              answering=message.metadata.message_id, message_type=MessageType.NOTIFICATION_RESPONSE)
    uow.outbox.queue(NotificationResponse(metadata=metadata, response_type=NOTIFICATION_RESPONSE_CODES[key]))
    return metadata.message_id


def _foreign(message: AnyNotification, rates: EuroRates | None) -> ForeignDecision:
    """The notified conviction as a register decision, its fines in euros at the ECB rate of the decision
    date where ``rates`` has one (AMB-29, as at import)."""
    try:
        foreign = foreign_decision_of(message.conviction, sender=message.metadata.sender)
    except EcrisMappingError as error:
        raise NotificationRefused(FunctionalErrorCode.INVALID_CONTENT.value, str(error)) from error
    return foreign if rates is None else replace(foreign, decision=decision_in_euros(foreign.decision, rates))


def receive_notification(uow: MessagingUnitOfWork, message: AnyNotification, *, national: bool,
                         member_state: str, clock: Clock, official: str, rates: EuroRates | None = None) -> Receipt:
    """Apply a notification (inside ``uow``; the caller commits). ``national``: whether the message says the
    person holds ``member_state``'s nationality — if not, it is answered "not a national" (NRT) and nothing
    is inscribed. Raises ``NotificationRefused`` for what cannot be inscribed."""
    if not national:
        reply = _answer(uow, message, key="not_a_national", member_state=member_state, clock=clock)
        return Receipt(reply, "not_national")
    foreign = _foreign(message, rates)
    held = uow.persons.find_decision_by_conviction_id(message.conviction.id)
    if held is not None:
        person = uow.persons.get(held[0])
        if person is None:
            raise NotificationRefused(FunctionalErrorCode.INVALID_CONTENT.value, "the conviction's person is erased")
        return _apply(uow, message, foreign, person, created=False, how="conviction_id", member_state=member_state,
                      clock=clock, official=official)
    earlier = _waiting(uow, message)
    if earlier is not None:  # the conviction's first notification waits for a clerk: this one waits behind it
        return _queue(uow, message, Identification(
            Outcome.UNCERTAIN, f"une notification antérieure de la même condamnation attend l'identification "
            f"n° {earlier.id}", "3", candidates=earlier.candidates), clock=clock, official=official)
    if foreign.deleted:  # the deletion of a conviction the register does not hold: nothing to remove
        reply = _answer(uow, message, key="successful", member_state=member_state, clock=clock)
        _journal(uow, message, person_id="-", change="absent", how="conviction_id", clock=clock, official=official)
        return Receipt(reply, "absent")
    found = _identify(uow, message)
    if found.outcome is Outcome.IDENTIFIED and found.person_id is not None:
        person = uow.persons.get(found.person_id)
        assert person is not None
        if not inscribed_on_the_living(person, on=today(clock)).included:
            reply = _answer(uow, message, key="deceased", member_state=member_state, clock=clock)
            _journal(uow, message, person_id=person.id, change="deceased", how="identified", clock=clock,
                     official=official)
            return Receipt(reply, "deceased", person_id=person.id)
        ruling = may_be_inscribed(foreign.decision, person)
        if ruling.included:
            return _apply(uow, message, foreign, person, created=False, how="identified", member_state=member_state,
                          clock=clock, official=official)
        found = Identification(Outcome.UNCERTAIN, f"la personne trouvée : {ruling.reason} (art. {ruling.article})",
                               ruling.article, candidates=(person.id,))
    if found.outcome is Outcome.UNCERTAIN:
        return _queue(uow, message, found, clock=clock, official=official)
    person = _new_person(uow, message)
    return _apply(uow, message, foreign, person, created=True, how="created", member_state=member_state,
                  clock=clock, official=official)


def _waiting(uow: MessagingUnitOfWork, message: AnyNotification) -> PendingIdentification | None:
    """The oldest open identification of the same conviction from the same State, if any."""
    return next((p for p in uow.identifications.list() if p.conviction_id == message.conviction.id
                 and p.sender == message.metadata.sender), None)


def _queue(uow: MessagingUnitOfWork, message: AnyNotification, found: Identification, *, clock: Clock,
           official: str) -> Receipt:
    queued = uow.identifications.add(message_id=str(message.metadata.message_id), sender=message.metadata.sender,
                                     conviction_id=message.conviction.id, reason=found.reason,
                                     candidates=found.candidates)
    log.info("notification %s waits for a clerk's identification (%d)", message.metadata.message_id, queued)
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="ecris.identification_queued",
        subject=str(message.metadata.message_id),
        reason="the person of a notified conviction is uncertain: a clerk identifies it (Art 1(2) 2), Art 3)",
        details={"identification": str(queued), "conviction": message.conviction.id,
                 "candidates": ",".join(found.candidates)},
    ))
    return Receipt(None, "queued", identification_id=queued)


def resolve_identification(uow: MessagingUnitOfWork, identification_id: int, message: AnyNotification, *,
                           person_id: str | None, member_state: str, clock: Clock, official: str, rates: EuroRates | None = None) -> Receipt:
    """A clerk's answer to a waiting identification: inscribe ``message`` on ``person_id`` (or, with None, on
    a person created from the notification), answer it, close the queue entry (the caller commits).

    Raises ``NotFound`` for an unknown entry or person, ``InvalidRequest`` for an entry already resolved,
    another message, or a decision the law does not let the register inscribe on that person."""
    pending = uow.identifications.get(identification_id)
    if pending is None:
        raise NotFound(f"aucune identification n° {identification_id}")
    if pending.person_id is not None or pending.resolved_at is not None:
        raise InvalidRequest(f"l'identification n° {identification_id} est déjà résolue (personne {pending.person_id})")
    if pending.message_id != str(message.metadata.message_id):
        raise InvalidRequest(f"l'identification n° {identification_id} concerne le message {pending.message_id}")
    earlier = _waiting(uow, message)
    if earlier is not None and earlier.id != identification_id:
        raise InvalidRequest(f"résolvez d'abord l'identification n° {earlier.id} (même condamnation, reçue avant)")
    foreign = _foreign(message, rates)
    held = uow.persons.find_decision_by_conviction_id(message.conviction.id)
    if held is not None and person_id is not None and held[0] != person_id:
        raise InvalidRequest(f"la condamnation {message.conviction.id} est inscrite sur la personne {held[0]}")
    if held is not None:
        person_id = held[0]
    if person_id is None:
        person: Person = _new_person(uow, message)
        created = True
    else:
        found = uow.persons.get(person_id)
        if found is None:
            raise NotFound(f"aucune personne {person_id} au registre")
        person, created = found, False
    receipt = _apply(uow, message, foreign, person, created=created, how="clerk", member_state=member_state,
                     clock=clock, official=official)
    assert receipt.reply_id is not None
    uow.identifications.resolve(identification_id, person_id=person.id, reply_id=str(receipt.reply_id), by=official)
    record = uow.inbox.get(pending.message_id)
    if record is not None:
        uow.inbox.mark(record.id, InboxState.PROCESSED, reply_id=str(receipt.reply_id))
    return replace(receipt, identification_id=identification_id)


def _identify(uow: MessagingUnitOfWork, message: AnyNotification) -> Identification:
    return identify_in_register(uow, message.person)


def identify_in_register(uow: MessagingUnitOfWork, ecris_person: EcrisPerson) -> Identification:
    """The register person an ECRIS person is (``gateway.law.identification.identify``), searching only the
    candidates the rule could accept."""
    return identify_claim_in_register(uow.persons, identity_claim_of(ecris_person))


def identify_claim_in_register(persons: PersonRepository, claim: IdentityClaim) -> Identification:
    """The register person ``claim`` describes: the holder of its national number, else the persons the
    rule could accept by names and birth (``identify``)."""
    if claim.identity_number:
        holder = persons.get(claim.identity_number)
        if holder is not None:  # the national number decides first: no other candidate changes the outcome
            return identify(claim, [holder])
    surnames, birth = search_keys(claim)
    return identify(claim, persons.identification_candidates(surnames, birth))


def _new_person(uow: MessagingUnitOfWork, message: AnyNotification) -> NaturalPerson:
    """The person the notification describes, new to the register: keyed by the Luxembourg national number
    it gives when that number is free, else ``ECRIS-<conviction ID>``."""
    number = message.person.identity_number
    if is_luxembourg_national_number(number) and number is not None:
        number = number.strip()
        if uow.persons.get(number) is None and uow.persons.tombstone(number) is None:
            return person_of(message.person, person_id=number)
    key = NEW_PERSON_PREFIX + message.conviction.id
    if uow.persons.get(key) is not None or uow.persons.tombstone(key) is not None:
        raise NotificationRefused(FunctionalErrorCode.INVALID_CONTENT.value,
                                  f"register key {key} is already taken")
    return person_of(message.person, person_id=key)


def _apply(uow: MessagingUnitOfWork, message: AnyNotification, foreign: ForeignDecision, person: Person, *,
           created: bool, how: str, member_state: str, clock: Clock, official: str) -> Receipt:
    """Add, replace or remove the notified decision on ``person``; events, journal, answer."""
    sender = message.metadata.sender
    now = clock.now()
    current = next((d for d in person.decisions if d.ecris_conviction_id == message.conviction.id), None)
    if current is not None and current.origin != foreign.decision.origin:
        raise NotificationRefused(FunctionalErrorCode.INVALID_CONTENT.value,
                                  f"conviction {message.conviction.id} was not notified by {sender}")
    events: list[RegisterEvent] = []
    if created:
        events.append(RegisterEvent(RegisterEventKind.PERSON_CREATED, person.id, None, now, f"ecris:{sender}"))
    decisions: list[Decision] = list(person.decisions)
    if foreign.deleted:
        change = "removed" if current is not None else "absent"
        decisions = [d for d in decisions if d is not current]
        if current is not None:
            events.append(RegisterEvent(RegisterEventKind.DECISION_REMOVED, person.id, current.id, now,
                                        f"ecris:{sender}"))
    else:
        decision = foreign.decision if current is None else replace(foreign.decision, id=current.id)
        if current is None:
            ruling = may_be_inscribed(decision, person)
            if not ruling.included:
                raise NotificationRefused(FunctionalErrorCode.INVALID_CONTENT.value,
                                          f"the conviction may not be inscribed (Art {ruling.article}): {ruling.reason}")
            decisions.append(decision)
            change, kind = "added", RegisterEventKind.DECISION_ADDED
            events.append(RegisterEvent(kind, person.id, decision.id, now, f"ecris:{sender}"))
        else:
            decisions = [decision if d is current else d for d in decisions]
            change = "unchanged" if decision == current else "updated"
            if change == "updated":
                events.append(RegisterEvent(RegisterEventKind.DECISION_UPDATED, person.id, decision.id, now,
                                            f"ecris:{sender}"))
    after = replace(person, decisions=tuple(decisions))
    if events:
        uow.persons.save_many([after])
        uow.events.record(events)
    _journal(uow, message, person_id=person.id, change=change, how=how, clock=clock, official=official,
             notes=foreign.notes)
    reply = _answer(uow, message, key="successful", member_state=member_state, clock=clock)
    return Receipt(reply, change, person_id=person.id)


def _journal(uow: MessagingUnitOfWork, message: AnyNotification, *, person_id: str, change: str, how: str,
             clock: Clock, official: str, notes: tuple[str, ...] = ()) -> None:
    details = {"message": str(message.metadata.message_id), "conviction": message.conviction.id,
               "change": change, "identified": how}
    if notes:
        details["notes"] = "; ".join(notes)[:2000]
    uow.journal.append(JournalEntry(
        at=clock.now(), official=official, action="register.notified_conviction", subject=person_id,
        reason=f"conviction notified by {message.metadata.sender} (Art 1(2) 2))", details=details,
    ))
