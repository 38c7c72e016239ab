"""Group commit for the inbox journal: concurrent requests share one durable commit.

Each request thread calls ``record(entry)`` and gets back the state its message got, *after* the
transaction holding that message has committed — so its 202 always follows its own commit. While one
thread (the leader) commits a batch, the others queue up, each parked on a lock of its own; when the
commit is done the leader wakes exactly the threads of its batch and hands the leadership to the oldest
waiting thread, which commits everything queued meanwhile in one transaction. No thread is woken for
nothing. On a single request there is no hand-off and no wait: the caller commits its own message.

The journal holds one DBAPI connection of its own (taken from the engine's pool, so its connect-time
settings apply) and runs its two statements on it directly: begin, look up the batch's IDs, insert, commit.
Only the leader uses it. A driver error discards it; the batch is tried once more on a fresh connection.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from adapters.db.messaging import InboundEntry, driver_statements, journal_with_cursor
from gateway.errors import GatewayError
from gateway.ports import InboxState

log = logging.getLogger("ecris.inbox")


class JournalUnavailable(GatewayError):
    """The inbox journal could not commit: the message was not taken (the sender should retry)."""

    def __init__(self) -> None:
        super().__init__("the message could not be journalled; send it again later")


class _Slot:
    __slots__ = ("entry", "error", "state", "wake")

    def __init__(self, entry: InboundEntry) -> None:
        self.entry = entry
        self.state: InboxState | None = None
        self.error: BaseException | None = None
        self.wake: Any = None
        """Held while the slot's thread waits; released when its message is committed (or refused) or when
        the thread is to lead the next batch."""


class Arrival:
    """A request on its way to ``record`` (parsing, validating): the leader may wait a moment for it."""

    __slots__ = ("expected",)

    def __init__(self) -> None:
        self.expected = True


class GroupCommitJournal:
    """Journal inbound messages with one commit per batch of concurrent callers.

    A caller may announce itself with ``arriving()`` when its request starts and pass the token to
    ``record``: a leader that knows others are on their way waits for them (at most ``max_wait`` seconds)
    before it commits, so one commit serves them all. Alone, nobody waits.
    """

    def __init__(self, engine: Engine, *, max_batch: int = 256, max_wait: float = 0.002,
                 on_commit: Callable[[list[InboxState]], None] | None = None) -> None:
        self._engine = engine
        self._max_batch = max_batch
        self._max_wait = max_wait
        self._on_commit = on_commit
        self._lock = threading.Lock()
        self._arrivals = threading.Condition(self._lock)
        self._in_flight = 0
        self._last_batch = 0
        self._pending: list[_Slot] = []
        self._committing = False
        self._close_after = False
        self._connection: Any = None
        self._statements = driver_statements(engine.dialect)
        dbapi = engine.dialect.loaded_dbapi
        self._dbapi_error: type[Exception] = dbapi.Error
        self._integrity_error: type[Exception] = dbapi.IntegrityError

    def arriving(self) -> Arrival:
        """Announce a request that will call ``record(…, arrival=token)`` or ``withdraw(token)``."""
        with self._lock:
            self._in_flight += 1
        return Arrival()

    def withdraw(self, arrival: Arrival) -> None:
        """The announced request will not be journalled after all (no-op once it was)."""
        with self._lock:
            self._arrived(arrival)

    def _arrived(self, arrival: Arrival | None) -> None:
        if arrival is not None and arrival.expected:
            arrival.expected = False
            self._in_flight -= 1
            if self._in_flight == 0:
                self._arrivals.notify()

    def record(self, entry: InboundEntry, *, arrival: Arrival | None = None) -> InboxState:
        """Journal ``entry`` durably and return its state; raises if the store refused the batch."""
        slot = _Slot(entry)
        with self._lock:
            self._pending.append(slot)
            if self._committing:
                slot.wake = threading.Lock()
                slot.wake.acquire()
            else:
                self._committing = True
            self._arrived(arrival)
        if slot.wake is not None:
            slot.wake.acquire()  # committed, refused, or our turn to lead
        if slot.state is None and slot.error is None:
            self._lead()
        if slot.error is not None:
            raise slot.error
        assert slot.state is not None
        return slot.state

    def _lead(self) -> None:
        """Commit the oldest pending messages (the leader's own among them), wake their threads and pass
        the leadership on to the oldest message still waiting, if any."""
        if self._last_batch > 1 and not self._in_flight:
            time.sleep(0)  # let the threads of the last batch come back with their next requests
        with self._lock:
            if self._in_flight and len(self._pending) < self._max_batch:
                deadline = time.monotonic() + self._max_wait
                while self._in_flight and len(self._pending) < self._max_batch:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    self._arrivals.wait(remaining)
            batch, self._pending = self._pending[: self._max_batch], self._pending[self._max_batch :]
            self._last_batch = len(batch)
        try:
            self._commit(batch)
        finally:
            for slot in batch:
                if slot.state is None and slot.error is None:  # an unexpected error escaped _commit
                    slot.error = JournalUnavailable()
            with self._lock:
                successor = self._pending[0] if self._pending else None
                if successor is None:
                    self._committing = False
                    if self._close_after:
                        self._close_after = False
                        self._release_connection()
            for slot in batch:
                if slot.wake is not None:
                    slot.wake.release()
            if successor is not None:
                successor.wake.release()

    def close(self) -> None:
        """Give the journal's connection back (the next commit takes a new one)."""
        with self._lock:
            if self._committing:
                self._close_after = True  # the last leader gives it back
                return
            self._release_connection()

    def _release_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def _open(self) -> Any:
        if self._connection is None:
            self._connection = self._engine.raw_connection()
        return self._connection

    def _discard(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.invalidate()
            except Exception:  # already broken: nothing more to release
                log.debug("inbox journal: invalidating a broken connection failed", exc_info=True)

    def _write(self, entries: list[InboundEntry]) -> list[InboxState]:
        connection = self._open()
        cursor = connection.cursor()
        try:
            if self._statements.begin is not None:
                cursor.execute(self._statements.begin)
            states = journal_with_cursor(cursor, self._statements, entries)
            connection.commit()
        except BaseException:
            try:
                connection.rollback()
            except self._dbapi_error:
                self._discard()
            raise
        finally:
            cursor.close()
        return states

    def _commit(self, batch: list[_Slot]) -> None:
        entries = [slot.entry for slot in batch]
        states: list[InboxState] = []
        for attempt in (1, 2):
            try:
                states = self._write(entries)
                break
            except self._integrity_error:
                # Another process accepted one of these IDs between our look-up and our insert:
                # judge the batch again against what is committed now.
                if attempt == 2:
                    log.exception("inbox journal: batch of %d refused twice", len(batch))
                    self._fail(batch)
                    return
            except (self._dbapi_error, DBAPIError, OSError):
                # A connection that failed is not used again; a re-sent message is a harmless copy.
                self._discard()
                if attempt == 2:
                    log.exception("inbox journal: cannot commit a batch of %d message(s)", len(batch))
                    self._fail(batch)
                    return
        for slot, state in zip(batch, states, strict=True):
            slot.state = state
        if self._on_commit is not None:
            try:
                self._on_commit(states)
            except Exception:  # a wake-up hook must never undo an answered commit
                log.exception("inbox journal: commit hook failed")

    @staticmethod
    def _fail(batch: list[_Slot]) -> None:
        for slot in batch:
            slot.error = JournalUnavailable()
