"""The inbox processor: takes journalled messages in order and applies each whole or not at all.

Messages waiting together are handled in one transaction, each in a savepoint of its own: claim the oldest
message still to handle (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` makes the
claim exclusive), decode it, let the core act on it, queue what it answers and mark it — all inside its
savepoint, released only when the whole of it succeeded, rolled back otherwise (then the message is refused
with a functional error, again in its own savepoint). The transaction commits after at most
``BATCH_MESSAGES`` messages or ``BATCH_SECONDS``, so a burst shares its commits while the store's write lock
is never held long. A message is answered only by a commit that also marks it processed; a crash before the
commit leaves the whole batch pending, to be handled again (nothing of it was kept). Several server
processes may run one each.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.soap.messages import MessageReader
from gateway.ports import InboxRecord, InboxState
from gateway.services.inbound import InboundService, MessageProblem, Outcome, ReceivedMessage, Rejection

log = logging.getLogger("ecris.inbox")

BATCH_MESSAGES = 16
"""The most messages one transaction handles (each in its own savepoint)."""
BATCH_SECONDS = 0.02
"""No message is begun in a transaction older than this: the write lock is not held long."""


class InboxProcessor:
    def __init__(self, *, uow: Callable[[], SqlUnitOfWork], service: InboundService, reader: MessageReader) -> None:
        self._uow = uow
        self._service = service
        self._reader = reader
        self._wake = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def process_one(self) -> bool:
        """Handle the oldest pending message; False when there is none."""
        return self._process_batch(1) > 0

    def _process_batch(self, most: int) -> int:
        """Handle up to ``most`` pending messages in one transaction (each in its savepoint); how many."""
        done: list[tuple[InboxRecord, Outcome]] = []
        deadline = time.monotonic() + BATCH_SECONDS
        with self._uow() as uow:
            while len(done) < most and (not done or time.monotonic() < deadline):
                record = uow.inbox.claim_next()
                if record is None:
                    break
                received = self._received(record, uow.inbox.body(record.id))
                done.append((record, self._apply(uow, record, received)))
            uow.commit()
        for record, outcome in done:
            log.info("inbox: %s %s → %s%s", record.type, record.message_id, outcome.state.value,
                     f" (reply {outcome.reply_id})" if outcome.reply_id else "")
        return len(done)

    def _apply(self, uow: SqlUnitOfWork, record: InboxRecord, received: ReceivedMessage) -> Outcome:
        """The message applied whole in a savepoint, or refused (in another) after that savepoint is undone."""
        savepoint = uow.connection.begin_nested()
        try:
            outcome = self._service.handle(uow, received)
        except Rejection as rejection:
            savepoint.rollback()
            return self._refuse(uow, received, rejection.problems)
        except Exception:
            savepoint.rollback()
            log.exception("inbox: processing message %s failed", record.message_id)
            return self._refuse(uow, received, [MessageProblem("FE-90001", "the message could not be processed")])
        savepoint.commit()
        return outcome

    def _refuse(self, uow: SqlUnitOfWork, received: ReceivedMessage,
                problems: tuple[MessageProblem, ...] | list[MessageProblem]) -> Outcome:
        with uow.connection.begin_nested():
            return self._service.refuse(uow, received, problems)

    def _received(self, record: InboxRecord, body: bytes) -> ReceivedMessage:
        read = self._reader.read(body)
        return ReceivedMessage(
            inbox_id=record.id,
            message_id=record.message_id,
            element_name=record.type or "",
            counterpart=record.counterpart,
            message=read.message,
            quarantined=record.state is InboxState.QUARANTINED,
            problems=tuple(read.problems),
            flags=tuple(read.flags),
        )

    def process_pending(self, limit: int | None = None) -> int:
        """Handle pending messages (at most ``limit``) until none is left; how many."""
        done = 0
        while limit is None or done < limit:
            handled = self._process_batch(BATCH_MESSAGES if limit is None else min(BATCH_MESSAGES, limit - done))
            if not handled:
                break
            done += handled
        return done

    def run(self, stop: threading.Event, *, interval: float = 1.0,
            on_processed: Callable[[], None] | None = None) -> None:
        """Process until ``stop`` is set, woken by ``wake()`` or every ``interval`` seconds."""
        while not stop.is_set():
            self._wake.clear()
            try:
                if self.process_pending() and on_processed is not None:
                    on_processed()
            except Exception:
                log.exception("inbox processor: sweep failed")
            self._wake.wait(interval)

    def start(self, stop: threading.Event, *, interval: float = 1.0,
              on_processed: Callable[[], None] | None = None) -> threading.Thread:
        thread = threading.Thread(target=self.run, args=(stop,),
                                  kwargs={"interval": interval, "on_processed": on_processed},
                                  name="inbox-processor", daemon=True)
        thread.start()
        return thread
