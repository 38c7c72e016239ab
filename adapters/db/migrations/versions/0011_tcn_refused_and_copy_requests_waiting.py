"""An ECRIS-TCN operation the central system refused is failed, not retried (``tcn_outbox.failed_at``); an
Art 12(3) copy request the gateway could not answer by itself waits in the clerks' queue with the reason
(``copy_requests.note``).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from adapters.db.types import UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tcn_outbox") as table:
        table.add_column(sa.Column("failed_at", UtcDateTime, nullable=True))
    with op.batch_alter_table("copy_requests") as table:
        table.add_column(sa.Column("note", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("copy_requests") as table:
        table.drop_column("note")
    with op.batch_alter_table("tcn_outbox") as table:
        table.drop_column("failed_at")
