"""What the core needs from the outside world, as protocols the adapters implement."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import TracebackType
from typing import Protocol, Self

from gateway.model.conviction import Decision
from gateway.model.exchange import EcrisMessage
from gateway.model.partial_date import PartialDate
from gateway.model.person import Person
from gateway.model.tcn import TcnLogEntry, TcnOperation, TcnQuery, TcnQueryResult, TcnRecord


class RegisterEventKind(enum.StrEnum):
    """A change of the register that later processing acts on (notifications, ECRIS-TCN)."""

    PERSON_CREATED = "person_created"
    PERSON_UPDATED = "person_updated"
    DECISION_ADDED = "decision_added"
    DECISION_UPDATED = "decision_updated"
    DECISION_REMOVED = "decision_removed"
    PERSON_ERASED = "person_erased"


@dataclass(frozen=True, slots=True)
class RegisterEvent:
    kind: RegisterEventKind
    person_id: str
    decision_id: str | None
    occurred_at: datetime
    detail: str = ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One entry of the processing journal: who did what, when, why — never the personal data."""

    at: datetime
    official: str
    action: str
    subject: str
    reason: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tombstone:
    """What is left of an erased person: the key, when and why (Art 3)."""

    person_id: str
    erased_on: date
    reason: str


@dataclass(frozen=True, slots=True)
class EuroRate:
    """A euro reference rate of the European Central Bank: ``rate`` units of ``currency`` for one euro,
    as published for ``day``."""

    currency: str
    rate: Decimal
    day: date


class EuroRates(Protocol):
    def rate_on(self, currency: str, day: date) -> EuroRate | None:
        """The reference rate published for ``day``, or else for the nearest earlier day a rate was
        published (a weekend, a holiday); None when there is none (an unknown currency, a day out of
        the series)."""
        ...


class PersonRepository(Protocol):
    def get(self, person_id: str) -> Person | None: ...

    def get_many(self, person_ids: Sequence[str]) -> dict[str, Person]: ...

    def digests(self, person_ids: Sequence[str]) -> dict[str, str]:
        """The fingerprint stored with each person held: of the person as last received from a
        register file, so that the same person sent again is known unchanged without reading it."""
        ...

    def record_digests(self, digests: Mapping[str, str]) -> None: ...

    def add_or_replace(self, person: Person) -> None: ...

    def save_many(self, persons: Sequence[Person], digests: Mapping[str, str] | None = None) -> None: ...

    def erase(self, person_id: str, *, on: date, reason: str) -> None: ...

    def tombstone(self, person_id: str) -> Tombstone | None: ...

    def tombstones(self, person_ids: Sequence[str]) -> dict[str, Tombstone]: ...

    def all_ids(self) -> list[str]: ...

    def iterate(self, batch_size: int = 500) -> Iterator[Person]: ...

    def count(self) -> int: ...

    def find_decision_by_conviction_id(self, ecris_conviction_id: str) -> tuple[str, str] | None:
        """(person id, decision id) holding this ECRIS conviction identifier, if any."""
        ...

    def identification_candidates(self, surname_keys: Sequence[str], birth: PartialDate | None) -> list[Person]:
        """The persons held (not erased) having one of these surname keys (current, former or alias;
        ``gateway.law.identification.person_keys``) and not born another year, or born on ``birth`` when it
        is complete."""
        ...


class EventLog(Protocol):
    def record(self, events: Iterable[RegisterEvent]) -> None: ...

    def list(self, *, person_id: str | None = None) -> list[RegisterEvent]: ...


class Journal(Protocol):
    def append(self, entry: JournalEntry) -> None: ...

    def append_many(self, entries: Sequence[JournalEntry]) -> None: ...

    def entries(self) -> list[JournalEntry]: ...


class UnitOfWork(Protocol):
    """One transaction over the store: rolls back on exit unless ``commit()`` was called."""

    @property
    def persons(self) -> PersonRepository: ...

    @property
    def events(self) -> EventLog: ...

    @property
    def journal(self) -> Journal: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


# ------------------------------------------------------------------------------------------ messaging


class InboxState(enum.StrEnum):
    """Where an inbound ECRIS message stands in the inbox journal."""

    RECEIVED = "received"
    PROCESSED = "processed"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"
    REJECTED = "rejected"


