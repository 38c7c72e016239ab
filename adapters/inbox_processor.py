"""The inbox processor: takes journalled messages one by one and applies each whole or not at all.

One unit of work per message: claim the oldest message still to handle (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` makes the claim exclusive), decode it, let the core act on it,
queue what it answers, mark it, commit. Several server processes may run one each.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.soap.messages import MessageReader
from gateway.ports import InboxRecord, InboxState
from gateway.services.inbound import InboundService, MessageProblem, ReceivedMessage, Rejection

log = logging.getLogger("ecris.inbox")


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
        with self._uow() as uow:
            record = uow.inbox.claim_next()
            if record is None:
                return False
            received = self._received(record, uow.inbox.body(record.id))
            try:
                outcome = self._service.handle(uow, received)
            except Rejection as rejection:
                uow.rollback()
                return self._refuse(record.id, received, rejection.problems)
            except Exception:
                uow.rollback()
                log.exception("inbox: processing message %s failed", record.message_id)
                return self._refuse(record.id, received, [MessageProblem(
                    "FE-90001", "the message could not be processed")])
            uow.commit()
        log.info("inbox: %s %s → %s%s", record.type, record.message_id, outcome.state.value,
                 f" (reply {outcome.reply_id})" if outcome.reply_id else "")
        return True

    def _refuse(self, inbox_id: int, received: ReceivedMessage, problems: tuple[MessageProblem, ...] | list[
            MessageProblem]) -> bool:
        with self._uow() as uow:
            record = uow.inbox.claim_next()
            if record is None or record.id != inbox_id:
                return True  # someone else took it meanwhile
            self._service.refuse(uow, received, problems)
            uow.commit()
        return True

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
        done = 0
        while (limit is None or done < limit) and self.process_one():
            done += 1
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
