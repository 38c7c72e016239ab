"""Group commit for the inbox journal: concurrent requests share one durable commit.

Each request thread calls ``record(entry)`` and gets back the state its message got, *after* the
transaction holding that message has committed — so its 202 always follows its own commit. While one
thread (the leader) commits a batch, the others queue up; the next leader takes all of them at once.
On a single request there is no hand-off: the caller commits its own message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from adapters.db.messaging import InboundEntry, journal_entries
from gateway.errors import GatewayError
from gateway.ports import InboxState

log = logging.getLogger("ecris.inbox")


class JournalUnavailable(GatewayError):
    """The inbox journal could not commit: the message was not taken (the sender should retry)."""

    def __init__(self) -> None:
        super().__init__("the message could not be journalled; send it again later")


class _Slot:
    __slots__ = ("entry", "error", "state")

    def __init__(self, entry: InboundEntry) -> None:
        self.entry = entry
        self.state: InboxState | None = None
        self.error: BaseException | None = None


class GroupCommitJournal:
    """Journal inbound messages with one commit per batch of concurrent callers."""

    def __init__(self, engine: Engine, *, max_batch: int = 256,
                 on_commit: Callable[[list[InboxState]], None] | None = None) -> None:
        self._engine = engine
        self._max_batch = max_batch
        self._on_commit = on_commit
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._pending: list[_Slot] = []
        self._committing = False

    def record(self, entry: InboundEntry) -> InboxState:
        """Journal ``entry`` durably and return its state; raises if the store refused the batch."""
        slot = _Slot(entry)
        with self._lock:
            self._pending.append(slot)
            while slot.state is None and slot.error is None:
                if self._committing:
                    self._done.wait()
                    continue
                self._committing = True
                batch, self._pending = self._pending[: self._max_batch], self._pending[self._max_batch :]
                self._lock.release()
                try:
                    self._commit(batch)
                finally:
                    self._lock.acquire()
                    self._committing = False
                    self._done.notify_all()
        if slot.error is not None:
            raise slot.error
        assert slot.state is not None
        return slot.state

    def _commit(self, batch: list[_Slot]) -> None:
        entries = [slot.entry for slot in batch]
        for attempt in (1, 2):
            try:
                with self._engine.begin() as connection:
                    states = journal_entries(connection, entries)
                break
            except IntegrityError:
                # Another process accepted one of these IDs between our look-up and our insert:
                # judge the batch again against what is committed now.
                if attempt == 2:
                    log.exception("inbox journal: batch of %d refused twice", len(batch))
                    self._fail(batch)
                    return
            except (DBAPIError, OSError):
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
