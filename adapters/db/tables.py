"""The register's tables (SQLAlchemy Core). Alembic migrations create them; keep both in step."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, MetaData, String, Table, Text

from adapters.db.types import JsonDocument, UtcDateTime

metadata = MetaData()

# One row per person; ``document`` holds the person in the register interchange format
# (docs/register-format.md), ``digest`` the fingerprint of the person as the last register file gave
# it (else of ``document``), so that a re-import of the same data is a fast no-op.
# An erased person keeps a tombstone: the key, when and why (Art 3), and no personal data.
persons = Table(
    "persons",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("document", JsonDocument, nullable=True),
    Column("digest", String(64), nullable=True),
    Column("erased_on", Date, nullable=True),
    Column("erasure_reason", Text, nullable=True),
    Column("updated_at", UtcDateTime, nullable=False),
)

# An index of every decision, to find a person by ECRIS conviction identifier.
decisions = Table(
    "decisions",
    metadata,
    Column("person_id", String(64), ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    Column("decision_id", String(64), primary_key=True),
    Column("origin", String(16), nullable=False),
    Column("ecris_conviction_id", String(64), nullable=True),
    Index("ix_decisions_ecris_conviction_id", "ecris_conviction_id"),
)

register_events = Table(
    "register_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("person_id", String(64), nullable=False, index=True),
    Column("decision_id", String(64), nullable=True),
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("processed_at", UtcDateTime, nullable=True),
)

# The processing journal: append-only, each entry hashing its predecessor (tamper-evident).
journal = Table(
    "journal",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False),
    Column("official", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("subject", String(128), nullable=False),
    Column("reason", Text, nullable=False),
    Column("details", JsonDocument, nullable=False),
    Column("previous_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# The ledger of Art 15 requests received (Arts 15, 16): one row per request, written in the transaction
# that handles it; ``deadline_ids`` the RequestDeadlines sent and ``additional_info_asked`` the items of the
# RequestAdditionalInfo, comma-separated.
incoming_requests = Table(
    "incoming_requests",
    metadata,
    Column("message_id", String(64), primary_key=True),
    Column("sender", String(8), nullable=False),
    Column("purpose_code", String(32), nullable=False),
    Column("purpose_key", String(64), nullable=True),
    Column("urgent", Boolean, nullable=False),
    Column("person_id", String(64), nullable=True),
    Column("received_at", UtcDateTime, nullable=False),
    Column("received_on", Date, nullable=False),
    Column("clock_started_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("state", String(32), nullable=False),
    Column("deadline_ids", Text, nullable=True),
    Column("additional_info_id", String(64), nullable=True),
    Column("additional_info_asked", Text, nullable=True),
    Column("additional_info_reply_id", String(64), nullable=True),
    Column("additional_info_reply_at", UtcDateTime, nullable=True),
    Column("response_id", String(64), nullable=True),
    Column("response_type", String(16), nullable=True),
    Column("answered_at", UtcDateTime, nullable=True),
    Column("answered_by", String(128), nullable=True),
    Index("ix_incoming_requests_additional_info_id", "additional_info_id"),
    Index("ix_incoming_requests_state_due", "state", "due_on"),
)

# The requests Luxembourg sent (Art 13) and the own-record requests it forwarded (Art 14), one row per
# RequestMessage, with the requested State's deadline (Art 16) and its answer: the convictions received,
# as register decisions in the register format (``convictions``), not re-filtered (AMB-21).
outgoing_requests = Table(
    "outgoing_requests",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False, unique=True),
    Column("receiver", String(8), nullable=False),
    Column("person_id", String(64), nullable=False),
    Column("purpose_key", String(64), nullable=False),
    Column("purpose_code", String(16), nullable=False),
    Column("authority", Text, nullable=False),
    Column("consent", String(8), nullable=False),
    Column("urgent", Boolean, nullable=False),
    Column("own_record", Boolean, nullable=False),
    Column("bulletin_number", Integer, nullable=True),
    Column("sent_at", UtcDateTime, nullable=False),
    Column("expected_by", Date, nullable=False),
    Column("state", String(32), nullable=False),
    Column("announced_deadline", Date, nullable=True),
    Column("response_id", String(64), nullable=True),
    Column("response_type", String(64), nullable=True),
    Column("answered_at", UtcDateTime, nullable=True),
    Column("convictions", JsonDocument, nullable=True),
    Column("note", Text, nullable=True),
    Index("ix_outgoing_requests_person", "person_id", "seq"),
)

from adapters.db import copy_requests as _copy_requests  # noqa: E402, F401  (Art 12(3) copy requests, for Alembic)
from adapters.db import extracts as _extracts  # noqa: E402, F401  (register of issued extracts, for Alembic)
from adapters.db import identifications as _identifications  # noqa: E402, F401  (identification queue and index, for Alembic)
from adapters.db import messaging as _messaging  # noqa: E402, F401  (ECRIS inbox/outbox tables, for Alembic)
from adapters.db import scheduler_tables as _scheduler_tables  # noqa: E402, F401  (scheduler runs, lease, request flags, for Alembic)
from adapters.db import tcn as _tcn  # noqa: E402, F401  (ECRIS-TCN records, queue, police files, log, for Alembic)
from adapters.db import tcn_biometrics as _tcn_biometrics  # noqa: E402, F401  (ECRIS-TCN police biometric files, for Alembic)

# The annual naturalisation transfer (Art 14(3)): each file (its digest and year), each row done with what was
# done for it (written in the same transaction as the person's work: a second run does nothing twice), and
# each request to a former Member State of nationality with the supplied extract kept for the fallback.
naturalisation_transfers = Table(
    "naturalisation_transfers",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("year", Integer, nullable=False, index=True),
    Column("reference", String(128), nullable=False),
    Column("source", Text, nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("rows", Integer, nullable=False),
)

naturalisation_persons = Table(
    "naturalisation_persons",
    metadata,
    Column("transfer_id", String(80), ForeignKey("naturalisation_transfers.id"), primary_key=True),
    Column("row_index", Integer, primary_key=True),
    Column("person_id", String(64), nullable=True),
    Column("state", String(32), nullable=False),
    Column("actions", JsonDocument, nullable=False),
    Column("requests_sent", Integer, nullable=False),
    Column("convictions_inscribed", Integer, nullable=False),
    Column("problems", JsonDocument, nullable=False),
)

naturalisation_requests = Table(
    "naturalisation_requests",
    metadata,
    Column("message_id", String(64), primary_key=True),
    Column("transfer_id", String(80), nullable=False),
    Column("row_index", Integer, nullable=False),
    Column("person_id", String(64), nullable=False),
    Column("country", String(8), nullable=False),
    Column("extract_date", Date, nullable=True),
    Column("extract", JsonDocument, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("settled_at", UtcDateTime, nullable=True),
    Index("ix_naturalisation_requests_outcome", "outcome"),
    Index("ix_naturalisation_requests_transfer", "transfer_id", "row_index"),
)
