"""The outbox sender: delivers queued messages, retries with exponential back-off, gives up with an alert.

At-least-once under one ID: the envelope (and so the message ID) was fixed when the message was queued;
a crash between the peer's 202 and our "sent" mark only means the same bytes go again, which the
peer's journal recognises as a duplicate.

Never two deliveries of one message at the same time:
- PostgreSQL: each message is locked with ``SELECT … FOR UPDATE SKIP LOCKED`` for the whole delivery
  (its transaction stays open across the POST and ends with the new state), so other sender processes
  skip it; a crashed sender's lock dies with its connection.
- SQLite: a short ``BEGIN IMMEDIATE`` transaction claims a batch for this worker until a lease expires
  (longer than the batch's timeouts); claims of a dead process on this host are released at start-up.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from adapters.db.messaging import DueMessage, SqlOutbox, outbox
from adapters.soap.client import Delivery, PeerDirectory, PeerUnknown
from gateway.clock import Clock, SystemClock
from gateway.ports import OutboxState

log = logging.getLogger("ecris.outbox")

MAX_BACKOFF_SECONDS = 3600.0


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class OutboxSender:
    def __init__(
        self,
        *,
        engine: Engine,
        peers: PeerDirectory,
        max_attempts: int,
        backoff_seconds: float,
        clock: Clock | None = None,
        worker: str | None = None,
        batch: int = 8,
        lease_seconds: float = 60.0,
    ) -> None:
        self._engine = engine
        self._peers = peers
        self._max_attempts = max(1, max_attempts)
        self._backoff = max(0.0, backoff_seconds)
        # Scheduling runs on real time even when ECRIS_GATEWAY_NOW fixes the application clock.
        self._clock = clock or SystemClock()
        self.worker = worker or worker_name()
        self._batch = batch
        self._lease = timedelta(seconds=lease_seconds)
        self._postgres = engine.dialect.name == "postgresql"

    # ------------------------------------------------------------------------------------------ loop

    def run_once(self) -> int:
        """Deliver what is due now; the number of delivery attempts made."""
        return self._run_postgres() if self._postgres else self._run_sqlite()

    def run(self, stop: threading.Event, *, interval: float = 0.5, wake: threading.Event | None = None) -> None:
        self.release_dead_claims()
        while not stop.is_set():
            try:
                done = self.run_once()
            except Exception:
                log.exception("outbox sender: sweep failed")
                done = 0
            if done == 0:
                if wake is not None:
                    wake.wait(interval)
                    wake.clear()
                else:
                    stop.wait(interval)

    def start(self, stop: threading.Event, *, interval: float = 0.5,
              wake: threading.Event | None = None) -> threading.Thread:
        thread = threading.Thread(target=self.run, args=(stop,), kwargs={"interval": interval, "wake": wake},
                                  name="outbox-sender", daemon=True)
        thread.start()
        return thread

    # ------------------------------------------------------------------------------------------ SQLite

    def _run_sqlite(self) -> int:
        lease = self._lease * self._batch
        with self._engine.begin() as connection:
            claimed = SqlOutbox(connection, self._clock, None).claim_due(
                worker=self.worker, lease=lease, limit=self._batch
            )
        for due in claimed:
            delivery = self._deliver(due)
            with self._engine.begin() as connection:
                self._record(SqlOutbox(connection, self._clock, None), due, delivery)
        return len(claimed)

    def release_dead_claims(self) -> int:
        """Clear SQLite claims left by a sender process of this host that no longer runs."""
        if self._postgres:
            return 0
        host = socket.gethostname()
        released = 0
        with self._engine.begin() as connection:
            rows = connection.execute(
                select(outbox.c.message_id, outbox.c.claimed_by).where(
                    outbox.c.state == OutboxState.QUEUED.value, outbox.c.claimed_by.is_not(None)
                )
            ).all()
            for message_id, claimed_by in rows:
                owner_host, _, rest = str(claimed_by).partition(":")
                pid_text = rest.partition(":")[0]
                if owner_host != host or not pid_text.isdigit() or _alive(int(pid_text)):
                    continue
                connection.execute(update(outbox).where(outbox.c.message_id == message_id)
                                   .values(claimed_by=None, claimed_until=None))
                released += 1
        if released:
            log.warning("outbox: released %d claim(s) of a sender that stopped mid-delivery", released)
        return released

    # ------------------------------------------------------------------------------------------ PostgreSQL

    def _run_postgres(self) -> int:
        done = 0
        while done < self._batch:
            with self._engine.begin() as connection:
                repository = SqlOutbox(connection, self._clock, None)
                due = repository.lock_next_due()
                if due is None:
                    break
                self._record(repository, due, self._deliver(due))
            done += 1
        return done

    # ------------------------------------------------------------------------------------------ common

    def _deliver(self, due: DueMessage) -> Delivery:
        try:
            client = self._peers.client(due.counterpart)
        except PeerUnknown as error:
            return Delivery(False, permanent=True, detail=str(error))
        return client.post(due.envelope, element_name=due.type)

    def _record(self, repository: SqlOutbox, due: DueMessage, delivery: Delivery) -> None:
        attempt = due.attempts + 1
        if delivery.accepted:
            repository.mark_sent(due.message_id)
            log.info("outbox: %s %s sent to %s (attempt %d, %s)", due.type, due.message_id, due.counterpart,
                     attempt, delivery.detail)
            return
        if delivery.permanent or attempt >= self._max_attempts:
            repository.mark_failed(due.message_id, error=delivery.detail)
            log.error("ALERT outbox: %s %s to %s failed after %d attempt(s): %s", due.type, due.message_id,
                      due.counterpart, attempt, delivery.detail)
            return
        delay = min(self._backoff * (2 ** (attempt - 1)), MAX_BACKOFF_SECONDS)
        repository.mark_retry(due.message_id, error=delivery.detail,
                              next_attempt_at=self._clock.now() + timedelta(seconds=delay))
        log.warning("outbox: %s %s to %s not delivered (attempt %d: %s); next try in %.1f s", due.type,
                    due.message_id, due.counterpart, attempt, delivery.detail, delay)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
