"""The 15-digit serials of the message IDs this gateway allocates, unique across processes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from adapters.db.messaging.driver import DriverStatements, _cursor, driver_statements
from adapters.db.messaging.errors import MessagingError

SERIAL_BLOCK_MAX = 64
"""The most serials ``SqlOutbox`` takes at once (blocks double from 1 within a transaction)."""


def _allocate(cursor: Any, statements: DriverStatements, count: int) -> list[int]:
    cursor.execute(statements.serials, (count,))
    rows = cursor.fetchall()
    if statements.dialect == "postgresql":
        serials = [int(row[0]) for row in rows]
    else:
        if not rows:
            raise MessagingError("the message serial row is missing (run the migrations)")
        last = int(rows[0][0])
        serials = list(range(last - count + 1, last + 1))
    if serials[-1] >= 10**15:
        raise MessagingError("the 15-digit message serial is exhausted")
    return serials


def allocate_serials(connection: Connection, count: int = 1) -> list[int]:
    """``count`` fresh message serials, unique across every process sharing the store.

    PostgreSQL: a sequence (no lock held until commit; a rolled-back transaction leaves a gap, never a
    reuse). SQLite: a counter row updated inside the caller's ``BEGIN IMMEDIATE`` transaction (rolled back
    with it).
    """
    if count < 1:
        return []
    cursor = _cursor(connection)
    try:
        return _allocate(cursor, driver_statements(connection.dialect), count)
    finally:
        cursor.close()
