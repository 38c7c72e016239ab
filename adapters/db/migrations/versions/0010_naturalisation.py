"""The annual naturalisation transfer (Art 14(3)): transfers, their rows done, their requests with the
supplied extracts.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "naturalisation_transfers",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("reference", sa.String(128), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("started_at", UtcDateTime, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
    )
    op.create_index("ix_naturalisation_transfers_year", "naturalisation_transfers", ["year"])
    op.create_table(
        "naturalisation_persons",
        sa.Column("transfer_id", sa.String(80), sa.ForeignKey("naturalisation_transfers.id"), primary_key=True),
        sa.Column("row_index", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=True),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("actions", JsonDocument, nullable=False),
        sa.Column("requests_sent", sa.Integer, nullable=False),
        sa.Column("convictions_inscribed", sa.Integer, nullable=False),
        sa.Column("problems", JsonDocument, nullable=False),
    )
    op.create_table(
        "naturalisation_requests",
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("transfer_id", sa.String(80), nullable=False),
        sa.Column("row_index", sa.Integer, nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("extract_date", sa.Date, nullable=True),
        sa.Column("extract", JsonDocument, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("settled_at", UtcDateTime, nullable=True),
    )
    op.create_index("ix_naturalisation_requests_outcome", "naturalisation_requests", ["outcome"])
    op.create_index("ix_naturalisation_requests_transfer", "naturalisation_requests", ["transfer_id", "row_index"])


def downgrade() -> None:
    op.drop_index("ix_naturalisation_requests_transfer", table_name="naturalisation_requests")
    op.drop_index("ix_naturalisation_requests_outcome", table_name="naturalisation_requests")
    op.drop_table("naturalisation_requests")
    op.drop_table("naturalisation_persons")
    op.drop_index("ix_naturalisation_transfers_year", table_name="naturalisation_transfers")
    op.drop_table("naturalisation_transfers")
