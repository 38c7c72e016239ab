"""Keep the ECRIS-TCN record in step with the register (Art 12-1(5); Reg 2019/816 Arts 8, 9; R-TCN-5, R-TCN-6,
R-TCN-8).

``reconcile_tcn`` runs inside the unit of work of every change of a person in the register (import,
erasure) and of the daily sweep, like ``outgoing_notification.reconcile``: it compares the record the
register calls for on the day (``record.tcn_record_of``) with the ledger's last record, and queues in the
``tcn_outbox`` exactly the operation missing — a create, an update, a delete — in the same transaction.
The ledger's digest covers the record and the Luxembourg convictions behind it (``record_basis``): a change
of identity, nationality, flag or of those convictions (a pardon, a correction, a new one) sends an update —
the record is kept in step with the national data behind it (Reg Art 9(2)) —, and a record unchanged on all
counts queues nothing (an identical re-import). A flag whose window closed changes the record, so the sweep
sends its update the day after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from gateway.clock import Clock, today
from gateway.errors import InvalidRequest
from gateway.law.tcn.record_duty import tcn_operation_owed
from gateway.law.tcn.who import luxembourg_convictions
from gateway.model.person import Person
from gateway.model.tcn import TcnOperation
from gateway.ports import JournalEntry, KeptTcnRecord, MessagingUnitOfWork, TcnRecordState
from gateway.services.tcn.document import document_digest, record_document
from gateway.services.tcn.record import tcn_record_of

_REASONS = {
    TcnOperation.CREATE: "ECRIS-TCN record to create (Art 12-1(1); Reg 2019/816 Art 5)",
    TcnOperation.UPDATE: "ECRIS-TCN record to update (Art 12-1(5); Reg 2019/816 Art 9)",
    TcnOperation.DELETE: "ECRIS-TCN record to delete (Art 12-1(5); Reg 2019/816 Art 8)",
}


@dataclass(frozen=True, slots=True)
class QueuedTcnOperation:
    person_id: str
    operation: TcnOperation
    outbox_id: int
    etias_flag: bool = False


@dataclass
class TcnReconciliation:
    queued: list[QueuedTcnOperation] = field(default_factory=list)


def record_basis(person: Person, on: date) -> list[list[str]]:
    """The Luxembourg convictions a record stands on, each as its ID and a fingerprint of what the register
    holds of it: not sent (Reg Art 5 has no field for them, AMB-16), but part of the ledger's digest. The ECRIS
    conviction identifier the Art 12 notifications allocate is left out: it is not a change of the conviction."""
    return [[d.id, document_digest(repr(replace(d, ecris_conviction_id=None)))]
            for d in luxembourg_convictions(person, on)]


def reconcile_tcn(
    uow: MessagingUnitOfWork,
    changes: Sequence[tuple[Person | None, Person | None]],
    *,
    on: date,
    clock: Clock,
    official: str,
    gone: Sequence[str] = (),
) -> TcnReconciliation:
    """Queue what the central system is owed about each person changed, as ``(before, after)`` (after None:
    erased), and about the persons ``gone`` from the register, inside the caller's unit of work (the caller
    commits)."""
    result = TcnReconciliation()
    ids = list(dict.fromkeys([*(p.id for pair in changes for p in pair[::-1] if p is not None), *gone]))
    if not ids:
        return result
    kept = uow.tcn_records.of_persons(ids)
    files = uow.tcn_prints.of_persons(ids)
    afters = {after.id: after for _, after in changes if after is not None}
    now = clock.now()
    saved: list[KeptTcnRecord] = []
    journal: list[JournalEntry] = []
    for person_id in ids:
        after = afters.get(person_id)
        record = tcn_record_of(after, on, files=files.get(person_id, []))
        document = None if record is None else record_document(record)
        digest = None if document is None or after is None else document_digest(
            {"record": document, "convictions": record_basis(after, on)})
        held = kept.get(person_id)
        live = held is not None and held.state is TcnRecordState.LIVE
        operation = tcn_operation_owed(required=digest is not None, held=live,
                                       changed=held is None or held.digest != digest)
        if operation is None:
            continue
        outbox_id = uow.tcn_outbox.queue(person_id=person_id, operation=operation,
                                         document=document, at=now)
        flag = record is not None and record.etias_flag
        saved.append(KeptTcnRecord(
            person_id=person_id,
            state=TcnRecordState.DELETED if operation is TcnOperation.DELETE else TcnRecordState.LIVE,
            document=document, digest=digest or "", etias_flag=flag, updated_at=now,
        ))
        journal.append(JournalEntry(now, official, f"tcn.{operation.value}", person_id, _REASONS[operation],
                                    {"tcn_outbox_id": str(outbox_id)}))
        result.queued.append(QueuedTcnOperation(person_id, operation, outbox_id, flag))
    uow.tcn_records.save(saved)
    uow.journal.append_many(journal)
    _forget_police_files(uow, [q.person_id for q in result.queued if q.operation is TcnOperation.DELETE],
                         official=official, clock=clock)
    return result


def _forget_police_files(uow: MessagingUnitOfWork, person_ids: Sequence[str], *, official: str, clock: Clock) -> None:
    """Reg 2019/816 Art 8(1) — the record goes "including any fingerprint data or facial images": the
    references of the police files kept for it go with it (the encrypted files themselves are erased by
    their own store)."""
    files = uow.tcn_prints.of_persons(person_ids)
    held = [person_id for person_id in person_ids if files.get(person_id)]
    if not held:
        return
    uow.tcn_prints.forget(held)
    now = clock.now()
    uow.journal.append_many([
        JournalEntry(now, official, "tcn.police_files_erased", person_id,
                     "police biometric files' references erased with the record (Reg 2019/816 Art 8(1))",
                     {"files": str(len(files[person_id]))})
        for person_id in held
    ])


SWEEP_BATCH = 500


def sweep_tcn(uow: MessagingUnitOfWork, *, on: date, clock: Clock, official: str) -> TcnReconciliation:
    """The daily sweep (the scheduler runs it): every person's record recomputed on ``on`` — an ETIAS flag
    whose window closed the day before is removed, a decision become final brings its record — and every
    record still held for a person no longer in the register deleted (R-TCN-6). One transaction. A day to
    come is refused: a flag is removed the day after its window, not before."""
    if on > today(clock):
        raise InvalidRequest(f"{on.isoformat()} is still to come: records are recomputed on the day, not before")
    result = TcnReconciliation()
    with uow:
        seen: set[str] = set()
        batch: list[tuple[Person | None, Person | None]] = []
        for person in uow.persons.iterate(SWEEP_BATCH):
            seen.add(person.id)
            batch.append((person, person))
            if len(batch) == SWEEP_BATCH:
                result.queued += reconcile_tcn(uow, batch, on=on, clock=clock, official=official).queued
                batch = []
        result.queued += reconcile_tcn(uow, batch, on=on, clock=clock, official=official).queued
        gone = [k.person_id for k in uow.tcn_records.list()
                if k.state is TcnRecordState.LIVE and k.person_id not in seen]
        for start in range(0, len(gone), SWEEP_BATCH):
            result.queued += reconcile_tcn(uow, [], on=on, clock=clock, official=official,
                                           gone=gone[start:start + SWEEP_BATCH]).queued
        uow.commit()
    return result
