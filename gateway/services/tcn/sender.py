"""Deliver the queued record operations to the central system (Art 12-1(5); Reg 2019/816 Arts 5, 8, 9;
R-TCN-5, R-TCN-7).

``send_pending_tcn`` drains ``tcn_outbox`` in order per person: a person's next operation waits until the
one before it was delivered. Each delivery is marked sent and logged (Reg Art 31) in the transaction that
claimed it; a crash after the central system accepted it and before the commit sends it once more (the
central system's create and update are then repeated with the same content);
when the central system is unavailable the operation stays queued with its attempts counted and its next
attempt pushed back (doubling, up to a ceiling): nothing is ever dropped. When it *refuses* the operation
(``TcnCentralRefused``: an invalid document, an unknown record), sending it again cannot succeed: the
operation is marked failed with an ALERT line and a journal entry, as the ECRIS outbox does after its last
attempt, and the person's later operations wait behind it until a clerk re-queues it (``requeue_failed``,
``tcn retry ID``) once the cause is fixed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from gateway.clock import Clock
from gateway.errors import InvalidRequest, NotFound
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.ports import (
    JournalEntry,
    MessagingUnitOfWork,
    TcnCentralRefused,
    TcnCentralSystem,
    TcnCentralUnavailable,
    TcnOutboxItem,
)
from gateway.services.tcn.document import record_of_document

log = logging.getLogger("ecris.tcn")

PURPOSES = {
    TcnOperation.CREATE: "record of a third-country national convicted in Luxembourg (Art 12-1(1); Reg Art 5)",
    TcnOperation.UPDATE: "record kept in step with the criminal record (Art 12-1(5); Reg Art 9)",
    TcnOperation.DELETE: "record erased with the criminal record's data (Art 12-1(5); Reg Art 8)",
}


@dataclass
class TcnSendReport:
    sent: list[TcnOutboxItem] = field(default_factory=list)
    postponed: list[TcnOutboxItem] = field(default_factory=list)
    failed: list[TcnOutboxItem] = field(default_factory=list)


def retry_delay(attempts: int, *, backoff_seconds: float, ceiling_seconds: float) -> timedelta:
    """The wait before attempt ``attempts + 1``: ``backoff_seconds`` doubled at each failure, at most
    ``ceiling_seconds``."""
    return timedelta(seconds=min(ceiling_seconds, backoff_seconds * 2 ** max(attempts - 1, 0)))


def _deliver(central: TcnCentralSystem, item: TcnOutboxItem) -> dict[str, object]:
    """Call the central system; what was transmitted (Reg Art 31(1)(b))."""
    if item.operation is TcnOperation.DELETE:
        central.delete(item.person_id)
        return {"reference": item.person_id}
    assert item.document is not None, "a create or update carries its record"
    record = record_of_document(item.document)
    if item.operation is TcnOperation.CREATE:
        central.create(record)
    else:
        central.update(record)
    return item.document


def send_pending_tcn(
    uow: Callable[[], MessagingUnitOfWork],
    central: TcnCentralSystem,
    *,
    clock: Clock,
    official: str,
    backoff_seconds: float = 2.0,
    ceiling_seconds: float = 3600.0,
) -> TcnSendReport:
    """Send every operation due, in order per person, until none is due; return what was sent, what was
    postponed and what failed (refused by the central system). Each operation is claimed, delivered, marked and logged in one transaction of the
    caller's ``uow`` factory, so several senders never deliver the same operation (PostgreSQL: the claim
    skips rows another sender holds)."""
    report = TcnSendReport()
    postponed: set[int] = set()
    while True:
        with uow() as work:
            item = work.tcn_outbox.claim(clock.now(), skip=postponed)
            if item is None:
                return report
            try:
                transmitted = _deliver(central, item)
            except TcnCentralRefused as error:
                _give_up(work, item, error, clock=clock, official=official)
                work.commit()
                report.failed.append(item)
                continue
            except TcnCentralUnavailable as error:
                wait = retry_delay(item.attempts + 1, backoff_seconds=backoff_seconds, ceiling_seconds=ceiling_seconds)
                work.tcn_outbox.mark_retry(item.id, error=str(error) or type(error).__name__,
                                           next_attempt_at=clock.now() + wait)
                work.commit()
                report.postponed.append(item)
                postponed.add(item.id)
                continue
            at = clock.now()
            work.tcn_outbox.mark_sent(item.id, at=at)
            work.tcn_log.append(TcnLogEntry(
                operation=item.operation, at=at, official=official, purpose=PURPOSES[item.operation],
                reference=item.person_id, transmitted=transmitted, outcome="done",
            ))
            work.commit()
            report.sent.append(item)


def _give_up(work: MessagingUnitOfWork, item: TcnOutboxItem, error: TcnCentralRefused, *, clock: Clock,
             official: str) -> None:
    """The central system refused ``item``: mark it failed (no further attempt), raise the ALERT, journal it.
    The error names the operation and the central system's code, never personal data."""
    at = clock.now()
    work.tcn_outbox.mark_failed(item.id, error=str(error), at=at)
    log.error("ALERT tcn outbox: %s n° %d refused by the central system (%s); the person's later operations "
              "wait until a clerk re-queues it (tcn retry %d)", item.operation.value, item.id, error.code, item.id)
    work.journal.append(JournalEntry(
        at=at, official=official, action="tcn.refused", subject=item.person_id,
        reason=f"opération ECRIS-TCN n° {item.id} ({item.operation.value}) refusée par le système central "
               f"({error.code}) : ni renvoyée ni suivie des suivantes tant qu'un agent ne la remet pas en file",
        details={"outbox_id": str(item.id), "code": error.code},
    ))


def requeue_failed(work: MessagingUnitOfWork, item_id: int, *, clock: Clock, official: str) -> TcnOutboxItem:
    """A clerk puts a failed operation back in the queue, due now (once its cause is fixed): it is sent again
    at the next ``tcn send``, the person's later operations after it (inside ``work``; the caller commits).
    ``NotFound`` for no such operation, ``InvalidRequest`` for one that has not failed."""
    existing = work.tcn_outbox.get(item_id)
    if existing is None:
        raise NotFound(f"aucune opération ECRIS-TCN n° {item_id}")
    requeued = work.tcn_outbox.requeue(item_id, at=clock.now())
    if requeued is None:
        state = "déjà transmise" if existing.sent_at is not None else "en file, pas en échec"
        raise InvalidRequest(f"l'opération ECRIS-TCN n° {item_id} n'est pas en échec ({state})")
    work.journal.append(JournalEntry(
        at=clock.now(), official=official, action="tcn.requeued", subject=existing.person_id,
        reason=f"opération ECRIS-TCN n° {item_id} ({existing.operation.value}) remise en file par un agent",
        details={"outbox_id": str(item_id), "previous_error": existing.last_error or ""},
    ))
    return requeued
