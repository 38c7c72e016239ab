"""Outbound notifications: what Luxembourg notified to whom, and the answers (Art 12).

The notifications queued by ``notify`` before this ledger existed are entered from the processing journal
(``ecris.notify`` entries name the person, decision, message and ConvictionID), so that they are not sent
again as new convictions. What they carried is not known: their fingerprint is left empty, and the first
reconciliation sends each receiver the conviction once more as an update under the same ConvictionID.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import JsonDocument, UtcDateTime

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
    _enter_earlier_notifications()


def _enter_earlier_notifications() -> None:
    journal = sa.table(
        "journal", sa.column("id", sa.Integer), sa.column("at", UtcDateTime), sa.column("action", sa.String),
        sa.column("subject", sa.String), sa.column("details", JsonDocument),
    )
    ledger = sa.table(
        "outgoing_notifications", *(sa.column(name) for name in (
            "message_id", "person_id", "decision_id", "receiver", "conviction_id", "act", "digest")),
        sa.column("queued_at", UtcDateTime),
    )
    rows = op.get_bind().execute(
        sa.select(journal.c.at, journal.c.subject, journal.c.details)
        .where(journal.c.action == "ecris.notify").order_by(journal.c.id)
    ).all()
    entries = []
    for at, person_id, details in rows:
        message_id = str(details.get("message_id") or "")
        if len(message_id) < 5 or not details.get("decision") or not details.get("conviction_id"):
            continue
        entries.append({
            "message_id": message_id, "person_id": person_id, "decision_id": details["decision"],
            "receiver": message_id[3:5], "conviction_id": details["conviction_id"], "act": "notification",
            "digest": "", "queued_at": at,
        })
    if entries:
        op.bulk_insert(ledger, list({e["message_id"]: e for e in entries}.values()))


def downgrade() -> None:
    op.drop_index("ix_outgoing_notifications_person", table_name="outgoing_notifications")
    op.drop_table("outgoing_notifications")
