"""The scheduler's tables (migration 0009): ``scheduler_runs``, ``scheduler_lease``, ``request_flags``."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Float, String, Table, Text

from adapters.db.tables import metadata
from adapters.db.types import UtcDateTime

scheduler_runs = Table(
    "scheduler_runs",
    metadata,
    Column("job_id", String(64), primary_key=True),
    Column("last_run_at", UtcDateTime, nullable=False),
    Column("last_result", Text, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("duration_seconds", Float, nullable=False),
    Column("holder", String(128), nullable=False),
)

# One row per lock name (SQLite only): who sweeps, and until when unless the lease is renewed.
scheduler_lease = Table(
    "scheduler_lease",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("holder", String(128), nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)

# The deadline watch's flag of each open request, and the day an own-record answer was marked missing.
request_flags = Table(
    "request_flags",
    metadata,
    Column("direction", String(8), primary_key=True),
    Column("message_id", String(64), primary_key=True),
    Column("flag", String(16), nullable=True),
    Column("flagged_on", Date, nullable=True),
    Column("answer_missing_on", Date, nullable=True),
)
