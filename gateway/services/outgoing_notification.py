"""Use case: keep every Member State of nationality informed of Luxembourg's convictions (Art 12(1), 12(2)).

One reconciling function, ``reconcile``, runs inside the unit of work of every change of a person in the
register (import, erasure) and of the daily sweep (``notify_due``): it compares what the law says each
state is owed about each decision on the day (``gateway.law.notification_duty.notification_owed``) with
what the notification ledger says was last sent, and queues exactly the missing notifications, updates
and deletions in the outbox — in the same transaction, so a change is never kept without its
notifications, nor a notification sent for a change that was rolled back.

The ECRIS conviction identifier is allocated when the decision is first notified and kept on the
decision (the register import keeps it); every update and the deletion reuse it. What was sent is
remembered by a fingerprint of the person and conviction as sent (``content_digest``): a re-import of
the same data sends nothing, any change of what the receiver holds sends an update.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from gateway.clock import Clock, today
from gateway.errors import InvalidRequest, NotFound
from gateway.law.notification_duty import (
    NotificationAct,
    notifiable_decision,
    notification_owed,
    states_to_notify,
    update_grounds,
)
from gateway.model.conviction import Decision
from gateway.model.exchange import EcrisConviction, EcrisPerson, MessageType, Text
from gateway.model.person import Person
from gateway.ports import JournalEntry, MessagingUnitOfWork, SentNotification
from gateway.services.ecris_mapping import conviction_of, notification_for, person_identity_of
from gateway.services.ecris_mapping.person import _natural
from gateway.services.outbox import contract_text, new_message_id

_JOURNAL_REASONS = {
    NotificationAct.NOTIFICATION: "conviction notified to {receiver} (Art 12(1))",
    NotificationAct.UPDATE: "update of the conviction notified to {receiver} (Art 12(1), 12(2))",
    NotificationAct.DELETION: "deletion of the conviction notified to {receiver} (Art 12(2))",
}


@dataclass(frozen=True, slots=True)
class QueuedNotification:
    receiver: str
    message_id: str
    conviction_id: str
    act: NotificationAct = NotificationAct.NOTIFICATION
    person_id: str = ""
    decision_id: str = ""


@dataclass
class Reconciliation:
    """What ``reconcile`` queued, and the persons whose decisions got an ECRIS conviction ID (to save)."""

    queued: list[QueuedNotification] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)


def conviction_id_for(member_state: str, serial: int) -> str:
    """A ConvictionID of the contract's form ``XX-C-nnnnnnnnnnnnnnn``."""
    return f"{member_state}-C-{serial:015d}"


def content_digest(person: Person, decision: Decision, conviction_id: str, member_state: str) -> str:
    """The fingerprint of what a notification of ``decision`` carries: the person's identity and the
    conviction, as the mapping builds them (so only a change the receiver would see counts)."""
    natural = _natural(person)
    return _fingerprint(
        person_identity_of(natural),
        conviction_of(natural, decision, conviction_id=conviction_id, sending_state=member_state),
    )


def _fingerprint(person: EcrisPerson, conviction: EcrisConviction) -> str:
    return hashlib.sha256(repr((person, conviction)).encode()).hexdigest()


def latest_by_key(sent: Iterable[SentNotification]) -> dict[tuple[str, str], SentNotification]:
    """The last notification sent about each (decision, receiving state), from the oldest-first ledger."""
    latest: dict[tuple[str, str], SentNotification] = {}
    for notification in sent:
        latest[(notification.decision_id, notification.receiver)] = notification
    return latest


def _holds(latest: SentNotification | None) -> bool:
    return latest is not None and latest.act != NotificationAct.DELETION


