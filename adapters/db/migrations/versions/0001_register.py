"""The register: persons, decision index, register events, processing journal.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "persons",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("document", JsonDocument, nullable=True),
        sa.Column("digest", sa.String(64), nullable=True),
        sa.Column("erased_on", sa.Date, nullable=True),
        sa.Column("erasure_reason", sa.Text, nullable=True),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("person_id", sa.String(64), sa.ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("decision_id", sa.String(64), primary_key=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("ecris_conviction_id", sa.String(64), nullable=True),
    )
    op.create_index("ix_decisions_ecris_conviction_id", "decisions", ["ecris_conviction_id"])
    op.create_table(
        "register_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("decision_id", sa.String(64), nullable=True),
        sa.Column("occurred_at", UtcDateTime, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("processed_at", UtcDateTime, nullable=True),
    )
    op.create_index("ix_register_events_person_id", "register_events", ["person_id"])
    op.create_table(
        "journal",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("official", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("details", JsonDocument, nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("journal")
    op.drop_table("register_events")
    op.drop_table("decisions")
    op.drop_table("persons")