class OutboxState(enum.StrEnum):
    """Where an outbound ECRIS message stands in the outbox."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    ACKNOWLEDGED = "acknowledged"


@dataclass(frozen=True, slots=True)
class InboxRecord:
    id: int
    message_id: str | None
    type: str | None
    counterpart: str | None
    response_to: str | None
    state: InboxState
    received_at: datetime
    error: str | None = None
    reply_id: str | None = None
    handled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OutboxRecord:
    message_id: str
    type: str
    counterpart: str
    response_to: str | None
    state: OutboxState
    created_at: datetime
    updated_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    acknowledged_by: str | None = None
    last_error: str | None = None


class Inbox(Protocol):
    """The inbox journal, as message processing sees it."""

    def get(self, message_id: str) -> InboxRecord | None: ...

    def accepted(self, message_id: str, *, sender: str) -> InboxRecord | None: ...

    def mark(
        self, inbox_id: int, state: InboxState, *, error: str | None = None, reply_id: str | None = None
    ) -> None: ...


class Outbox(Protocol):
    """The outbox: a message queued here is sent after the transaction commits, under its own ID."""

    def next_serial(self) -> int:
        """A fresh 15-digit serial for a message ID, never handed out twice."""
        ...

    def queue(self, message: EcrisMessage) -> None:
        """Build, validate and store ``message`` for delivery (in the current transaction)."""
        ...

    def get(self, message_id: str) -> OutboxRecord | None: ...

    def acknowledge(self, message_id: str, *, by: str) -> None: ...


@dataclass(frozen=True, slots=True)
class SentNotification:
    """One NotificationMessage Luxembourg queued about one of its decisions, and what became of it.

    ``act``: notification, update or deletion (``gateway.law.notification_duty.NotificationAct``);
    ``digest``: the fingerprint of the person and conviction as sent, to know a later change;
    ``outbox_state``/``sent_at``: where the message stands in the outbox (filled when read);
    ``response_*``: the NotificationResponse (or FunctionalError) that answered it; ``problem``: the
    problem the receiver reported, None when it confirmed receipt.
    """

    message_id: str
    person_id: str
    decision_id: str
    receiver: str
    conviction_id: str
    act: str
    digest: str
    queued_at: datetime
    outbox_state: OutboxState | None = None
    sent_at: datetime | None = None
    response_id: str | None = None
    response_type: str | None = None
    responded_at: datetime | None = None
    problem: str | None = None


class NotificationLedger(Protocol):
    """What Luxembourg notified to whom (Art 12): one entry per NotificationMessage queued."""

    def record(self, notifications: Sequence[SentNotification]) -> None: ...

    def of_persons(self, person_ids: Sequence[str]) -> dict[str, list[SentNotification]]:
        """Every notification about these persons, oldest first, by person."""
        ...

    def get(self, message_id: str) -> SentNotification | None: ...

    def record_response(
        self, message_id: str, *, response_id: str, response_type: str, problem: str | None, at: datetime
    ) -> None: ...

    def list(self, *, person_id: str | None = None) -> list[SentNotification]:
        """Every notification (of ``person_id``), oldest first, with its outbox state."""
        ...


class MessagingUnitOfWork(UnitOfWork, Protocol):
    """A unit of work that also holds the inbox journal, the outbox and the notification ledger."""

    @property
    def inbox(self) -> Inbox: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def notifications(self) -> NotificationLedger: ...

    @property
    def identifications(self) -> IdentificationQueue: ...

    @property
    def copy_requests(self) -> CopyRequestLog: ...

    @property
    def incoming_requests(self) -> IncomingRequestLedger: ...

    @property
    def outgoing_requests(self) -> OutgoingRequestLog: ...

    @property
    def tcn_records(self) -> TcnRecordLedger: ...

    @property
    def tcn_outbox(self) -> TcnOutbox: ...

    @property
    def tcn_prints(self) -> PoliceBiometricFiles: ...

    @property
    def tcn_log(self) -> TcnProcessingLog: ...

    @property
    def naturalisation(self) -> NaturalisationLedger: ...


# --------------------------------------------------------------------- identifications (clerk's queue)


class IdentificationState(enum.StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class PendingIdentification:
    """A notification whose person a clerk must identify (Art 1(2) 2)): which message, from whom, about
    which conviction, why it waits, the candidates; once resolved, on whom it was inscribed and the answer."""

    id: int
    message_id: str
    sender: str
    conviction_id: str
    reason: str
    candidates: tuple[str, ...]
    created_at: datetime
    state: IdentificationState = IdentificationState.OPEN
    person_id: str | None = None
    reply_id: str | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None


class IdentificationQueue(Protocol):
    def add(self, *, message_id: str, sender: str, conviction_id: str, reason: str,
            candidates: Sequence[str]) -> int: ...

    def get(self, identification_id: int) -> PendingIdentification | None: ...

    def list(self, *, open_only: bool = True) -> list[PendingIdentification]: ...

    def resolve(self, identification_id: int, *, person_id: str, reply_id: str, by: str) -> None: ...


# ------------------------------------------------------------------------- Art 12(3) copy requests


@dataclass(frozen=True, slots=True)
class CopyRequest:
    """A request of a State of nationality for copies (Art 12(3)) and its due date (AMB-15): when it was
    received, when the answer is due, when it was answered and by which message; ``note`` why it waits for
    a clerk (not answered by itself: the person not identified with certainty, or the rule not admitting it)."""

    message_id: str
    sender: str
    received_on: date
    due_on: date
    person_id: str | None = None
    answered_at: datetime | None = None
    reply_id: str | None = None
    note: str | None = None


class CopyRequestLog(Protocol):
    def record(self, request: CopyRequest) -> None: ...

    def list(self) -> list[CopyRequest]: ...

    def get(self, message_id: str) -> CopyRequest | None: ...

    def mark_answered(self, message_id: str, *, person_id: str | None, answered_at: datetime,
                      reply_id: str) -> None: ...


# ------------------------------------------------------------------- Art 15 requests received (ledger)


class IncomingRequestState(enum.StrEnum):
    """Where a Member State's Art 15 request stands (a late one is an open one past its due date)."""

    RECEIVED = "received"
    """Waiting for a clerk: a purpose code the table does not hold, or an identity still uncertain."""
    AWAITING_IDENTIFICATION = "awaiting_identification"
    """A RequestAdditionalInfo was sent to the requesting State; its reply restarts the clock (Art 16(1))."""
    ANSWERED = "answered"


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomingRequest:
    """One Art 15 request received, as the ledger keeps it: who asked, for what, about whom, when it was
    received (instant, and its Luxembourg calendar day, AMB-27), the day the clock started (receipt, or the
    reply to our request for additional information, Art 16(1)) and the due date; the messages exchanged
    about it (the RequestDeadlines sent, the RequestAdditionalInfo and the items it asked, the reply) and the
    answer (its ID, response type, when, by whom)."""

    message_id: str
    sender: str
    purpose_code: str
    purpose_key: str | None
    urgent: bool
    received_at: datetime
    received_on: date
    clock_started_on: date
    due_on: date
    state: IncomingRequestState
    person_id: str | None = None
    deadline_ids: tuple[str, ...] = ()
    additional_info_id: str | None = None
    additional_info_asked: tuple[str, ...] = ()
    additional_info_reply_id: str | None = None
    additional_info_reply_at: datetime | None = None
    response_id: str | None = None
    response_type: str | None = None
    answered_at: datetime | None = None
    answered_by: str | None = None


