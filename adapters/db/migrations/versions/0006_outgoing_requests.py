"""Luxembourg's own requests (Art 13) and the own-record requests it forwards (Art 14), with the requested
State's deadline (Art 16) and the answer received.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_requests",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), nullable=False, unique=True),
        sa.Column("receiver", sa.String(8), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("purpose_key", sa.String(64), nullable=False),
        sa.Column("purpose_code", sa.String(16), nullable=False),
        sa.Column("authority", sa.Text, nullable=False),
        sa.Column("consent", sa.String(8), nullable=False),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("own_record", sa.Boolean, nullable=False),
        sa.Column("bulletin_number", sa.Integer, nullable=True),
        sa.Column("sent_at", UtcDateTime, nullable=False),
        sa.Column("expected_by", sa.Date, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("announced_deadline", sa.Date, nullable=True),
        sa.Column("response_id", sa.String(64), nullable=True),
        sa.Column("response_type", sa.String(64), nullable=True),
        sa.Column("answered_at", UtcDateTime, nullable=True),
        sa.Column("convictions", JsonDocument, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_outgoing_requests_person", "outgoing_requests", ["person_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_outgoing_requests_person", table_name="outgoing_requests")
    op.drop_table("outgoing_requests")
