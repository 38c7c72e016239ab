"""Use case: notify the Member States of nationality of a Luxembourg conviction (Art 12(1)).

The ECRIS conviction identifier is allocated once, when the decision is first notified, and kept on
the decision (the register import keeps it); the notifications are queued in the outbox in the same
transaction, so a crash loses neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from gateway.clock import Clock, today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.notification_duty import notifiable_decision, states_to_notify
from gateway.model.exchange import MessageType
from gateway.ports import JournalEntry, MessagingUnitOfWork
from gateway.services.ecris_mapping import notification_for
from gateway.services.outbox import new_message_id


@dataclass(frozen=True, slots=True)
class QueuedNotification:
    receiver: str
    message_id: str
    conviction_id: str


def conviction_id_for(member_state: str, serial: int) -> str:
    """A ConvictionID of the contract's form ``XX-C-nnnnnnnnnnnnnnn``."""
    return f"{member_state}-C-{serial:015d}"


def notify_decision(
    uow: MessagingUnitOfWork,
    *,
    person_id: str,
    decision_id: str,
    clock: Clock,
    official: str,
    member_state: str = "LU",
    receivers: Sequence[str] = (),
) -> list[QueuedNotification]:
    """Queue a NotificationMessage of the decision to each state of nationality (or to
    ``receivers``, which must be among them), allocating the ConvictionID if needed."""
    with uow:
        person = uow.persons.get(person_id)
        if person is None:
            raise NotFound(f"no person {person_id} in the register")
        decision = person.decision(decision_id)
        if decision is None:
            raise NotFound(f"no decision {decision_id} of person {person_id}")
        ruling = notifiable_decision(person, decision, on=today(clock))
        if not ruling.included:
            raise InvalidRequest(f"decision {decision_id} is not notified: {ruling.reason} (Art {ruling.article})")
        due = states_to_notify(person, decision, on=today(clock))
        chosen = tuple(dict.fromkeys(r.upper() for r in receivers)) or due
        if not chosen:
            raise InvalidRequest(f"person {person_id} holds no other Member State's nationality (Art 12(1))")
        if unexpected := [s for s in chosen if s not in due]:
            raise InvalidRequest(f"{', '.join(unexpected)}: not a Member State of the person's nationality (Art 12(1))")
        conviction_id = decision.ecris_conviction_id
        if conviction_id is None:
            conviction_id = conviction_id_for(member_state, uow.outbox.next_serial())
            decision = replace(decision, ecris_conviction_id=conviction_id)
            person = replace(person, decisions=tuple(decision if d.id == decision_id else d for d in person.decisions))
            uow.persons.save_many([person])
        queued = []
        for receiver in chosen:
            message_id = new_message_id(uow.outbox, sender=member_state, receiver=receiver,
                                        message_type=MessageType.NOTIFICATION)
            uow.outbox.queue(
                notification_for(person, decision, message_id=message_id, receiver=receiver, now=clock.now(),
                                 conviction_id=conviction_id, sending_state=member_state)
            )
            queued.append(QueuedNotification(receiver, str(message_id), conviction_id))
        uow.journal.append_many(
            [
                JournalEntry(clock.now(), official, "ecris.notify", person_id,
                             f"conviction notified to {q.receiver} (Art 12(1))",
                             {"decision": decision_id, "message_id": q.message_id, "conviction_id": conviction_id})
                for q in queued
            ]
        )
        uow.commit()
    return queued
