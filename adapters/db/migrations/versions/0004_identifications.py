"""Identification of notified persons: the identity index and the clerk's queue (Art 1(2) 2), Art 3);
the requests for copies of the States of nationality with their due dates (Art 12(3), AMB-15).

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.create_table(
        "person_keys",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
    )
    op.create_index("ix_person_keys_lookup", "person_keys", ["kind", "key"])
    op.create_table(
        "identifications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("sender", sa.String(8), nullable=False),
        sa.Column("conviction_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("candidates", JsonDocument, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("person_id", sa.String(64), nullable=True),
        sa.Column("reply_id", sa.String(64), nullable=True),
        sa.Column("resolved_at", UtcDateTime, nullable=True),
        sa.Column("resolved_by", sa.String(128), nullable=True),
    )
    op.create_index("ix_identifications_message_id", "identifications", ["message_id"])
    op.create_table(
        "copy_requests",
        sa.Column("message_id", sa.String(64), primary_key=True),
        sa.Column("sender", sa.String(8), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("answered_at", UtcDateTime, nullable=True),
        sa.Column("reply_id", sa.String(64), nullable=True),
    )
    _index_persons_held(keys)


def _index_persons_held(keys: sa.Table) -> None:
    """The keys of the persons already in the register, read from their stored documents."""
    from adapters.db.identifications import key_rows
    from adapters.files.register_format import person_from_json

    persons = sa.table("persons", sa.column("id"), sa.column("document", JsonDocument), sa.column("erased_on"))
    connection = op.get_bind()
    batch = []
    for row in connection.execute(sa.select(persons.c.document).where(persons.c.erased_on.is_(None))):
        if row.document is None:
            continue
        person, _ = person_from_json(row.document)
        batch.extend(key_rows([person]))
        if len(batch) >= 5000:
            op.bulk_insert(keys, batch)
            batch = []
    if batch:
        op.bulk_insert(keys, batch)


def downgrade() -> None:
    op.drop_table("copy_requests")
    op.drop_index("ix_identifications_message_id", table_name="identifications")
    op.drop_table("identifications")
    op.drop_index("ix_person_keys_lookup", table_name="person_keys")
    op.drop_table("person_keys")
