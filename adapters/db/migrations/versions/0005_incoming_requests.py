"""The ledger of the Art 15 requests received from other Member States: state, due date (Art 16(1)),
the additional identification information asked and received, the answer.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incoming_requests",
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("sender", sa.String(8), nullable=False),
        sa.Column("purpose_code", sa.String(32), nullable=False),
        sa.Column("purpose_key", sa.String(64), nullable=True),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("person_id", sa.String(64), nullable=True),
        sa.Column("received_at", UtcDateTime, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("clock_started_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("deadline_ids", sa.Text, nullable=True),
        sa.Column("additional_info_id", sa.String(64), nullable=True),
        sa.Column("additional_info_asked", sa.Text, nullable=True),
        sa.Column("additional_info_reply_id", sa.String(64), nullable=True),
        sa.Column("additional_info_reply_at", UtcDateTime, nullable=True),
        sa.Column("response_id", sa.String(64), nullable=True),
        sa.Column("response_type", sa.String(16), nullable=True),
        sa.Column("answered_at", UtcDateTime, nullable=True),
        sa.Column("answered_by", sa.String(128), nullable=True),
    )
    op.create_index("ix_incoming_requests_additional_info_id", "incoming_requests", ["additional_info_id"])
    op.create_index("ix_incoming_requests_state_due", "incoming_requests", ["state", "due_on"])


def downgrade() -> None:
    op.drop_index("ix_incoming_requests_state_due", table_name="incoming_requests")
    op.drop_index("ix_incoming_requests_additional_info_id", table_name="incoming_requests")
    op.drop_table("incoming_requests")
