"""The scheduler: the last run of each job, the lease that lets one scheduler sweep at a time (SQLite; PostgreSQL
uses an advisory lock), and the deadline flags of the requests (due soon, late, own-record answer missing).

APScheduler's own job store table (``apscheduler_jobs``) is created by APScheduler itself: its layout
belongs to the APScheduler version installed, not to the gateway's schema.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduler_runs",
        sa.Column("job_id", sa.String(64), primary_key=True),
        sa.Column("last_run_at", UtcDateTime, nullable=False),
        sa.Column("last_result", sa.Text, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("duration_seconds", sa.Float, nullable=False),
        sa.Column("holder", sa.String(128), nullable=False),
    )
    op.create_table(
        "scheduler_lease",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("holder", sa.String(128), nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "request_flags",
        sa.Column("direction", sa.String(8), primary_key=True),
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("flag", sa.String(16), nullable=True),
        sa.Column("flagged_on", sa.Date, nullable=True),
        sa.Column("answer_missing_on", sa.Date, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("request_flags")
    op.drop_table("scheduler_lease")
    op.drop_table("scheduler_runs")
