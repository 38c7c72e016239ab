"""Use case: erase what Art 3 (last paragraph) says must be erased on a given day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gateway.clock import Clock
from gateway.law.register import ErasureDue, erasure_due, needs_manual_erasure_review
from gateway.model.person import Person
from gateway.ports import JournalEntry, MessagingUnitOfWork, RegisterEvent, RegisterEventKind
from gateway.services.outgoing_notification import QueuedNotification, reconcile
from gateway.services.tcn.sync import QueuedTcnOperation, reconcile_tcn


@dataclass(frozen=True, slots=True)
class Erasure:
    person_id: str
    due: ErasureDue

    @property
    def reason(self) -> str:
        return self.due.reason

    @property
    def article(self) -> str:
        return self.due.article


@dataclass
class ErasureReport:
    on: date
    erased: list[Erasure] = field(default_factory=list)
    to_review: list[str] = field(default_factory=list)
    notifications: list[QueuedNotification] = field(default_factory=list)
    """The deletions sent to the Member States notified of the erased convictions (Art 12(2), AMB-14)."""
    tcn_operations: list[QueuedTcnOperation] = field(default_factory=list)
    """The ECRIS-TCN records deleted with the erased persons' data (Reg 2019/816 Art 8; R-TCN-8)."""


def erase_due_persons(
    *, uow: MessagingUnitOfWork, clock: Clock, official: str, on: date, dry_run: bool = False,
    member_state: str = "LU",
) -> ErasureReport:
    """Erase every natural person whose erasure is due on ``on`` (Art 3 al.3), journalled (who,
    when, why — not the erased data); list without erasing those whose birth date is wholly unknown
    (AMB-2: a partial one is erased on the centenary of its earliest possible day). Every state
    notified of an erased conviction is sent its deletion in the same transaction (Art 12(2), AMB-14), and
    the ECRIS-TCN record of an erased person is deleted (Reg 2019/816 Art 8; R-TCN-8)."""
    report = ErasureReport(on=on)
    with uow:
        erased: list[Person] = []
        for person in uow.persons.iterate():
            due = erasure_due(person, on)
            if due is not None:
                report.erased.append(Erasure(person.id, due))
                erased.append(person)
            elif needs_manual_erasure_review(person, on):
                report.to_review.append(person.id)
        if dry_run:
            return report
        now = clock.now()
        report.notifications = reconcile(
            uow, [(person, None) for person in erased], on=on, clock=clock, official=official,
            member_state=member_state,
        ).queued
        report.tcn_operations = reconcile_tcn(
            uow, [(person, None) for person in erased], on=on, clock=clock, official=official
        ).queued
        for erasure in report.erased:
            uow.persons.erase(erasure.person_id, on=on, reason=f"{erasure.reason}, Art {erasure.article}")
        uow.events.record(
            RegisterEvent(RegisterEventKind.PERSON_ERASED, e.person_id, None, now, f"Art {e.article}")
            for e in report.erased
        )
        uow.journal.append_many(
            [
                JournalEntry(
                    at=now,
                    official=official,
                    action="register.erase",
                    subject=e.person_id,
                    reason=f"Art {e.article}: {e.due.ground.value}",
                    details={"erased_on": on.isoformat()},
                )
                for e in report.erased
            ]
        )
        uow.commit()
    return report
