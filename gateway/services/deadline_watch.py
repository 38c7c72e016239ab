"""Use case: the deadline watch (the scheduler runs it) — each request of the clerks' queue, received or
sent, flagged *due soon* or *late* on the day (Art 16), the flag stored and each change journalled once;
and the own-record answers still missing after their 20 working days marked, so the bulletin is issued
with the mention (Art 14(1), 16(2); AMB-22)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from gateway.clock import Clock
from gateway.law.deadline_flags import DEFAULT_WARNING_WORKING_DAYS, deadline_flag
from gateway.law.own_record import missing_answer_mention
from gateway.ports import JournalEntry, MessagingUnitOfWork
from gateway.services.outgoing_request_view import OPEN_STATES
from gateway.services.request_queue import request_queue

RequestKey = tuple[str, str]
"""(direction, message ID): ``incoming`` or ``outgoing``, as in the queue's rows."""


@dataclass(frozen=True, slots=True)
class StoredFlag:
    flag: str | None = None
    flagged_on: date | None = None
    answer_missing_on: date | None = None


class RequestFlagStore(Protocol):
    def flags(self) -> Mapping[RequestKey, StoredFlag]: ...

    def set_flag(self, key: RequestKey, flag: str | None, *, on: date) -> None: ...

    def mark_answer_missing(self, key: RequestKey, *, on: date) -> None: ...


class WatchUnitOfWork(MessagingUnitOfWork, Protocol):
    @property
    def request_flags(self) -> RequestFlagStore: ...


@dataclass(frozen=True, slots=True)
class FlagChange:
    direction: str
    message_id: str
    before: str | None
    after: str | None


def watch_deadlines(uow: WatchUnitOfWork, *, on: date, clock: Clock, official: str,
                    warning_working_days: int = DEFAULT_WARNING_WORKING_DAYS) -> list[FlagChange]:
    """Flag every request of the queue on ``on`` (``deadline_flag``); store and journal only the flags that
    changed, so a second sweep on the same day changes and logs nothing. One transaction."""
    changes: list[FlagChange] = []
    with uow:
        stored = uow.request_flags.flags()
        for row in request_queue(uow, on=on):
            flag = deadline_flag(answered=not row.open, working_days_left=row.working_days_left,
                                 warning_working_days=warning_working_days)
            key = (row.direction, row.message_id)
            before = stored.get(key, StoredFlag()).flag
            after = None if flag is None else flag.value
            if after != before:
                uow.request_flags.set_flag(key, after, on=on)
                changes.append(FlagChange(row.direction, row.message_id, before, after))
        now = clock.now()
        uow.journal.append_many([
            JournalEntry(at=now, official=official, action="request.deadline_flag", subject=c.message_id,
                         reason=f"Art 16: {c.before or 'none'} -> {c.after or 'none'}",
                         details={"direction": c.direction, "flag": c.after or "", "on": on.isoformat()})
            for c in changes
        ])
        uow.commit()
    return changes


def mark_missing_own_record_answers(uow: WatchUnitOfWork, *, on: date, clock: Clock, official: str) -> list[str]:
    """Art 14(1), 16(2) (AMB-22) — every own-record request Luxembourg forwarded whose answer is still
    missing after its 20 working days (``missing_answer_mention``) is marked once, and journalled once: the
    bulletin is then issued with the mention « réponse de [État] non parvenue ». The message IDs marked."""
    marked: list[str] = []
    with uow:
        stored = uow.request_flags.flags()
        now = clock.now()
        for request in uow.outgoing_requests.list(own_record=True):
            key = ("outgoing", request.message_id)
            if stored.get(key, StoredFlag()).answer_missing_on is not None:
                continue
            mention = missing_answer_mention(request.to, expected_by=request.expected_by,
                                             answered=request.state not in OPEN_STATES, on=on)
            if not mention.included:
                continue
            uow.request_flags.mark_answer_missing(key, on=on)
            uow.journal.append(JournalEntry(
                at=now, official=official, action="own_record.answer_missing", subject=request.message_id,
                reason=f"Art {mention.article}: {mention.reason}",
                details={"to": request.to, "expected_by": request.expected_by.isoformat()}))
            marked.append(request.message_id)
        uow.commit()
    return marked