@dataclass(frozen=True, slots=True)
class RequestExchange:
    """A message exchanged about a request: sent (``outgoing``) or received, its type and when."""

    at: datetime
    direction: str
    type: str
    message_id: str


class IncomingRequestLedger(Protocol):
    """Every Art 15 request received, written in the transaction that handles it (Arts 15, 16)."""

    def add(self, request: IncomingRequest) -> None: ...

    def replace(self, request: IncomingRequest) -> None:
        """Write the request's new state (same message ID)."""
        ...

    def get(self, message_id: str) -> IncomingRequest | None: ...

    def awaiting_reply_to(self, additional_info_id: str) -> IncomingRequest | None:
        """The request waiting for the answer to the RequestAdditionalInfo ``additional_info_id``."""
        ...

    def list(self, *, open_only: bool = False) -> list[IncomingRequest]: ...

    def exchanges(self, request: IncomingRequest) -> builtins.list[RequestExchange]:
        """The messages sent in answer to the request or to its RequestAdditionalInfo, and the reply
        received to the latter, oldest first."""
        ...

    def request_message(self, message_id: str) -> EcrisMessage | None:
        """The request as it was received (from the inbox journal), decoded."""
        ...
# ------------------------------------------------------------- Luxembourg's own requests (Arts 13, 14)


