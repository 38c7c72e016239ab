"""A person changed by the transfer saved as ``register import`` saves one: register events, a journal entry,
and in the same transaction what the change owes the Member States (Art 12) and ECRIS-TCN (Art 12-1) — a
former third-country national now Luxembourgish leaves ECRIS-TCN."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gateway.clock import Clock, today
from gateway.model.conviction import Decision
from gateway.model.person import Person
from gateway.ports import JournalEntry, MessagingUnitOfWork, RegisterEvent, RegisterEventKind
from gateway.services.outgoing_notification import reconcile
from gateway.services.tcn.sync import reconcile_tcn


def save_change(uow: MessagingUnitOfWork, *, before: Person | None, after: Person, added: Sequence[Decision],
                clock: Clock, official: str, member_state: str, reason: str) -> Person:
    """Save ``after`` (inside the caller's transaction) and return it as stored."""
    now = clock.now()
    on = today(clock)
    events: list[RegisterEvent] = []
    if before is None:
        events.append(RegisterEvent(RegisterEventKind.PERSON_CREATED, after.id, None, now))
    elif _identity(before) != _identity(after):
        events.append(RegisterEvent(RegisterEventKind.PERSON_UPDATED, after.id, None, now))
    events.extend(RegisterEvent(RegisterEventKind.DECISION_ADDED, after.id, d.id, now) for d in added)
    if not events:
        return after
    notified = reconcile(uow, [(before, after)], on=on, clock=clock, official=official, member_state=member_state)
    after = notified.persons.get(after.id, after)
    reconcile_tcn(uow, [(before, after)], on=on, clock=clock, official=official)
    uow.persons.save_many([after])
    uow.events.record(events)
    uow.journal.append(JournalEntry(
        at=now, official=official, action="naturalisation.inscribed", subject=after.id, reason=reason,
        details={"changes": ",".join(sorted({e.kind.value for e in events})), "decisions": str(len(added))}))
    return after


def _identity(person: Person) -> Person:
    return replace(person, decisions=())
