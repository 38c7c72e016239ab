"""The police biometric files of the persons with a record (Art 12-1(1), (2); Art 12-2; R-TCN-3): whose
prints are due, and the arrival of a file, which brings its reference into the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.clock import Clock, today
from gateway.errors import NotFound
from gateway.law.tcn.biometrics import fingerprints_required
from gateway.ports import BiometricKind, JournalEntry, MessagingUnitOfWork, PoliceBiometricFile
from gateway.services.tcn.sync import QueuedTcnOperation, reconcile_tcn


@dataclass(frozen=True, slots=True)
class PrintsDue:
    person_id: str
    reason: str
    article: str


def prints_due(uow: MessagingUnitOfWork, *, on: date) -> list[PrintsDue]:
    """The persons whose fingerprints Art 12-2 makes mandatory on ``on`` and whose police fingerprint file
    has not been received."""
    due: list[PrintsDue] = []
    with uow:
        candidates = [(p, r) for p in uow.persons.iterate() if (r := fingerprints_required(p, on)).included]
        files = uow.tcn_prints.of_persons([p.id for p, _ in candidates])
        for person, ruling in candidates:
            if not any(f.kind is BiometricKind.FINGERPRINTS for f in files.get(person.id, [])):
                due.append(PrintsDue(person.id, ruling.reason, ruling.article))
    return due


def record_police_file(
    uow: MessagingUnitOfWork,
    *,
    person_id: str,
    kind: BiometricKind,
    reference: str,
    clock: Clock,
    official: str,
    collected_on: date | None = None,
) -> list[QueuedTcnOperation]:
    """Record that the Police grand-ducale's file arrived (Art 12-1(2)): its reference and day, never the
    file; in the same transaction, the person's record gets the reference (an update, or the create)."""
    now = clock.now()
    on = today(clock)
    with uow:
        person = uow.persons.get(person_id)
        if person is None:
            raise NotFound(f"no person {person_id} in the register")
        uow.tcn_prints.record(PoliceBiometricFile(person_id, kind, reference, collected_on or on, now))
        uow.journal.append(JournalEntry(now, official, "tcn.police_file", person_id,
                                        f"police {kind.value} file received (Art 12-1(2))",
                                        {"reference": reference}))
        queued = reconcile_tcn(uow, [(person, person)], on=on, clock=clock, official=official).queued
        uow.commit()
    return queued
