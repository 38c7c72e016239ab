"""Use case: erase what Art 3 (last paragraph) says must be erased on a given day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gateway.clock import Clock
from gateway.law.register import ErasureDue, erasure_due, needs_manual_erasure_review
from gateway.ports import JournalEntry, RegisterEvent, RegisterEventKind, UnitOfWork


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


def erase_due_persons(
    *, uow: UnitOfWork, clock: Clock, official: str, on: date, dry_run: bool = False
) -> ErasureReport:
    """Erase every natural person whose erasure is due on ``on`` (Art 3 al.3), journalled (who,
    when, why — not the erased data); list without erasing those whose birth date is wholly unknown
    (AMB-2: a partial one is erased on the centenary of its earliest possible day)."""
    report = ErasureReport(on=on)
    with uow:
        for person in uow.persons.iterate():
            due = erasure_due(person, on)
            if due is not None:
                report.erased.append(Erasure(person.id, due))
            elif needs_manual_erasure_review(person, on):
                report.to_review.append(person.id)
        if dry_run:
            return report
        now = clock.now()
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
