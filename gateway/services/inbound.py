"""Use case: act on an inbound ECRIS message that the endpoint has journalled (schema-valid).

Runs inside one unit of work per message, so the message is applied whole or not at all, together with
any reply it causes (queued in the outbox in the same transaction) and its new inbox state.

Order of checks, each answered with a FunctionalErrorMessage (FE codes: ``FunctionalErrorCode``):
1. a second copy under an accepted ID with different content (quarantined) → DUPLICATE_MESSAGE_ID;
2. problems the codec found (IDs/IDREFs, message-ID type and parties, codes in strict mode);
3. the message ID: its type must be the element's, its receiver this Member State;
4. correlation: ``ResponseTo`` must name a message we sent to that State (a cancellation: one it sent us);
5. what the message type requires (e.g. a notified conviction must be its sender's and inscribable).
A FunctionalErrorMessage is never answered with another one (no ping-pong): it is only recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from gateway.clock import Clock
from gateway.law.copies import is_copy_request
from gateway.model.exchange import (
    UNKNOWN_COUNTRY,
    Cancellation,
    EcrisMessage,
    FunctionalError,
    IsAlive,
    MessageId,
    MessageType,
    Notification,
    NotificationPush,
    NotificationResponse,
    NotificationResponsePush,
    Request,
    RequestAdditionalInfoResponse,
    RequestAdditionalInfoResponsePush,
    RequestPush,
)
from gateway.model.reference_tables import FunctionalErrorCode
from gateway.ports import EuroRates, InboxState, JournalEntry, MessagingUnitOfWork
from gateway.services import notification_tracking, request_answers
from gateway.services.additional_identification import receive_additional_information
from gateway.services.additional_info_answer import answer_additional_info
from gateway.services.ecris_mapping import country_code
from gateway.services.incoming_copy_request import answer_copy_request
from gateway.services.incoming_notification import NotificationRefused, receive_notification
from gateway.services.incoming_request import answer_information_request
from gateway.services.outbox import queue_functional_error

log = logging.getLogger("ecris.inbound")

NOTIFICATION_RECEIVED = "NRT-00-00"
"""NotificationResponse type "notification received and processed" (ECRIS-NOTES §5.2)."""

@dataclass(frozen=True, slots=True)
class MessageProblem:
    """A reason to answer with a functional error: an FE code and a text free of personal data."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """A journalled message as the adapter hands it over (decoded, with the codec's findings)."""

    inbox_id: int
    message_id: str | None
    element_name: str
    counterpart: str | None
    message: EcrisMessage | None
    quarantined: bool = False
    problems: tuple[MessageProblem, ...] = ()
    flags: tuple[str, ...] = ()
    """What a clerk should look at although the message is acceptable (e.g. a well-formed code the
    reference tables do not know, outside strict mode); recorded as the note of the processed message."""


@dataclass(frozen=True, slots=True)
class Outcome:
    state: InboxState
    reply_id: str | None = None
    note: str | None = None


class Rejection(Exception):
    """Raised by a handler: answer with a functional error (nothing the handler did is kept)."""

    def __init__(self, problems: Sequence[MessageProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.text for p in problems))


@dataclass(frozen=True, slots=True)
class HandlerContext:
    member_state: str
    clock: Clock
    official: str
    rates: EuroRates | None = None


Handler = Callable[[MessagingUnitOfWork, EcrisMessage, HandlerContext], MessageId | None]
"""Applies one message type; returns the ID of a reply it queued, if any; raises ``Rejection``."""


def misaddressing(message_id: MessageId, member_state: str) -> str | None:
    """Why ``message_id`` cannot be a message to this gateway, or None when it may be.

    A message is for us only when its ID names ``member_state`` as receiver and another Member State as
    sender (``SS-RR-TTT-…``, ECRIS-NOTES §3). Anything else is refused at the door and never answered: an
    answer would be addressed to ourselves, or minted in another State's name.
    """
    if message_id.receiver != member_state:
        return f"the message ID is addressed to {message_id.receiver}, not {member_state}"
    if message_id.sender == member_state:
        return f"the message ID names {member_state}, this gateway's own Member State, as its sender"
    return None


def is_national_of(country_references: Sequence[str], member_state: str) -> bool:
    """Whether a country reference ``CO-nn-nnn-AAA`` names ``member_state`` (by its alpha-3 part, so that
    a reference from a national extension table counts too)."""
    reference = country_code(member_state)
    if reference == UNKNOWN_COUNTRY:
        return False
    alpha3 = reference.rsplit("-", 1)[1]
    return any(ref.strip().endswith("-" + alpha3) for ref in country_references)


def answer_notification(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """Art 1(2) 2), FD 2009/315/JHA Art 4–5: the State of nationality inscribes what it is notified about its
    nationals and answers (``gateway.services.incoming_notification``). A notification about someone who is
    not our national is answered "not a national" and not inscribed; one whose person is uncertain waits
    for a clerk and is answered when resolved."""
    assert isinstance(message, Notification | NotificationPush)
    try:
        receipt = receive_notification(uow, message, national=is_national_of(message.person.nationalities,
                                                                             ctx.member_state),
                                       member_state=ctx.member_state, clock=ctx.clock, official=ctx.official,
                                       rates=ctx.rates)
    except NotificationRefused as refused:
        raise Rejection([MessageProblem(refused.code, str(refused))]) from refused
    return receipt.reply_id


def answer_request(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """Told apart by the purpose code alone (``gateway.law.copies.is_copy_request``): an Art 12(3) request
    for copies is answered from the register by ``incoming_copy_request`` (one it does not admit is only
    recorded); any other request is an Art 15 request, answered by ``incoming_request``."""
    assert isinstance(message, Request | RequestPush)
    if is_copy_request(message.purpose_category):
        return answer_copy_request(uow, message, member_state=ctx.member_state, clock=ctx.clock,
                                   official=ctx.official)
    return answer_information_request(uow, message, member_state=ctx.member_state, clock=ctx.clock,
                                      official=ctx.official)


def answer_additional_information(uow: MessagingUnitOfWork, message: EcrisMessage,
                                  ctx: HandlerContext) -> MessageId | None:
    """Art 15, Art 16(1): the requesting State's reply to our request for additional identification
    information; the waiting request is identified again and answered (``additional_identification``)."""
    assert isinstance(message, RequestAdditionalInfoResponse | RequestAdditionalInfoResponsePush)
    return receive_additional_information(uow, message, member_state=ctx.member_state, clock=ctx.clock,
                                          official=ctx.official)


def record_only(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    """Nothing more to do here: the message is journalled and its correlation recorded."""
    return None


DEFAULT_HANDLERS: Mapping[str, Handler] = {
    "NotificationMessage": answer_notification,
    "NotificationPushMessage": answer_notification,
    "RequestMessage": answer_request,
    "RequestPushMessage": answer_request,
    # Answers to our notifications close or flag them (issue 8 point 4).
    "NotificationResponseMessage": notification_tracking.record_answer,
    "NotificationResponsePushMessage": notification_tracking.record_answer,
    # Replies to our requests for additional identification data answer the waiting request (issue 9 point 3).
    "RequestAdditionalInfoResponseMessage": answer_additional_information,
    "RequestAdditionalInfoResponsePushMessage": answer_additional_information,
    # Answers to our requests (Arts 13, 14) are stored on them; an error goes to what it answers.
    "RequestResponseMessage": request_answers.record_response,
    "RequestResponsePushMessage": request_answers.record_response,
    "RequestDeadlineMessage": request_answers.record_deadline,
    "FunctionalErrorMessage": request_answers.record_functional_error,
    # A State identifying the person of our request or notification asks for more data (issue 9 point 5).
    "RequestAdditionalInfoMessage": answer_additional_info,
}


@dataclass
class InboundService:
    member_state: str
    clock: Clock
    official: str = "system"
    handlers: Mapping[str, Handler] = field(default_factory=lambda: dict(DEFAULT_HANDLERS))
    rates: EuroRates | None = None

    def handle(self, uow: MessagingUnitOfWork, received: ReceivedMessage) -> Outcome:
        """Act on ``received`` inside ``uow`` (the caller commits) and record its new inbox state.

        A handler's ``Rejection`` propagates: roll back, then call ``refuse`` in a new unit of work.
        """
        outcome = self._decide(uow, received)
        self._record(uow, received, outcome)
        return outcome

    def _record(self, uow: MessagingUnitOfWork, received: ReceivedMessage, outcome: Outcome) -> None:
        uow.inbox.mark(received.inbox_id, outcome.state, error=outcome.note, reply_id=outcome.reply_id)
        if received.message_id and outcome.state is not InboxState.QUARANTINED:
            uow.journal.append(JournalEntry(
                at=self.clock.now(), official=self.official, action=f"ecris_{outcome.state.value}",
                subject=received.message_id, reason=outcome.note or received.element_name,
                details={"type": received.element_name, "from": received.counterpart or "",
                         "reply": outcome.reply_id or ""},
            ))

    def _decide(self, uow: MessagingUnitOfWork, received: ReceivedMessage) -> Outcome:
        message_id = _parse_id(received.message_id)
        if received.quarantined:
            return self._refuse(uow, received, message_id, InboxState.QUARANTINED, [MessageProblem(
                FunctionalErrorCode.DUPLICATE_MESSAGE_ID.value,
                "a message with this ID and different content was received before")])
        problems = list(received.problems)
        message = received.message
        if message is None and not problems:
            problems.append(MessageProblem(FunctionalErrorCode.INVALID_CONTENT.value,
                                           "the message could not be read"))
        if message is not None and not problems:
            problems = self._contract_problems(uow, message, received.counterpart)
        if problems or message is None:
            return self._refuse(uow, received, message_id, InboxState.REJECTED, problems)
        if isinstance(message, IsAlive):
            return Outcome(InboxState.PROCESSED)
        response_to = message.metadata.response_to
        if response_to is not None and not isinstance(message, Cancellation):
            uow.outbox.acknowledge(str(response_to), by=str(message.metadata.message_id))
        if isinstance(message, FunctionalError):
            codes = ", ".join(entry.code for entry in message.errors)
            log.warning("ALERT %s reports functional error(s) %s on %s", message.metadata.sender, codes,
                        response_to)
        if isinstance(message, NotificationResponse | NotificationResponsePush) and (
            message.response_type != NOTIFICATION_RECEIVED
        ):
            log.warning("ALERT %s reports notification problem %s on %s", message.metadata.sender,
                        message.response_type, response_to)
        handler = self.handlers.get(received.element_name, record_only)
        reply = handler(uow, message, HandlerContext(self.member_state, self.clock, self.official, self.rates))
        note = None
        if received.flags:
            note = ("flagged for a clerk: " + "; ".join(received.flags))[:2000]
            log.warning("message %s accepted with %d flag(s) for a clerk", received.message_id,
                        len(received.flags))
        return Outcome(InboxState.PROCESSED, reply_id=None if reply is None else str(reply), note=note)

    def _contract_problems(self, uow: MessagingUnitOfWork, message: EcrisMessage,
                           counterpart: str | None) -> list[MessageProblem]:
        metadata = message.metadata
        mismatch = FunctionalErrorCode.MESSAGE_ID_MISMATCH.value
        problems: list[MessageProblem] = []
        if metadata.message_id.type is not message.message_type:
            problems.append(MessageProblem(mismatch, f"a {message.element_name} needs a "
                                                     f"{message.message_type.value} message ID"))
        if (reason := misaddressing(metadata.message_id, self.member_state)) is not None:
            problems.append(MessageProblem(mismatch, reason))
        response_to = metadata.response_to
        if response_to is None or problems:
            return problems
        if response_to.type not in message.response_to_types:
            problems.append(MessageProblem(mismatch, f"a {message.element_name} cannot answer a "
                                                     f"{response_to.type.value} message"))
            return problems
        unknown = MessageProblem(FunctionalErrorCode.UNKNOWN_CORRELATION.value,
                                 f"ResponseTo {response_to} names no message this gateway "
                                 + ("received from the sender" if isinstance(message, Cancellation)
                                    else "sent to the sender"))
        if isinstance(message, Cancellation):
            # A State cancels its own earlier message: same sender, same receiver, in our inbox.
            if (response_to.sender, response_to.receiver) != (metadata.sender, metadata.receiver) or (
                uow.inbox.accepted(str(response_to), sender=metadata.sender) is None
            ):
                problems.append(unknown)
            return problems
        sent = uow.outbox.get(str(response_to))
        if sent is None or sent.counterpart != metadata.sender:
            problems.append(unknown)
        return problems

    def _refuse(self, uow: MessagingUnitOfWork, received: ReceivedMessage, message_id: MessageId | None,
                state: InboxState, problems: Sequence[MessageProblem]) -> Outcome:
        note = "; ".join(f"{p.code} {p.text}" for p in problems)[:2000] or None
        if message_id is None:
            return Outcome(state, note=(note or "") + " (no usable message ID: nothing sent back)")
        if misaddressing(message_id, self.member_state) is not None:
            # Journalled before the door refused such messages: an answer would speak in another
            # State's name or go to ourselves.
            return Outcome(state, note=(note or "") + " (not addressed to us by another State: nothing sent back)")
        if message_id.type is MessageType.FUNCTIONAL_ERROR or received.element_name == "FunctionalErrorMessage":
            log.warning("ALERT functional error message %s refused (not answered): %s", message_id, note)
            return Outcome(state, note=note)
        if message_id.type is MessageType.IS_ALIVE:
            return Outcome(state, note=note)
        reply = queue_functional_error(
            uow.outbox, member_state=self.member_state, clock=self.clock, answering=message_id,
            errors=[(p.code, p.text) for p in problems],
        )
        log.info("message %s refused with functional error %s", message_id, reply)
        return Outcome(state, reply_id=str(reply), note=note)

    def refuse(self, uow: MessagingUnitOfWork, received: ReceivedMessage,
               problems: Sequence[MessageProblem]) -> Outcome:
        """After a handler's ``Rejection`` (the caller rolled its work back): answer and record."""
        outcome = self._refuse(uow, received, _parse_id(received.message_id), InboxState.REJECTED, problems)
        self._record(uow, received, outcome)
        return outcome


def _parse_id(text: str | None) -> MessageId | None:
    if text is None:
        return None
    try:
        return MessageId.parse(text)
    except ValueError:
        return None