class _Queue:
    """Builds, queues and records the messages of one reconciliation."""

    def __init__(self, uow: MessagingUnitOfWork, clock: Clock, official: str, member_state: str) -> None:
        self.uow = uow
        self.clock = clock
        self.official = official
        self.member_state = member_state
        self.result = Reconciliation()
        self.ledger: list[SentNotification] = []
        self.journal: list[JournalEntry] = []

    def send(self, act: NotificationAct, person: Person, decision: Decision, receiver: str, *,
             conviction_id: str, digest: str | None = None, deletion: str | None = None,
             grounds: Sequence[str] = ()) -> None:
        """Queue ``act``; ``digest`` (of the content as sent) defaults to the fingerprint of the message
        itself, which carries exactly that content unless it is a deletion."""
        now = self.clock.now()
        message_id = new_message_id(self.uow.outbox, sender=self.member_state, receiver=receiver,
                                    message_type=MessageType.NOTIFICATION)
        message = notification_for(
            person, decision, message_id=message_id, receiver=receiver, now=now, conviction_id=conviction_id,
            sending_state=self.member_state, update=act is NotificationAct.UPDATE, deletion=deletion,
        )
        if grounds:
            said = f"Mise à jour (art. 12 de la loi du 29 mars 2013) : {' ; '.join(grounds)}."
            message = replace(message, remarks=(Text(contract_text(said), "fr"),))
        self.uow.outbox.queue(message)
        if digest is None:
            assert deletion is None, "a deletion's message is not the content last held"
            digest = _fingerprint(message.person, message.conviction)
        self.ledger.append(SentNotification(
            message_id=str(message_id), person_id=person.id, decision_id=decision.id, receiver=receiver,
            conviction_id=conviction_id, act=act.value, digest=digest, queued_at=now,
        ))
        self.journal.append(JournalEntry(
            now, self.official, f"ecris.{act.value}", person.id, _JOURNAL_REASONS[act].format(receiver=receiver),
            {"decision": decision.id, "message_id": str(message_id), "conviction_id": conviction_id},
        ))
        self.result.queued.append(QueuedNotification(receiver, str(message_id), conviction_id, act, person.id,
                                                     decision.id))

    def flush(self) -> Reconciliation:
        self.uow.notifications.record(self.ledger)
        self.uow.journal.append_many(self.journal)
        return self.result


def _reconcile_one(queue: _Queue, before: Person | None, after: Person | None,
                   sent: Sequence[SentNotification], *, on: date, only: tuple[str, str] | None = None) -> None:
    latest = latest_by_key(sent)
    now_decisions = {} if after is None else {d.id: d for d in after.decisions}
    old_decisions = {} if before is None else {d.id: d for d in before.decisions}
    keys = list(latest)
    if after is not None:
        for decision in after.decisions:
            keys.extend((decision.id, receiver) for receiver in states_to_notify(after, decision, on=on))
    member_state = queue.member_state
    for decision_id, receiver in dict.fromkeys(keys):
        if only is not None and (decision_id, receiver) != only:
            continue
        last = latest.get((decision_id, receiver))
        current = now_decisions.get(decision_id)
        changed = False
        digest = ""
        if _holds(last) and after is not None and current is not None and last is not None and (
            notifiable_decision(after, current, on=on).included
        ):
            digest = content_digest(after, current, last.conviction_id, member_state)
            changed = digest != last.digest
        owed = notification_owed(after, current, receiver, on=on, notified=_holds(last), changed=changed)
        if owed.act is NotificationAct.NOTIFICATION and after is not None and current is not None:
            person = queue.result.persons.get(after.id, after)
            decision = person.decision(decision_id) or current
            if decision.ecris_conviction_id is None:
                decision = replace(decision, ecris_conviction_id=conviction_id_for(
                    member_state, queue.uow.outbox.next_serial()))
                person = replace(person, decisions=tuple(decision if d.id == decision_id else d
                                                         for d in person.decisions))
                queue.result.persons[person.id] = person
            conviction_id = decision.ecris_conviction_id
            assert conviction_id is not None
            queue.send(owed.act, person, decision, receiver, conviction_id=conviction_id)
        elif owed.act is NotificationAct.UPDATE and after is not None and current is not None and last:
            queue.send(owed.act, after, current, receiver, conviction_id=last.conviction_id, digest=digest,
                       grounds=update_grounds(old_decisions.get(decision_id) if before is not after else None,
                                              current))
        elif owed.act is NotificationAct.DELETION and last is not None:
            # The conviction as the register last held it: the person erased or the decision removed
            # are read as they were before the change.
            if after is not None and current is not None:
                holder, decision = after, current
            elif before is not None and decision_id in old_decisions:
                holder, decision = before, old_decisions[decision_id]
            else:
                continue  # nothing left to describe the conviction with (removed before this ledger)
            queue.send(owed.act, holder, decision, receiver, conviction_id=last.conviction_id,
                       digest=content_digest(holder, decision, last.conviction_id, member_state),
                       deletion=owed.reason)


def reconcile(
    uow: MessagingUnitOfWork,
    changes: Sequence[tuple[Person | None, Person | None]],
    *,
    on: date,
    clock: Clock,
    official: str,
    member_state: str = "LU",
) -> Reconciliation:
    """Queue what each state is owed about each person changed, as ``(before, after)`` (None: the person
    was not in the register / is erased), inside the caller's unit of work (the caller commits). The
    persons returned got ECRIS conviction IDs: the caller saves them with the change."""
    queue = _Queue(uow, clock, official, member_state)
    ids = [(after or before).id for before, after in changes if (after or before) is not None]  # type: ignore[union-attr]
    sent = uow.notifications.of_persons(ids)
    for before, after in changes:
        person = after or before
        if person is None:
            continue
        _reconcile_one(queue, before, after, sent.get(person.id, []), on=on)
    return queue.flush()


