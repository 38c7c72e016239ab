"""A unit of work: one connection, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, RootTransaction
from sqlalchemy.engine import Engine

from adapters.db.copy_requests import SqlCopyRequestLog
from adapters.db.extracts import SqlExtractRegister
from adapters.db.identifications import SqlIdentificationQueue
from adapters.db.incoming_requests import MessageDecoder, SqlIncomingRequestLedger
from adapters.db.messaging import EnvelopeWriter, SqlInbox, SqlOutbox
from adapters.db.naturalisation import SqlNaturalisationLedger
from adapters.db.notifications import SqlNotificationLedger
from adapters.db.outgoing_requests import SqlOutgoingRequestLog
from adapters.db.repositories import SqlEventLog, SqlJournal, SqlPersonRepository
from adapters.db.request_flags import SqlRequestFlags
from adapters.db.tcn import SqlPoliceBiometricFiles, SqlTcnOutbox, SqlTcnProcessingLog, SqlTcnRecordLedger
from adapters.db.tcn_biometrics import SqlBiometricFiles
from gateway.clock import Clock


class SqlUnitOfWork:
    persons: SqlPersonRepository
    events: SqlEventLog
    journal: SqlJournal
    inbox: SqlInbox
    outbox: SqlOutbox
    identifications: SqlIdentificationQueue
    copy_requests: SqlCopyRequestLog
    incoming_requests: SqlIncomingRequestLedger
    notifications: SqlNotificationLedger
    outgoing_requests: SqlOutgoingRequestLog
    tcn_records: SqlTcnRecordLedger
    tcn_outbox: SqlTcnOutbox
    tcn_prints: SqlPoliceBiometricFiles
    tcn_log: SqlTcnProcessingLog
    tcn_biometrics: SqlBiometricFiles
    naturalisation: SqlNaturalisationLedger
    extracts: SqlExtractRegister
    request_flags: SqlRequestFlags
    connection: Connection

    def __init__(self, engine: Engine, clock: Clock, *, writer: EnvelopeWriter | None = None,
                 reader: MessageDecoder | None = None, biometrics_key: str | None = None) -> None:
        self._engine = engine
        self._biometrics_key = biometrics_key  # encrypts the police's biometric files (tcn_biometrics_key)
        self._clock = clock
        self._writer = writer  # builds the envelope of a queued outbound message
        self._reader = reader  # reads a journalled inbound envelope back (a request answered later)
        self._transaction: RootTransaction | None = None

    def __enter__(self) -> Self:
        self.connection = self._engine.connect()
        self._transaction = self.connection.begin()
        self.persons = SqlPersonRepository(self.connection, self._clock)
        self.events = SqlEventLog(self.connection)
        self.journal = SqlJournal(self.connection)
        self.inbox = SqlInbox(self.connection, self._clock)
        self.outbox = SqlOutbox(self.connection, self._clock, self._writer)
        self.identifications = SqlIdentificationQueue(self.connection, self._clock)
        self.copy_requests = SqlCopyRequestLog(self.connection)
        self.incoming_requests = SqlIncomingRequestLedger(self.connection, self._reader)
        self.notifications = SqlNotificationLedger(self.connection)
        self.outgoing_requests = SqlOutgoingRequestLog(self.connection)
        self.tcn_records = SqlTcnRecordLedger(self.connection)
        self.tcn_outbox = SqlTcnOutbox(self.connection)
        self.tcn_prints = SqlPoliceBiometricFiles(self.connection)
        self.tcn_log = SqlTcnProcessingLog(self.connection)
        self.tcn_biometrics = SqlBiometricFiles(self.connection, self._biometrics_key)
        self.naturalisation = SqlNaturalisationLedger(self.connection)
        self.extracts = SqlExtractRegister(self.connection)
        self.request_flags = SqlRequestFlags(self.connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self.connection.close()

    def commit(self) -> None:
        if self._transaction is not None and self._transaction.is_active:
            self._transaction.commit()
        self._transaction = None

    def rollback(self) -> None:
        if self._transaction is not None and self._transaction.is_active:
            self._transaction.rollback()
        self._transaction = None