class OutgoingRequestState(enum.StrEnum):
    """Where a request Luxembourg sent stands (``late`` is not stored: it is read against the day)."""

    SENT = "sent"
    DEADLINE_ANNOUNCED = "deadline_announced"
    ADDITIONAL_INFO_ASKED = "additional_info_asked"
    ANSWERED = "answered"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class OutgoingRequest:
    """One RequestMessage Luxembourg sent (Art 13), or an own-record request it forwarded (Art 14), and
    what became of it. ``expected_by``: the requested State's deadline (Art 16); ``announced_deadline``:
    the date its RequestDeadline gave; ``convictions``: the answer's convictions as register decisions
    (``origin`` ``ecris:XX``), as received; ``note``: what a clerk should know (their remarks, an error, an
    additional-information request the register could not answer)."""

    message_id: str
    to: str
    person_id: str
    purpose_key: str
    purpose_code: str
    authority: str
    consent: str
    urgent: bool
    own_record: bool
    sent_at: datetime
    expected_by: date
    state: OutgoingRequestState = OutgoingRequestState.SENT
    bulletin_number: int | None = None
    announced_deadline: date | None = None
    response_id: str | None = None
    response_type: str | None = None
    answered_at: datetime | None = None
    convictions: tuple[Decision, ...] = ()
    note: str | None = None


class OutgoingRequestLog(Protocol):
    """The requests Luxembourg sent, one row per RequestMessage, with their answer."""

    def record(self, request: OutgoingRequest) -> None: ...

    def get(self, message_id: str) -> OutgoingRequest | None: ...

    def list(self, *, person_id: str | None = None, own_record: bool | None = None) -> list[OutgoingRequest]:
        """Oldest first."""
        ...

    def record_answer(self, message_id: str, *, response_id: str, response_type: str,
                      convictions: Sequence[Decision], note: str | None, at: datetime,
                      state: OutgoingRequestState = OutgoingRequestState.ANSWERED) -> None: ...

    def record_deadline(self, message_id: str, deadline: date) -> None: ...

    def update(self, message_id: str, *, state: OutgoingRequestState | None = None,
               expected_by: date | None = None, note: str | None = None) -> None: ...


class TcnCentralSystem(Protocol):
    """The ECRIS-TCN central system as Luxembourg's gateway reaches it (Art 12-1; Reg 2019/816 Arts 5, 7, 9, 8).
    Its real interface is not public: the project speaks its own documented XML format (``schemas/ecris-tcn``)
    to it, or to the simulated central system. Each call either succeeds or raises ``TcnCentralUnavailable``."""

    def create(self, record: TcnRecord) -> None: ...

    def update(self, record: TcnRecord) -> None: ...

    def delete(self, reference: str) -> None: ...

    def query(self, query: TcnQuery) -> TcnQueryResult: ...


class TcnCentralUnavailable(Exception):
    """The central system could not be reached or refused the call; the operation is retried later."""


class TcnCentralRefused(TcnCentralUnavailable):
    """The central system answered with an error (an invalid document, an unknown record, a record already
    held otherwise): sending the same call again will not succeed. ``code`` is the answer's error code."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class TcnProcessingLog(Protocol):
    """The append-only processing log of ECRIS-TCN operations (Art 12-1(5); Reg Art 31)."""

    def append(self, entry: TcnLogEntry) -> None: ...

    def entries(self) -> list[LoggedTcnEntry]:
        """Every entry kept, oldest first (a purge leaves a checkpoint first)."""
        ...

    def first_broken_link(self) -> int | None:
        """The id of the first entry whose hash does not follow from its predecessor (or from the purge's
        checkpoint), or None when the chain holds."""
        ...

    def purge(self, before: datetime) -> int:
        """Delete the entries older than ``before``, leaving a checkpoint that anchors the chain; how many
        were deleted."""
        ...


@dataclass(frozen=True, slots=True)
class LoggedTcnEntry:
    """One row of the processing log: its id and entry, or a purge checkpoint (``entry`` None) holding the
    count of the entries purged so far."""

    id: int
    entry: TcnLogEntry | None
    purged: int = 0


class TcnRecordState(enum.StrEnum):
    """Where a person's record stands in the central system, as the gateway last asked."""

    LIVE = "live"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class KeptTcnRecord:
    """The ledger's entry for one person (Art 12-1(5); Reg Arts 8, 9): the record last queued for the
    central system as a document with its digest, and its state; ``last_sent_at`` is when the last
    operation about the person reached the central system (filled when read)."""

    person_id: str
    state: TcnRecordState
    document: dict[str, object] | None
    digest: str
    etias_flag: bool
    updated_at: datetime
    last_sent_at: datetime | None = None


