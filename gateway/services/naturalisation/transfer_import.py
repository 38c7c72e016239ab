"""The whole transfer, resumable and idempotent (Art 14(3)): each row's work is written in the same
transaction as its ``naturalisation_persons`` row, a few rows per commit, so a second run of the same file —
or a run after a crash — skips the rows done and does every other row's work exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gateway.clock import Clock
from gateway.errors import GatewayError
from gateway.ports import (
    MessagingUnitOfWork,
    NaturalisationPersonRecord,
    NaturalisationPersonState,
    NaturalisationTransfer,
)
from gateway.services.naturalisation.person_work import naturalise_person
from gateway.services.naturalisation.transfer import InvalidRow, TransferHeader, TransferRow

ROWS_PER_COMMIT = 20


@dataclass
class TransferSummary:
    transfer_id: str
    rows: int
    already_done: int = 0
    persons_done: int = 0
    invalid_rows: int = 0
    requests_sent: int = 0
    convictions_inscribed: int = 0
    records: list[NaturalisationPersonRecord] = field(default_factory=list)
    """The rows done by this run, for the per-person report."""


def transfer_id_of(digest: str, year: int) -> str:
    """A transfer is its file: the digest of its bytes and its year."""
    return f"{year}-{digest[:40]}"


def _record(transfer_id: str, row: TransferRow, uow: MessagingUnitOfWork, *, clock: Clock, official: str,
            member_state: str) -> NaturalisationPersonRecord:
    if isinstance(row, InvalidRow):
        return NaturalisationPersonRecord(transfer_id, row.row_index, None, NaturalisationPersonState.INVALID,
                                          problems=tuple(str(p) for p in row.problems))
    done = naturalise_person(uow, row, transfer_id=transfer_id, clock=clock, official=official,
                             member_state=member_state)
    if done.refused:
        state = NaturalisationPersonState.INVALID
    elif done.requests_sent:
        state = NaturalisationPersonState.AWAITING_ANSWERS
    else:
        state = NaturalisationPersonState.COMPLETE
    return NaturalisationPersonRecord(transfer_id, row.row_index, done.person_id, state, tuple(done.actions),
                                      done.requests_sent, done.convictions_inscribed, tuple(done.problems))


def import_transfer(rows: Iterable[TransferRow], *, header: TransferHeader, digest: str, source: str, total: int,
                    uow: Callable[[], MessagingUnitOfWork], clock: Clock, official: str, member_state: str,
                    progress: Callable[[int, int], None] | None = None,
                    rows_per_commit: int = ROWS_PER_COMMIT) -> TransferSummary:
    """Apply every row not yet done of the transfer ``digest``/``header.year``; ``total`` rows in all.

    A row the reader could not read is recorded with its problems and does not stop the others; so is a row
    the register refuses (an uncertain identification, an erased person's key)."""
    transfer_id = transfer_id_of(digest, header.year)
    with uow() as work:
        if work.naturalisation.transfer(transfer_id) is None:
            work.naturalisation.start_transfer(NaturalisationTransfer(transfer_id, header.year, header.reference,
                                                                      source, clock.now(), total))
            work.commit()
            done: set[int] = set()
        else:
            done = work.naturalisation.rows_done(transfer_id)
    summary = TransferSummary(transfer_id, total, already_done=len(done))
    batch: list[TransferRow] = []

    def apply(rows: list[TransferRow]) -> list[NaturalisationPersonRecord]:
        with uow() as work:
            records = [_record(transfer_id, row, work, clock=clock, official=official, member_state=member_state)
                       for row in rows]
            for record in records:
                work.naturalisation.record_person(record)
            work.commit()
        return records

    def refused(row: TransferRow, error: GatewayError) -> NaturalisationPersonRecord:
        record = NaturalisationPersonRecord(transfer_id, row.row_index, None, NaturalisationPersonState.INVALID,
                                            problems=(f"row {row.row_index}: {error}",))
        with uow() as work:
            work.naturalisation.record_person(record)
            work.commit()
        return record

    def flush() -> None:
        try:
            records = apply(batch)
        except GatewayError:
            # One row of the batch was refused: nothing of the batch is stored; each row again on its own.
            records = []
            for row in batch:
                try:
                    records.extend(apply([row]))
                except GatewayError as error:
                    records.append(refused(row, error))
        for record in records:
            summary.records.append(record)
            if record.state is NaturalisationPersonState.INVALID:
                summary.invalid_rows += 1
            else:
                summary.persons_done += 1
            summary.requests_sent += record.requests_sent
            summary.convictions_inscribed += record.convictions_inscribed
        batch.clear()

    for seen, row in enumerate(rows, start=1):
        if row.row_index not in done:
            batch.append(row)
            if len(batch) >= rows_per_commit:
                flush()
        if progress is not None:
            progress(seen, total)
    if batch:
        flush()
    return summary
