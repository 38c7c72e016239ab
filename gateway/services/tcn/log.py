"""The ECRIS-TCN processing log's retention (Art 12-1(5); Reg 2019/816 Art 31; R-TCN-7)."""

from __future__ import annotations

from datetime import date, datetime, time

from gateway.clock import LUXEMBOURG_TZ, Clock
from gateway.law.tcn.log_retention import log_kept_from
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.ports import MessagingUnitOfWork


def purge_tcn_log(uow: MessagingUnitOfWork, *, before: datetime) -> int:
    """Delete the log entries made before ``before``, leaving a checkpoint (the hash of the last entry
    purged and how many were) that anchors the chain, so ``first_broken_link`` still finds none; how many
    were deleted. One transaction."""
    with uow:
        purged = uow.tcn_log.purge(before)
        uow.commit()
    return purged


def purge_expired_tcn_log(uow: MessagingUnitOfWork, *, on: date, clock: Clock, official: str) -> int:
    """Reg Art 31 — on ``on``, erase the entries older than three years (``log_kept_from``, from midnight in
    Luxembourg); the purge is itself logged, after the checkpoint."""
    cutoff = datetime.combine(log_kept_from(on), time(0), tzinfo=LUXEMBOURG_TZ)
    with uow:
        purged = uow.tcn_log.purge(cutoff)
        uow.tcn_log.append(TcnLogEntry(
            operation=TcnOperation.PURGE, at=clock.now(), official=official,
            purpose="log entries older than three years erased (Reg 2019/816 Art 31)",
            outcome=f"{purged} entries before {cutoff.date().isoformat()} erased",
        ))
        uow.commit()
    return purged
