"""The register's tables (SQLAlchemy Core). Alembic migrations create them; keep both in step."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, MetaData, String, Table, Text

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

from adapters.db import copy_requests as _copy_requests  # noqa: E402, F401  (Art 12(3) copy requests, for Alembic)
from adapters.db import identifications as _identifications  # noqa: E402, F401  (identification queue and index, for Alembic)
from adapters.db import messaging as _messaging  # noqa: E402, F401  (ECRIS inbox/outbox tables, for Alembic)
from adapters.db import tcn as _tcn  # noqa: E402, F401  (ECRIS-TCN records, queue, police files, log, for Alembic)
from adapters.db import tcn_biometrics as _tcn_biometrics  # noqa: E402, F401  (ECRIS-TCN police biometric files, for Alembic)