class TcnRecordLedger(Protocol):
    def of_persons(self, person_ids: Sequence[str]) -> dict[str, KeptTcnRecord]: ...

    def save(self, records: Sequence[KeptTcnRecord]) -> None:
        """Insert or replace each person's entry."""
        ...

    def list(self) -> list[KeptTcnRecord]: ...


@dataclass(frozen=True, slots=True)
class TcnOutboxItem:
    """One operation waiting for (or delivered to) the central system, in order per person."""

    id: int
    person_id: str
    operation: TcnOperation
    document: dict[str, object] | None
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str | None = None
    failed_at: datetime | None = None
    """Set when the central system refused the operation (``TcnCentralRefused``): it is not retried, and the
    person's later operations wait behind it, until a clerk re-queues it (``retry``)."""


class TcnOutbox(Protocol):
    """The durable queue of record operations (create, update, delete) for the central system."""

    def queue(self, *, person_id: str, operation: TcnOperation, document: dict[str, object] | None,
              at: datetime) -> int: ...

    def claim(self, now: datetime, *, skip: Collection[int] = ()) -> TcnOutboxItem | None:
        """The oldest operation due (its next attempt come) that is the first unsent of its person, not in
        ``skip``, not failed, locked for the current transaction: another sender skips it, so none is sent
        twice. A failed operation holds its person's later ones back."""
        ...

    def mark_sent(self, item_id: int, *, at: datetime) -> None: ...

    def mark_retry(self, item_id: int, *, error: str, next_attempt_at: datetime) -> None: ...

    def mark_failed(self, item_id: int, *, error: str, at: datetime) -> None:
        """Give up on the operation (its attempt counted): the central system refused it."""
        ...

    def requeue(self, item_id: int, *, at: datetime) -> TcnOutboxItem | None:
        """Put a failed operation back in the queue, due at ``at``; None when ``item_id`` is not a failed,
        unsent operation."""
        ...

    def get(self, item_id: int) -> TcnOutboxItem | None: ...

    def list(self, *, person_id: str | None = None, pending_only: bool = False) -> list[TcnOutboxItem]: ...


# ------------------------------------------------------------------- ECRIS-TCN: police biometric files


class BiometricKind(enum.StrEnum):
    """What a police file holds: fingerprints or a facial image, collected for the record (Art 12-1(1),
    (2); Art 12-2(1)) or sent for a query (Art 12-1(3))."""

    FINGERPRINTS = "fingerprints"
    FACIAL_IMAGE = "facial_image"


@dataclass(frozen=True, slots=True)
class PoliceBiometricFile:
    """A fingerprint or facial-image file the Police grand-ducale sent for a person's record (Art 12-1(2)):
    its reference, the day it was collected, when it arrived. The file itself is kept elsewhere, encrypted."""

    person_id: str
    kind: BiometricKind
    reference: str
    collected_on: date
    received_at: datetime


class PoliceBiometricFiles(Protocol):
    def record(self, received: PoliceBiometricFile) -> None: ...

    def of_persons(self, person_ids: Sequence[str]) -> dict[str, list[PoliceBiometricFile]]:
        """Each person's files, oldest first."""
        ...

    def forget(self, person_ids: Sequence[str]) -> int:
        """Delete the references of these persons' files (their record is erased, Reg Art 8(1)); how many."""
        ...


@dataclass(frozen=True, slots=True)
class BiometricFile:
    """A police file held for an ECRIS-TCN query (Art 12-1(3)): whose, what, when received, the request it
    served and the day Luxembourg replied to it, the day it is to be erased (AMB-20), when it was erased.
    The content is never part of it: it stays encrypted in the store until read on purpose."""

    id: int
    person_id: str
    kind: BiometricKind
    received_at: datetime
    request_id: str | None = None
    replied_on: date | None = None
    erase_on: date | None = None
    erased_at: datetime | None = None


