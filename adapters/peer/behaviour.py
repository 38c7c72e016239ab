"""How the simulated Member State answers: what a central authority of another State would send back.

- a notification → a NotificationResponse "received" (NRT-00-00);
- a request → a RequestResponse: ``convictions`` (``Behaviour.convictions`` fictitious convictions, RRT-00-00;
  with ``known`` surnames, only for those persons, none for the others), ``none`` (no conviction, RRT-00-00),
  ``deny`` (RRT-00-01, refusal), or nothing at all (``silent``); optionally preceded by a RequestDeadline
  (``deadline``), or by a RequestAdditionalInfo asking ``ask`` (the response then follows the gateway's
  RequestAdditionalInfoResponse).
The data is fictitious and marked so; nothing here is a real record.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from gateway.model.exchange import (
    AdditionalInformation,
    Amount,
    ConvictionDecision,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisMessage,
    EcrisOffence,
    EcrisPerson,
    EcrisSanction,
    MessageId,
    MessageType,
    NameText,
    NotificationResponse,
    PersonName,
    Place,
    Request,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    RequestDeadline,
    RequestPush,
    RequestResponse,
    SentencedPeriod,
    YesNoUnknown,
    ml,
)
from gateway.ports import MessagingUnitOfWork
from gateway.services.ecris_mapping import country_code
from gateway.services.inbound import NOTIFICATION_RECEIVED, Handler, HandlerContext
from gateway.services.outbox import reply_metadata

REQUEST_SUCCESSFUL = "RRT-00-00"
REQUEST_DENIAL = "RRT-00-01"

class Answer(enum.StrEnum):
    CONVICTIONS = "convictions"
    NONE = "none"
    DENY = "deny"
    SILENT = "silent"


_SAMPLES = (
    # (offence title, Annex A category, sanction title, Annex B category, sentence)
    ("Theft (simulated)", "O-00-050100", "Fine (simulated)", "S-00-008001", None),  # 750 EUR
    ("Driving under the influence (simulated)", "O-00-070100", "Imprisonment (simulated)", "S-00-001001", "P6M"),
    ("Fraud (simulated)", "O-00-060100", "Fine (simulated)", "S-00-008001", None),
)


def sample_conviction(state: str, serial: int, index: int = 1) -> EcrisConviction:
    """A fictitious conviction by a court of ``state``; ``index`` (from 1) numbers its decision, offence and
    sanction so that several convictions in one message keep their IDs unique (xsd:ID)."""
    offence, category, sanction, sanction_category, sentence = _SAMPLES[(index - 1) % len(_SAMPLES)]
    decided = date(2023 - index + 1, 3, 14)
    d, o, s = f"D-{index:05d}", f"O-{index:05d}", f"S-{index:05d}"
    return EcrisConviction(
        id=f"{state}-C-{serial:015d}",
        convicting_country=country_code(state),
        deciding_authority=DecidingAuthority(ml("Tribunal (simulated Member State)", "en")),
        decisions=(ConvictionDecision(id=d, decision_date=decided, final_date=decided + timedelta(days=31)),),
        file_number=f"SIM-{serial}",
        decision_date=decided,
        final_date=decided + timedelta(days=31),
        is_transmittable=YesNoUnknown.YES,
        offences=(EcrisOffence(id=o, national_title=ml(offence, "en"), common_category=category,
                               legal_provisions="Simulated code art. 1", is_continuous=YesNoUnknown.NO),),
        sanctions=(EcrisSanction(id=s, national_title=ml(sanction, "en"), common_category=sanction_category,
                                 sentenced_period=None if sentence is None
                                 else SentencedPeriod(YesNoUnknown.YES, duration=sentence),
                                 fine_amount=None if sentence else Amount(750),
                                 fine_currency=None if sentence else "CX-00-978-EUR"),),
        relationships=(DecisionToOffences(d, (o,)), DecisionToSanctions(d, (s,))),
    )


@dataclass(frozen=True, slots=True)
class Behaviour:
    """How the simulated State answers requests (``peer`` options)."""

    answer: Answer = Answer.CONVICTIONS
    convictions: int = 1
    known: tuple[str, ...] = ()
    """Surnames of the persons it holds convictions of; empty: it holds them of everyone asked about."""
    deadline: bool = False
    ask: tuple[AdditionalInformation, ...] = ()


UNKNOWN_PERSON = EcrisPerson(name=PersonName(NameText("UNKNOWN"), NameText("UNKNOWN")),
                             birth_place=Place(town_name=ml("UNKNOWN")))


def peer_handlers(answer: Answer | Behaviour) -> dict[str, Handler]:
    behaviour = answer if isinstance(answer, Behaviour) else Behaviour(answer)

    def notification(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
        metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                  answering=message.metadata.message_id,
                                  message_type=MessageType.NOTIFICATION_RESPONSE)
        uow.outbox.queue(NotificationResponse(metadata=metadata, response_type=NOTIFICATION_RECEIVED))
        return metadata.message_id

    def respond(uow: MessagingUnitOfWork, ctx: HandlerContext, request_id: MessageId,
                person: EcrisPerson) -> MessageId | None:
        if behaviour.answer is Answer.SILENT:
            return None
        if behaviour.deadline:
            announced = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                       answering=request_id, message_type=MessageType.REQUEST_DEADLINE)
            uow.outbox.queue(RequestDeadline(metadata=announced, deadline=ctx.clock.now().date() + timedelta(days=14)))
        metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                  answering=request_id, message_type=MessageType.REQUEST_RESPONSE)
        known = not behaviour.known or person.name.surname.value.upper() in {k.upper() for k in behaviour.known}
        convictions = tuple(
            sample_conviction(ctx.member_state, metadata.message_id.serial * 10 + i, i)
            for i in range(1, behaviour.convictions + 1)
        ) if behaviour.answer is Answer.CONVICTIONS and known else ()
        response_type = REQUEST_DENIAL if behaviour.answer is Answer.DENY else REQUEST_SUCCESSFUL
        uow.outbox.queue(RequestResponse(metadata=metadata, person=person, response_type=response_type,
                                         convictions=convictions))
        return metadata.message_id

    def request(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
        assert isinstance(message, Request | RequestPush)
        if behaviour.ask and behaviour.answer is not Answer.SILENT:
            metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                      answering=message.metadata.message_id,
                                      message_type=MessageType.REQUEST_ADDITIONAL_INFO)
            uow.outbox.queue(RequestAdditionalInfo(metadata=metadata, requested=behaviour.ask))
            return metadata.message_id
        return respond(uow, ctx, message.metadata.message_id, message.person)

    def additional_info(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
        """The gateway's answer to our question: the request it was about is answered now."""
        assert isinstance(message, RequestAdditionalInfoResponse)
        asked = uow.outbox.get(str(message.metadata.response_to))
        if asked is None or asked.response_to is None:
            return None
        request_id = MessageId.parse(asked.response_to)
        if request_id.type is not MessageType.REQUEST:
            return None
        return respond(uow, ctx, request_id, message.person or UNKNOWN_PERSON)

    return {
        "NotificationMessage": notification,
        "NotificationPushMessage": notification,
        "RequestMessage": request,
        "RequestPushMessage": request,
        "RequestAdditionalInfoResponseMessage": additional_info,
    }
