"""ECRIS-TCN: the police's biometric files for queries, encrypted at rest, erased three months after the
reply (Art 12-1(3), AMB-20).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tcn_biometric_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=True),
        sa.Column("received_at", UtcDateTime, nullable=False),
        sa.Column("request_id", sa.String(64), nullable=True),
        sa.Column("replied_on", sa.Date, nullable=True),
        sa.Column("erase_on", sa.Date, nullable=True),
        sa.Column("erased_at", UtcDateTime, nullable=True),
    )
    op.create_index("ix_tcn_biometric_files_person_id", "tcn_biometric_files", ["person_id"])
    op.create_index("ix_tcn_biometric_files_request_id", "tcn_biometric_files", ["request_id"])
    op.create_index("ix_tcn_biometric_files_erase_on", "tcn_biometric_files", ["erase_on"])


def downgrade() -> None:
    op.drop_index("ix_tcn_biometric_files_erase_on", table_name="tcn_biometric_files")
    op.drop_index("ix_tcn_biometric_files_request_id", table_name="tcn_biometric_files")
    op.drop_index("ix_tcn_biometric_files_person_id", table_name="tcn_biometric_files")
    op.drop_table("tcn_biometric_files")
