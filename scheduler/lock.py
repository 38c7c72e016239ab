"""The scheduler's lock: exactly one scheduler sweeps a store at a time.

- PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) taken on a connection kept for the
  scheduler's life. The server releases it when that session ends, a SIGKILL included. Its key is the pair
  (``LOCK_CLASS``, ``hashtext(current_schema())``), so stores kept in different schemas of one database do
  not block each other.
- SQLite: a lease row in ``scheduler_lease`` (holder, expires at), taken or renewed in one write transaction
  (``BEGIN IMMEDIATE``). The holder renews it while it lives; a killed holder's lease lapses after
  ``scheduler_lease_seconds``, and the next scheduler takes it over.

Leases count in real time (the wall clock), never in the gateway's clock (``ECRIS_GATEWAY_NOW``), which tests
and demos move at will.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from adapters.db.scheduler_tables import scheduler_lease

log = logging.getLogger("ecris.scheduler")

LOCK_CLASS = 0x45_43_52  # "ECR": the first key of the advisory lock pair
LEASE_NAME = "scheduler"


def holder_name() -> str:
    """Who holds the lock: the host and the process."""
    return f"{socket.gethostname()}:{os.getpid()}"


class SchedulerLock(Protocol):
    holder: str

    def try_acquire(self) -> bool:
        """Take the lock (or renew it) if free; whether this scheduler holds it now."""
        ...

    def still_held(self) -> bool:
        """Whether this scheduler still holds the lock (renewing a lease)."""
        ...

    def release(self) -> None: ...


class AdvisoryLock:
    """PostgreSQL: ``pg_try_advisory_lock`` on a session kept open while the lock is held."""

    def __init__(self, engine: Engine, *, holder: str) -> None:
        self._engine = engine
        self.holder = holder
        self._session: Connection | None = None

    def try_acquire(self) -> bool:
        if self._session is not None:
            return self.still_held()
        session = self._engine.connect()
        try:
            taken = bool(session.execute(text("SELECT pg_try_advisory_lock(:c, hashtext(current_schema()))"),
                                         {"c": LOCK_CLASS}).scalar())
            session.commit()  # ends the transaction; a session-level lock outlives it
        except SQLAlchemyError:
            session.close()
            raise
        if not taken:
            session.close()
            return False
        self._session = session
        return True

    def still_held(self) -> bool:
        if self._session is None:
            return False
        try:
            self._session.execute(text("SELECT 1"))
            self._session.commit()
            return True
        except SQLAlchemyError:
            log.warning("the session holding the scheduler's lock was lost")
            self._session.invalidate()
            self._session = None
            return False

    def release(self) -> None:
        if self._session is None:
            return
        try:
            self._session.execute(text("SELECT pg_advisory_unlock(:c, hashtext(current_schema()))"),
                                  {"c": LOCK_CLASS})
            self._session.commit()
        except SQLAlchemyError:
            pass  # the session is gone, and the lock with it
        finally:
            self._session.close()
            self._session = None


class LeaseLock:
    """SQLite: a lease row renewed by its holder; free when absent or lapsed."""

    def __init__(self, engine: Engine, *, holder: str, lease_seconds: float) -> None:
        self._engine = engine
        self.holder = holder
        self._lease = timedelta(seconds=lease_seconds)

    def try_acquire(self) -> bool:
        now = datetime.now(UTC)
        with self._engine.begin() as connection:
            row = connection.execute(select(scheduler_lease).where(scheduler_lease.c.name == LEASE_NAME)).first()
            if row is None:
                connection.execute(insert(scheduler_lease).values(
                    name=LEASE_NAME, holder=self.holder, expires_at=now + self._lease))
                return True
            if row.holder != self.holder and row.expires_at > now:
                return False
            connection.execute(update(scheduler_lease).where(scheduler_lease.c.name == LEASE_NAME)
                               .values(holder=self.holder, expires_at=now + self._lease))
            return True

    def still_held(self) -> bool:
        return self.try_acquire()

    def release(self) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(scheduler_lease).where(scheduler_lease.c.name == LEASE_NAME,
                                                             scheduler_lease.c.holder == self.holder))

    @property
    def renew_every(self) -> float:
        return self._lease.total_seconds() / 3


def lock_for(engine: Engine, *, lease_seconds: float, holder: str | None = None) -> AdvisoryLock | LeaseLock:
    """The lock the store's database offers."""
    who = holder or holder_name()
    if engine.url.get_backend_name() == "postgresql":
        return AdvisoryLock(engine, holder=who)
    return LeaseLock(engine, holder=who, lease_seconds=lease_seconds)
