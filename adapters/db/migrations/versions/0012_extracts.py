"""The register of issued electronic extracts: what was issued under each document number, its digest
and signed payload, and its revocation.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extracts",
        sa.Column("document_number", sa.String(32), primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("bulletin_number", sa.Integer, nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("issued_at", UtcDateTime, nullable=False),
        sa.Column("issued_by", sa.Text, nullable=False),
        sa.Column("nil", sa.Boolean, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("revoked_at", UtcDateTime, nullable=True),
        sa.Column("revoked_by", sa.Text, nullable=True),
        sa.Column("revocation_reason", sa.Text, nullable=True),
    )
    op.create_index("ix_extracts_person_id", "extracts", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_extracts_person_id", table_name="extracts")
    op.drop_table("extracts")
