"""ECRIS-TCN's tables and repositories (Arts 12-1, 12-2): the ledger of records (``tcn_records``), the
durable queue of operations for the central system (``tcn_outbox``), the police biometric files received
for the records (``tcn_police_files``: references only), and the processing log (``tcn_log``, Reg Art 31:
append-only, each entry hashing its predecessor, purged behind a checkpoint)."""

from __future__ import annotations

import builtins
import hashlib
import json
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    text,
    update,
)

from adapters.db.tables import metadata
from adapters.db.types import JsonDocument, UtcDateTime
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.ports import (
    BiometricKind,
    KeptTcnRecord,
    LoggedTcnEntry,
    PoliceBiometricFile,
    TcnOutboxItem,
    TcnRecordState,
)

tcn_records = Table(
    "tcn_records",
    metadata,
    Column("person_id", String(64), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("document", JsonDocument, nullable=True),
    Column("digest", String(64), nullable=False),
    Column("etias_flag", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

tcn_outbox = Table(
    "tcn_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", String(64), nullable=False),
    Column("operation", String(16), nullable=False),
    Column("document", JsonDocument, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime, nullable=True),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("failed_at", UtcDateTime, nullable=True),
    Index("ix_tcn_outbox_person", "person_id", "id"),
    Index("ix_tcn_outbox_unsent", "sent_at", "id"),
)

tcn_police_files = Table(
    "tcn_police_files",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_id", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("reference", String(128), nullable=False),
    Column("collected_on", Date, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
)

# A checkpoint row (operation "checkpoint") takes the id of the last entry a purge deleted; its ``hash`` is
# that entry's hash, its ``purged`` the number of entries deleted so far: the next entry chains to it.
tcn_log = Table(
    "tcn_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("operation", String(16), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("official", String(128), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("reference", String(64), nullable=True),
    Column("transmitted", JsonDocument, nullable=True),
    Column("query_data", JsonDocument, nullable=True),
    Column("outcome", Text, nullable=True),
    Column("purged", Integer, nullable=False, default=0),
    Column("previous_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

CHECKPOINT = "checkpoint"
GENESIS_HASH = "0" * 64
_LOG_LOCK = 4242016


class SqlTcnRecordLedger:
    CHUNK = 500

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def of_persons(self, person_ids: Sequence[str]) -> dict[str, KeptTcnRecord]:
        found: dict[str, KeptTcnRecord] = {}
        ids = list(dict.fromkeys(person_ids))
        for start in range(0, len(ids), self.CHUNK):
            rows = self._db.execute(select(tcn_records).where(tcn_records.c.person_id.in_(ids[start:start + self.CHUNK])))
            found.update((r.person_id, _kept(r)) for r in rows)
        return found

    def save(self, records: Sequence[KeptTcnRecord]) -> None:
        if not records:
            return
        ids = [r.person_id for r in records]
        self._db.execute(delete(tcn_records).where(tcn_records.c.person_id.in_(ids)))
        self._db.execute(insert(tcn_records), [
            {"person_id": r.person_id, "state": r.state.value, "document": r.document, "digest": r.digest,
             "etias_flag": r.etias_flag, "updated_at": r.updated_at}
            for r in records
        ])

    def list(self) -> builtins.list[KeptTcnRecord]:
        last_sent = (
            select(tcn_outbox.c.person_id, func.max(tcn_outbox.c.sent_at).label("last_sent_at"))
            .group_by(tcn_outbox.c.person_id).subquery()
        )
        query = (
            select(tcn_records, last_sent.c.last_sent_at)
            .select_from(tcn_records.outerjoin(last_sent, last_sent.c.person_id == tcn_records.c.person_id))
            .order_by(tcn_records.c.person_id)
        )
        return [_kept(r, r.last_sent_at) for r in self._db.execute(query)]


def _kept(row: Any, last_sent_at: datetime | None = None) -> KeptTcnRecord:
    return KeptTcnRecord(
        person_id=row.person_id, state=TcnRecordState(row.state), document=row.document, digest=row.digest,
        etias_flag=bool(row.etias_flag), updated_at=row.updated_at, last_sent_at=last_sent_at,
    )


class SqlTcnOutbox:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def queue(self, *, person_id: str, operation: TcnOperation, document: dict[str, object] | None,
              at: datetime) -> int:
        result = self._db.execute(insert(tcn_outbox).values(
            person_id=person_id, operation=operation.value, document=document, created_at=at, attempts=0,
            next_attempt_at=at,
        ).returning(tcn_outbox.c.id))
        return int(result.scalar_one())

    def claim(self, now: datetime, *, skip: Collection[int] = ()) -> TcnOutboxItem | None:
        heads = (
            select(func.min(tcn_outbox.c.id).label("id"))
            .where(tcn_outbox.c.sent_at.is_(None))
            .group_by(tcn_outbox.c.person_id).subquery()
        )
        query = (
            select(tcn_outbox).join(heads, heads.c.id == tcn_outbox.c.id)
            .where(tcn_outbox.c.failed_at.is_(None))  # a failed head holds its person's later operations
            .where((tcn_outbox.c.next_attempt_at.is_(None)) | (tcn_outbox.c.next_attempt_at <= now))
            .order_by(tcn_outbox.c.id).limit(1)
            .with_for_update(skip_locked=True, of=tcn_outbox)
        )
        if skip:
            query = query.where(tcn_outbox.c.id.not_in(list(skip)))
        row = self._db.execute(query).first()
        return None if row is None else _item(row)

    def mark_sent(self, item_id: int, *, at: datetime) -> None:
        self._db.execute(update(tcn_outbox).where(tcn_outbox.c.id == item_id, tcn_outbox.c.sent_at.is_(None))
                         .values(sent_at=at, attempts=tcn_outbox.c.attempts + 1, last_error=None))

    def mark_retry(self, item_id: int, *, error: str, next_attempt_at: datetime) -> None:
        self._db.execute(update(tcn_outbox).where(tcn_outbox.c.id == item_id)
                         .values(attempts=tcn_outbox.c.attempts + 1, last_error=error[:2000],
                                 next_attempt_at=next_attempt_at))

    def mark_failed(self, item_id: int, *, error: str, at: datetime) -> None:
        self._db.execute(update(tcn_outbox).where(tcn_outbox.c.id == item_id, tcn_outbox.c.sent_at.is_(None))
                         .values(attempts=tcn_outbox.c.attempts + 1, last_error=error[:2000], failed_at=at))

    def requeue(self, item_id: int, *, at: datetime) -> TcnOutboxItem | None:
        result = self._db.execute(
            update(tcn_outbox)
            .where(tcn_outbox.c.id == item_id, tcn_outbox.c.sent_at.is_(None), tcn_outbox.c.failed_at.is_not(None))
            .values(failed_at=None, next_attempt_at=at))
        return self.get(item_id) if result.rowcount else None

    def get(self, item_id: int) -> TcnOutboxItem | None:
        row = self._db.execute(select(tcn_outbox).where(tcn_outbox.c.id == item_id)).first()
        return None if row is None else _item(row)

    def list(self, *, person_id: str | None = None, pending_only: bool = False) -> builtins.list[TcnOutboxItem]:
        query = select(tcn_outbox).order_by(tcn_outbox.c.id)
        if person_id is not None:
            query = query.where(tcn_outbox.c.person_id == person_id)
        if pending_only:
            query = query.where(tcn_outbox.c.sent_at.is_(None))
        return [_item(r) for r in self._db.execute(query)]


def _item(row: Any) -> TcnOutboxItem:
    return TcnOutboxItem(
        id=row.id, person_id=row.person_id, operation=TcnOperation(row.operation), document=row.document,
        created_at=row.created_at, attempts=row.attempts, next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at, last_error=row.last_error, failed_at=row.failed_at,
    )


class SqlPoliceBiometricFiles:
    CHUNK = 500

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def record(self, received: PoliceBiometricFile) -> None:
        self._db.execute(insert(tcn_police_files).values(
            person_id=received.person_id, kind=received.kind.value, reference=received.reference,
            collected_on=received.collected_on, received_at=received.received_at,
        ))

    def of_persons(self, person_ids: Sequence[str]) -> dict[str, list[PoliceBiometricFile]]:
        found: dict[str, list[PoliceBiometricFile]] = {}
        ids = list(dict.fromkeys(person_ids))
        for start in range(0, len(ids), self.CHUNK):
            query = (select(tcn_police_files).where(tcn_police_files.c.person_id.in_(ids[start:start + self.CHUNK]))
                     .order_by(tcn_police_files.c.id))
            for r in self._db.execute(query):
                found.setdefault(r.person_id, []).append(PoliceBiometricFile(
                    r.person_id, BiometricKind(r.kind), r.reference, r.collected_on, r.received_at))
        return found


    def forget(self, person_ids: Sequence[str]) -> int:
        if not person_ids:
            return 0
        result = self._db.execute(delete(tcn_police_files).where(tcn_police_files.c.person_id.in_(list(person_ids))))
        return int(result.rowcount or 0)


def _canonical(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(previous_hash: str, entry: TcnLogEntry) -> str:
    """sha256 of the predecessor's hash and the entry's canonical JSON (Reg Art 31 fields)."""
    body = _canonical({
        "operation": entry.operation.value,
        "at": entry.at.astimezone(UTC).isoformat(),
        "official": entry.official,
        "purpose": entry.purpose,
        "reference": entry.reference,
        "transmitted": entry.transmitted,
        "query_data": entry.query_data,
        "outcome": entry.outcome,
    })
    return hashlib.sha256(f"{previous_hash}\n{body}".encode()).hexdigest()


def _entry(row: Any) -> TcnLogEntry:
    return TcnLogEntry(
        operation=TcnOperation(row.operation), at=row.at, official=row.official, purpose=row.purpose,
        reference=row.reference, transmitted=row.transmitted, query_data=row.query_data, outcome=row.outcome,
    )


class SqlTcnProcessingLog:
    """``gateway.ports.TcnProcessingLog``: append-only, tamper-evident, purged behind a checkpoint."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def _lock(self) -> None:
        if self._db.dialect.name == "postgresql":
            # Serialise appenders and purges so that two transactions never fork the chain.
            self._db.execute(text(f"SELECT pg_advisory_xact_lock({_LOG_LOCK})"))

    def append(self, entry: TcnLogEntry) -> None:
        self._lock()
        previous = self._db.execute(
            select(tcn_log.c.hash).order_by(tcn_log.c.id.desc()).limit(1)
        ).scalar_one_or_none() or GENESIS_HASH
        self._db.execute(insert(tcn_log).values(
            operation=entry.operation.value, at=entry.at, official=entry.official, purpose=entry.purpose,
            reference=entry.reference, transmitted=entry.transmitted, query_data=entry.query_data,
            outcome=entry.outcome, purged=0, previous_hash=previous, hash=entry_hash(previous, entry),
        ))

    def entries(self) -> builtins.list[LoggedTcnEntry]:
        return [
            LoggedTcnEntry(r.id, None, r.purged) if r.operation == CHECKPOINT else LoggedTcnEntry(r.id, _entry(r))
            for r in self._db.execute(select(tcn_log).order_by(tcn_log.c.id))
        ]

    def first_broken_link(self) -> int | None:
        previous_hash = GENESIS_HASH
        first = True
        for r in self._db.execute(select(tcn_log).order_by(tcn_log.c.id)):
            if r.operation == CHECKPOINT:
                if not first:
                    return int(r.id)  # a checkpoint only ever opens the chain
                previous_hash = r.hash
            elif r.previous_hash != previous_hash or r.hash != entry_hash(previous_hash, _entry(r)):
                return int(r.id)
            else:
                previous_hash = r.hash
            first = False
        return None

    def purge(self, before: datetime) -> int:
        self._lock()
        last = self._db.execute(
            select(tcn_log).where(tcn_log.c.at < before, tcn_log.c.operation != CHECKPOINT)
            .order_by(tcn_log.c.id.desc()).limit(1)
        ).first()
        if last is None:
            return 0
        earlier = self._db.execute(
            select(func.count(), func.coalesce(func.sum(tcn_log.c.purged), 0)).select_from(tcn_log)
            .where(tcn_log.c.id <= last.id)
        ).one()
        checkpoints = self._db.execute(
            select(func.count()).select_from(tcn_log)
            .where(tcn_log.c.id <= last.id, tcn_log.c.operation == CHECKPOINT)
        ).scalar_one()
        deleted = int(earlier[0]) - int(checkpoints)
        total = deleted + int(earlier[1])
        self._db.execute(delete(tcn_log).where(tcn_log.c.id <= last.id))
        self._db.execute(insert(tcn_log).values(
            id=last.id, operation=CHECKPOINT, at=last.at, official="-", purpose="checkpoint", reference=None,
            transmitted=None, query_data=None, outcome=None, purged=total, previous_hash=last.previous_hash,
            hash=last.hash,
        ))
        return deleted
