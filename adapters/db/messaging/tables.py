"""The ECRIS messaging tables: ``ecris_inbox``, ``ecris_outbox`` and ``ecris_message_serial`` (the serial's
row on SQLite; PostgreSQL uses the sequence ``ecris_message_serial_seq``)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, String, Table, Text, UniqueConstraint

from adapters.db.tables import metadata
from adapters.db.types import JsonDocument, UtcDateTime

SERIAL_NAME = "message"
PG_SEQUENCE = "ecris_message_serial_seq"

inbox = Table(
    "ecris_inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=True, index=True),
    Column("accepted_key", String(64), nullable=True),
    Column("type", String(64), nullable=True),
    Column("counterpart", String(8), nullable=True),
    Column("response_to", String(64), nullable=True),
    Column("state", String(16), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("headers", JsonDocument, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("error", Text, nullable=True),
    Column("reply_id", String(64), nullable=True),
    Column("handled_at", UtcDateTime, nullable=True),
    Index("ix_ecris_inbox_pending", "state", "handled_at"),
    UniqueConstraint("accepted_key", name="uq_ecris_inbox_accepted_key"),
)

outbox = Table(
    "ecris_outbox",
    metadata,
    Column("message_id", String(64), primary_key=True),
    Column("type", String(64), nullable=False),
    Column("counterpart", String(8), nullable=False),
    Column("response_to", String(64), nullable=True),
    Column("state", String(16), nullable=False),
    Column("envelope", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("claimed_by", String(128), nullable=True),
    Column("claimed_until", UtcDateTime, nullable=True),
    Column("sent_at", UtcDateTime, nullable=True),
    Column("acknowledged_at", UtcDateTime, nullable=True),
    Column("acknowledged_by", String(64), nullable=True),
    Column("last_error", Text, nullable=True),
    Index("ix_ecris_outbox_due", "state", "next_attempt_at"),
)

message_serial = Table(
    "ecris_message_serial",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
