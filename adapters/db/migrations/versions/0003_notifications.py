"""Outbound notifications: what Luxembourg notified to whom, and the answers (Art 12).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_notifications",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("decision_id", sa.String(64), nullable=False),
        sa.Column("receiver", sa.String(8), nullable=False),
        sa.Column("conviction_id", sa.String(32), nullable=False),
        sa.Column("act", sa.String(16), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("queued_at", UtcDateTime, nullable=False),
        sa.Column("response_id", sa.String(64), nullable=True),
        sa.Column("response_type", sa.String(64), nullable=True),
        sa.Column("responded_at", UtcDateTime, nullable=True),
        sa.Column("problem", sa.Text, nullable=True),
        sa.UniqueConstraint("message_id", name="uq_outgoing_notifications_message_id"),
    )
    op.create_index("ix_outgoing_notifications_person", "outgoing_notifications", ["person_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_outgoing_notifications_person", table_name="outgoing_notifications")
    op.drop_table("outgoing_notifications")