class BiometricFileStore(Protocol):
    """The police's biometric files, encrypted at rest; erasing one deletes its content, keeps the row."""

    def add(self, *, person_id: str, kind: BiometricKind, content: bytes, received_at: datetime,
            request_id: str | None, replied_on: date | None, erase_on: date | None) -> BiometricFile: ...

    def content(self, file_id: int) -> bytes:
        """The file's content, decrypted; ``NotFound`` when unknown or erased."""
        ...

    def of_request(self, request_id: str) -> list[BiometricFile]: ...

    def set_reply(self, file_id: int, *, replied_on: date, erase_on: date) -> None: ...

    def due(self, on: date) -> list[BiometricFile]:
        """The files not yet erased whose erase date is ``on`` or earlier."""
        ...

    def erase(self, file_id: int, *, at: datetime) -> None: ...

    def list(self) -> list[BiometricFile]: ...


# --------------------------------------------------------------------- naturalisation transfer (Art 14(3))


class NaturalisationPersonState(enum.StrEnum):
    """Where one row of a naturalisation transfer stands."""

    INVALID = "invalid"
    """The row could not be read or applied: nothing of it is in the register (its problems say why)."""
    AWAITING_ANSWERS = "awaiting_answers"
    """Requests went to former Member States of nationality; their answers (or the fallback) complete it."""
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class NaturalisationTransfer:
    """One file of the Minister of Justice (Art 14(3)): ``id`` is the file's digest and the year."""

    id: str
    year: int
    reference: str
    source: str
    started_at: datetime
    rows: int


@dataclass(frozen=True, slots=True)
class NaturalisationPersonRecord:
    """One row of a transfer, written in the same transaction as that person's work (done exactly once)."""

    transfer_id: str
    row_index: int
    person_id: str | None
    state: NaturalisationPersonState
    actions: tuple[str, ...] = ()
    requests_sent: int = 0
    convictions_inscribed: int = 0
    problems: tuple[str, ...] = ()


class NaturalisationRequestOutcome(enum.StrEnum):
    AWAITING = "awaiting"
    ANSWER_INSCRIBED = "answer_inscribed"
    """The State answered completely: its convictions were inscribed (origin ``ecris answer``)."""
    EXTRACT_INSCRIBED = "extract_inscribed"
    """The State's answer was incomplete or late: the supplied extract was inscribed (fallback)."""


@dataclass(frozen=True, slots=True)
class NaturalisationRequest:
    """A request to a former Member State of nationality, with the supplied extract kept for the fallback."""

    message_id: str
    transfer_id: str
    row_index: int
    person_id: str
    country: str
    extract_date: date | None
    extract: tuple[Decision, ...]
    outcome: NaturalisationRequestOutcome = NaturalisationRequestOutcome.AWAITING
    settled_at: datetime | None = None


class NaturalisationLedger(Protocol):
    """The transfers, their rows and their requests (``naturalisation_*`` tables)."""

    def transfer(self, transfer_id: str) -> NaturalisationTransfer | None: ...

    def start_transfer(self, transfer: NaturalisationTransfer) -> None: ...

    def transfers(self, *, year: int | None = None) -> builtins.list[NaturalisationTransfer]: ...

    def rows_done(self, transfer_id: str) -> set[int]: ...

    def record_person(self, record: NaturalisationPersonRecord) -> None: ...

    def person_rows(self, transfer_id: str) -> builtins.list[NaturalisationPersonRecord]: ...

    def person_row(self, transfer_id: str, row_index: int) -> NaturalisationPersonRecord | None: ...

    def update_person(self, record: NaturalisationPersonRecord) -> None: ...

    def record_request(self, request: NaturalisationRequest) -> None: ...

    def request(self, message_id: str) -> NaturalisationRequest | None: ...

    def requests(self, *, transfer_id: str | None = None, row_index: int | None = None,
                 outcome: NaturalisationRequestOutcome | None = None) -> builtins.list[NaturalisationRequest]: ...

    def settle_request(self, message_id: str, *, outcome: NaturalisationRequestOutcome, at: datetime) -> None: ...
