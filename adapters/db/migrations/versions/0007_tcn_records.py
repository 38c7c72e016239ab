"""ECRIS-TCN (Arts 12-1, 12-2): the ledger of records, the queue of operations for the central system,
the police biometric files received (references only), the processing log (Reg 2019/816 Art 31).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tcn_records",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("document", JsonDocument, nullable=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("etias_flag", sa.Boolean, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "tcn_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("document", JsonDocument, nullable=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UtcDateTime, nullable=True),
        sa.Column("sent_at", UtcDateTime, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
    )
    op.create_index("ix_tcn_outbox_person", "tcn_outbox", ["person_id", "id"])
    op.create_index("ix_tcn_outbox_unsent", "tcn_outbox", ["sent_at", "id"])
    op.create_table(
        "tcn_police_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reference", sa.String(128), nullable=False),
        sa.Column("collected_on", sa.Date, nullable=False),
        sa.Column("received_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_tcn_police_files_person_id", "tcn_police_files", ["person_id"])
    op.create_table(
        "tcn_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("official", sa.String(128), nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("reference", sa.String(64), nullable=True),
        sa.Column("transmitted", JsonDocument, nullable=True),
        sa.Column("query_data", JsonDocument, nullable=True),
        sa.Column("outcome", sa.Text, nullable=True),
        sa.Column("purged", sa.Integer, nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tcn_log")
    op.drop_index("ix_tcn_police_files_person_id", table_name="tcn_police_files")
    op.drop_table("tcn_police_files")
    op.drop_index("ix_tcn_outbox_unsent", table_name="tcn_outbox")
    op.drop_index("ix_tcn_outbox_person", table_name="tcn_outbox")
    op.drop_table("tcn_outbox")
    op.drop_table("tcn_records")
