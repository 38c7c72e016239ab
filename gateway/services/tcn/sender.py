"""Deliver the queued record operations to the central system (Art 12-1(5); Reg 2019/816 Arts 5, 8, 9;
R-TCN-5, R-TCN-7).

``send_pending_tcn`` drains ``tcn_outbox`` in order per person: a person's next operation waits until the
one before it was delivered. Each delivery is marked sent and logged (Reg Art 31) in the transaction that
claimed it; a crash after the central system accepted it and before the commit sends it once more (the
central system's create and update are then repeated with the same content);
when the central system is unavailable the operation stays queued with its attempts counted and its next
attempt pushed back (doubling, up to a ceiling): nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from gateway.clock import Clock
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.ports import MessagingUnitOfWork, TcnCentralSystem, TcnCentralUnavailable, TcnOutboxItem
from gateway.services.tcn.document import record_of_document

PURPOSES = {
    TcnOperation.CREATE: "record of a third-country national convicted in Luxembourg (Art 12-1(1); Reg Art 5)",
    TcnOperation.UPDATE: "record kept in step with the criminal record (Art 12-1(5); Reg Art 9)",
    TcnOperation.DELETE: "record erased with the criminal record's data (Art 12-1(5); Reg Art 8)",
}


@dataclass
class TcnSendReport:
    sent: list[TcnOutboxItem] = field(default_factory=list)
    postponed: list[TcnOutboxItem] = field(default_factory=list)


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
    """Send every operation due, in order per person, until none is due; return what was sent and what
    was postponed. Each operation is claimed, delivered, marked and logged in one transaction of the
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