@dataclass(frozen=True, slots=True)
class SweepReport:
    on: date
    queued: list[QueuedNotification]


def notify_due(
    uow: MessagingUnitOfWork, *, on: date, clock: Clock, official: str, member_state: str = "LU"
) -> SweepReport:
    """The daily sweep: every decision whose final date has come by ``on`` (Art 1(1)) and any other
    notification still owed, queued in one transaction (the scheduler calls it each day). A day to
    come is refused: a decision is notified once final, not before (Art 1(1))."""
    if on > today(clock):
        raise InvalidRequest(f"{on.isoformat()} is still to come: notifications are sent on the day, not before")
    queued: list[QueuedNotification] = []
    with uow:
        batch: list[tuple[Person | None, Person | None]] = []
        for person in uow.persons.iterate(SWEEP_BATCH):
            batch.append((person, person))
            if len(batch) == SWEEP_BATCH:
                queued += _sweep(uow, batch, on=on, clock=clock, official=official, member_state=member_state)
                batch = []
        queued += _sweep(uow, batch, on=on, clock=clock, official=official, member_state=member_state)
        uow.commit()
    return SweepReport(on, queued)


SWEEP_BATCH = 500


def _sweep(uow: MessagingUnitOfWork, batch: Sequence[tuple[Person | None, Person | None]], *, on: date,
           clock: Clock, official: str, member_state: str) -> list[QueuedNotification]:
    result = reconcile(uow, batch, on=on, clock=clock, official=official, member_state=member_state)
    _save(uow, result)
    return result.queued


def _save(uow: MessagingUnitOfWork, result: Reconciliation) -> None:
    """Save the persons given conviction IDs, keeping the fingerprint of the register file they came from."""
    if result.persons:
        persons = list(result.persons.values())
        uow.persons.save_many(persons, uow.persons.digests([p.id for p in persons]))


@dataclass(frozen=True, slots=True)
class NotifyOutcome:
    """What ``notify_decision`` queued, and the states that already hold the conviction (nothing queued)."""

    queued: list[QueuedNotification]
    already: list[SentNotification]


def notify_decision(
    uow: MessagingUnitOfWork,
    *,
    person_id: str,
    decision_id: str,
    clock: Clock,
    official: str,
    member_state: str = "LU",
    receivers: Sequence[str] = (),
    again: bool = False,
) -> NotifyOutcome:
    """The clerk's way to send a notification (again), through the same rule as the automatic flow.

    To each state of nationality (or to ``receivers``, which must be among them) not yet holding the
    conviction, a first notification; a state that holds it gets nothing, unless ``again``: it is then
    sent the conviction once more, under the same ConvictionID, as an update."""
    on = today(clock)
    with uow:
        person = uow.persons.get(person_id)
        if person is None:
            raise NotFound(f"no person {person_id} in the register")
        decision = person.decision(decision_id)
        if decision is None:
            raise NotFound(f"no decision {decision_id} of person {person_id}")
        ruling = notifiable_decision(person, decision, on=on)
        if not ruling.included:
            raise InvalidRequest(f"decision {decision_id} is not notified: {ruling.reason} (Art {ruling.article})")
        due = states_to_notify(person, decision, on=on)
        chosen = tuple(dict.fromkeys(r.upper() for r in receivers)) or due
        if not chosen:
            raise InvalidRequest(f"person {person_id} holds no other Member State's nationality (Art 12(1))")
        if unexpected := [s for s in chosen if s not in due]:
            raise InvalidRequest(f"{', '.join(unexpected)}: not a Member State of the person's nationality (Art 12(1))")
        sent = uow.notifications.of_persons([person_id]).get(person_id, [])
        latest = latest_by_key(sent)
        queue = _Queue(uow, clock, official, member_state)
        already: list[SentNotification] = []
        for receiver in chosen:
            last = latest.get((decision_id, receiver))
            if _holds(last) and last is not None:
                if not again:
                    already.append(last)
                    continue
                queue.send(NotificationAct.UPDATE, person, decision, receiver, conviction_id=last.conviction_id,
                           grounds=("nouvel envoi de la condamnation déjà notifiée",))
            else:
                _reconcile_one(queue, person, queue.result.persons.get(person_id, person), sent, on=on,
                               only=(decision_id, receiver))
        result = queue.flush()
        _save(uow, result)
        uow.commit()
    return NotifyOutcome(result.queued, already)
