"""Use case: follow each notification Luxembourg sent until the receiving state answers it (Art 12).

A ``NotificationResponse`` confirming receipt (``NRT-00-00``) closes it; any other response type, or a
``FunctionalErrorMessage`` answering it, is a problem reported by that state; no answer within the
configured number of Luxembourg working days leaves it *unanswered*. The problems and the unanswered
ones are listed for a clerk (``notifications list --open``), with the reason in French (the other
state's own words quoted as received).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from gateway.law.wording import day
from gateway.model.exchange import (
    EcrisMessage,
    FunctionalError,
    MessageId,
    MessageType,
    NotificationResponse,
    NotificationResponsePush,
)
from gateway.ports import MessagingUnitOfWork, OutboxState, SentNotification
from gateway.working_days import LUXEMBOURG_WORKING_DAYS, WorkingDays

if TYPE_CHECKING:
    from gateway.services.inbound import HandlerContext

NOTIFICATION_RECEIVED = "NRT-00-00"
"""NotificationResponse type "notification received and processed" (ECRIS-NOTES §5.2)."""
DEFAULT_RESPONSE_WORKING_DAYS = 5
"""Working days a receiving state is given to answer a notification before a clerk is told (an
operational choice: the law sets no deadline for the answer; the setting
``notification_response_working_days`` changes it)."""


UNSENT_WORKING_DAYS = 1
"""R-NOT-1 (Art 12(1) "le plus tôt possible"): a notification still unsent after one working day is
shown to a clerk (the operational choice of RULES.md)."""


class NotificationState(enum.StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    ACKNOWLEDGED = "acknowledged"
    REJECTED = "rejected"
    UNANSWERED = "unanswered"


FOR_A_CLERK = frozenset({NotificationState.FAILED, NotificationState.REJECTED, NotificationState.UNANSWERED})


@dataclass(frozen=True, slots=True)
class TrackedNotification:
    notification: SentNotification
    state: NotificationState
    reason: str | None = None
    answer_due: date | None = None
    overdue: bool = False
    """Still queued after ``UNSENT_WORKING_DAYS`` working day(s): R-NOT-1's alert."""

    @property
    def for_a_clerk(self) -> bool:
        return self.state in FOR_A_CLERK or self.overdue

    @property
    def open(self) -> bool:
        return self.state is not NotificationState.ACKNOWLEDGED


def state_of(
    notification: SentNotification, *, on: date, calendar: WorkingDays, working_days: int
) -> TrackedNotification:
    """Where ``notification`` stands on ``on``: its answer first, then its delivery, then the deadline
    of ``working_days`` Luxembourg working days from the day it was sent."""
    if notification.response_id is not None:
        if notification.problem is None:
            return TrackedNotification(notification, NotificationState.ACKNOWLEDGED)
        return TrackedNotification(notification, NotificationState.REJECTED, notification.problem)
    if notification.outbox_state is OutboxState.FAILED:
        return TrackedNotification(notification, NotificationState.FAILED, "l'envoi a échoué (`outbox list`)")
    if notification.sent_at is None and notification.outbox_state in (None, OutboxState.QUEUED):
        send_by = calendar.after(notification.queued_at, UNSENT_WORKING_DAYS)
        if on > send_by:
            return TrackedNotification(notification, NotificationState.QUEUED,
                                       f"toujours pas envoyée le {day(send_by)}", overdue=True)
        return TrackedNotification(notification, NotificationState.QUEUED)
    due = calendar.after(notification.sent_at or notification.queued_at, working_days)
    if on > due:
        return TrackedNotification(
            notification, NotificationState.UNANSWERED,
            f"pas de réponse en {working_days} jours ouvrables (attendue le {day(due)})", due,
        )
    return TrackedNotification(notification, NotificationState.SENT, None, due)


def tracked_notifications(
    uow: MessagingUnitOfWork,
    *,
    on: date,
    working_days: int = DEFAULT_RESPONSE_WORKING_DAYS,
    calendar: WorkingDays | None = None,
    person_id: str | None = None,
    open_only: bool = False,
) -> list[TrackedNotification]:
    """Every notification sent (about ``person_id``), oldest first, with its state on ``on``;
    ``open_only``: those not yet acknowledged."""
    calendar = calendar or LUXEMBOURG_WORKING_DAYS
    with uow:
        sent = uow.notifications.list(person_id=person_id)
    tracked = [state_of(n, on=on, calendar=calendar, working_days=working_days) for n in sent]
    return [t for t in tracked if t.open] if open_only else tracked


def _problem_of(message: EcrisMessage) -> str | None:
    if isinstance(message, FunctionalError):
        return "erreur fonctionnelle " + "; ".join(
            entry.code + "".join(f" {t.value}" for t in entry.additional_information[:1]) for entry in message.errors
        )
    assert isinstance(message, NotificationResponse | NotificationResponsePush)
    if message.response_type == NOTIFICATION_RECEIVED:
        return None
    remarks = " ".join(t.value for t in message.remarks)
    return f"problème de notification {message.response_type}" + (f" : {remarks}" if remarks else "")


def record_answer(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """An inbound handler: a NotificationResponse, or a FunctionalError answering one of our
    notifications, is written on the notification it answers (nothing is sent back)."""
    response_to = message.metadata.response_to
    if response_to is None or response_to.type is not MessageType.NOTIFICATION:
        return None
    if uow.notifications.get(str(response_to)) is None:
        return None  # a notification sent before the ledger existed, or not about a decision
    problem = _problem_of(message)
    uow.notifications.record_response(
        str(response_to), response_id=str(message.metadata.message_id),
        response_type=message.element_name if isinstance(message, FunctionalError) else _response_type(message),
        problem=None if problem is None else problem[:2000], at=ctx.clock.now(),
    )
    return None  # the inbound service already logs the ALERT of a problem


def _response_type(message: EcrisMessage) -> str:
    assert isinstance(message, NotificationResponse | NotificationResponsePush)
    return message.response_type


def clerk_list(tracked: Sequence[TrackedNotification]) -> list[TrackedNotification]:
    """The notifications a clerk must look at: a problem reported, a failed delivery, no answer in time."""
    return [t for t in tracked if t.for_a_clerk]
