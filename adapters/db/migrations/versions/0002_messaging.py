"""ECRIS messaging: inbox journal, outbox, message-ID serial.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_SEQUENCE = "ecris_message_serial_seq"


def upgrade() -> None:
    op.create_table(
        "ecris_inbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), nullable=True),
        sa.Column("accepted_key", sa.String(64), nullable=True),
        sa.Column("type", sa.String(64), nullable=True),
        sa.Column("counterpart", sa.String(8), nullable=True),
        sa.Column("response_to", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("received_at", UtcDateTime, nullable=False),
        sa.Column("headers", JsonDocument, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("reply_id", sa.String(64), nullable=True),
        sa.Column("handled_at", UtcDateTime, nullable=True),
        sa.UniqueConstraint("accepted_key", name="uq_ecris_inbox_accepted_key"),
    )
    op.create_index("ix_ecris_inbox_message_id", "ecris_inbox", ["message_id"])
    op.create_index("ix_ecris_inbox_pending", "ecris_inbox", ["state", "handled_at"])
    op.create_table(
        "ecris_outbox",
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(64), nullable=False),
        sa.Column("counterpart", sa.String(8), nullable=False),
        sa.Column("response_to", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("envelope", sa.LargeBinary, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UtcDateTime, nullable=False),
        sa.Column("claimed_by", sa.String(128), nullable=True),
        sa.Column("claimed_until", UtcDateTime, nullable=True),
        sa.Column("sent_at", UtcDateTime, nullable=True),
        sa.Column("acknowledged_at", UtcDateTime, nullable=True),
        sa.Column("acknowledged_by", sa.String(64), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
    )
    op.create_index("ix_ecris_outbox_due", "ecris_outbox", ["state", "next_attempt_at"])
    serial = op.create_table(
        "ecris_message_serial",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(serial, [{"name": "message", "value": 0}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE SEQUENCE IF NOT EXISTS {PG_SEQUENCE} START 1 MAXVALUE 999999999999999")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP SEQUENCE IF EXISTS {PG_SEQUENCE}")
    op.drop_table("ecris_message_serial")
    op.drop_index("ix_ecris_outbox_due", table_name="ecris_outbox")
    op.drop_table("ecris_outbox")
    op.drop_index("ix_ecris_inbox_pending", table_name="ecris_inbox")
    op.drop_index("ix_ecris_inbox_message_id", table_name="ecris_inbox")
    op.drop_table("ecris_inbox")
