"""The simulated central system's own database: records per (convicting State, reference).

Its tables live in their own metadata, created by the simulator on its own database (``tcn-central --db``);
they are never part of the gateway's store. A record is kept as its ``CreateRecord`` document (the format is
the contract), with its surname keys and fingerprint reference to find the candidates of a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    insert,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from adapters.db.engine import create_store_engine, prepare_folder
from adapters.db.types import UtcDateTime
from adapters.tcn import codec
from adapters.tcn.codec import RecordDocument, TcnDocumentRejected
from adapters.tcn.matching import query_hits, surname_keys
from gateway.model.tcn import TcnQuery, TcnRecord

central_metadata = MetaData()

central_records = Table(
    "tcn_central_records",
    central_metadata,
    Column("convicting_state", String(2), primary_key=True),
    Column("reference", String(64), primary_key=True),
    Column("document", Text, nullable=False),
    Column("fingerprint_reference", String(64), nullable=True, index=True),
    Column("stored_at", UtcDateTime, nullable=False),
)

central_name_keys = Table(
    "tcn_central_name_keys",
    central_metadata,
    Column("convicting_state", String(2), primary_key=True),
    Column("reference", String(64), primary_key=True),
    Column("key", String(200), primary_key=True),
    Index("ix_tcn_central_name_keys_key", "key"),
)


class UnknownRecord(TcnDocumentRejected):
    def __init__(self, state: str, reference: str) -> None:
        super().__init__(f"no record is held under {state}/{reference}", "unknown-record")


class RecordExists(TcnDocumentRejected):
    def __init__(self, state: str, reference: str) -> None:
        super().__init__(f"another record is already held under {state}/{reference}", "record-exists")


def central_engine(url: str) -> Engine:
    """The simulator's database, its tables created; in-memory SQLite shared by every request thread."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_store_engine(url)
        prepare_folder(engine)
    central_metadata.create_all(engine)
    return engine


def _document(record: TcnRecord) -> str:
    return codec.encode_record(record, operation="create").decode("utf-8")


def _record(document: str) -> TcnRecord:
    decoded = codec.decode(document.encode("utf-8"))
    if not isinstance(decoded, RecordDocument):  # pragma: no cover - only records are stored
        raise TypeError("a stored document is not a record")
    return decoded.record


class CentralStore:
    """Create, update, delete, query: each call one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _held(self, db: Connection, state: str, reference: str) -> str | None:
        return db.execute(select(central_records.c.document).where(
            central_records.c.convicting_state == state, central_records.c.reference == reference)).scalar()

    def _write(self, db: Connection, record: TcnRecord, at: datetime) -> None:
        key = (central_records.c.convicting_state == record.convicting_state,
               central_records.c.reference == record.reference)
        db.execute(delete(central_records).where(*key))
        db.execute(delete(central_name_keys).where(
            central_name_keys.c.convicting_state == record.convicting_state,
            central_name_keys.c.reference == record.reference))
        db.execute(insert(central_records).values(
            convicting_state=record.convicting_state, reference=record.reference, document=_document(record),
            fingerprint_reference=None if record.fingerprints is None else record.fingerprints.reference,
            stored_at=at))
        keys = [{"convicting_state": record.convicting_state, "reference": record.reference, "key": k[:200]}
                for k in sorted(surname_keys(record.identity))]
        if keys:
            db.execute(insert(central_name_keys), keys)

    def create(self, record: TcnRecord, *, at: datetime) -> None:
        """A new record; the same record sent again is accepted (a retry), another one refused."""
        with self.engine.begin() as db:
            held = self._held(db, record.convicting_state, record.reference)
            if held is not None:
                if held == _document(record):
                    return
                raise RecordExists(record.convicting_state, record.reference)
            self._write(db, record, at)

    def update(self, record: TcnRecord, *, at: datetime) -> None:
        with self.engine.begin() as db:
            if self._held(db, record.convicting_state, record.reference) is None:
                raise UnknownRecord(record.convicting_state, record.reference)
            self._write(db, record, at)

    def delete(self, state: str, reference: str) -> None:
        with self.engine.begin() as db:
            if self._held(db, state, reference) is None:
                raise UnknownRecord(state, reference)
            db.execute(delete(central_name_keys).where(central_name_keys.c.convicting_state == state,
                                                       central_name_keys.c.reference == reference))
            db.execute(delete(central_records).where(central_records.c.convicting_state == state,
                                                     central_records.c.reference == reference))

    def seed(self, records: Iterable[TcnRecord], *, at: datetime) -> int:
        count = 0
        for record in records:
            self.create(record, at=at)
            count += 1
        return count

    def get(self, state: str, reference: str) -> TcnRecord | None:
        with self.engine.connect() as db:
            document = self._held(db, state, reference)
        return None if document is None else _record(document)

    def count(self) -> int:
        with self.engine.connect() as db:
            return len(db.execute(select(central_records.c.reference)).all())

    def member_states_holding(self, query: TcnQuery) -> tuple[str, ...]:
        """The convicting States of the records the query hits, sorted, each once."""
        keys = sorted(surname_keys(query.identity))
        selects = []
        if keys:  # through the key index, then each record by its primary key (no scan of the records)
            selects.append(
                select(central_records.c.convicting_state, central_records.c.reference, central_records.c.document)
                .join(central_name_keys, (central_name_keys.c.convicting_state == central_records.c.convicting_state)
                      & (central_name_keys.c.reference == central_records.c.reference))
                .where(central_name_keys.c.key.in_(keys)))
        if query.fingerprints is not None:
            selects.append(
                select(central_records.c.convicting_state, central_records.c.reference, central_records.c.document)
                .where(central_records.c.fingerprint_reference == query.fingerprints.reference))
        if not selects:
            return ()
        with self.engine.connect() as db:
            found = {(row.convicting_state, row.reference): row for chosen in selects for row in db.execute(chosen)}
        rows = list(found.values())
        states = {row.convicting_state for row in rows
                  if query_hits(query.identity, query.fingerprints, _record(row.document))}
        return tuple(sorted(states))
