"""How the simulated Member State answers: what a central authority of another State would send back.

- a notification → a NotificationResponse "received" (NRT-00-00);
- a request → a RequestResponse: ``convictions`` (one fictitious conviction, RRT-00-00), ``none`` (no
  conviction, RRT-00-00), ``deny`` (RRT-00-01, refusal), or nothing at all (``silent``).
The data is fictitious and marked so; nothing here is a real record.
"""

from __future__ import annotations

import enum
from datetime import date

from gateway.model.exchange import (
    ConvictionDecision,
    DecidingAuthority,
    DecisionToOffences,
    DecisionToSanctions,
    EcrisConviction,
    EcrisMessage,
    EcrisOffence,
    EcrisSanction,
    MessageId,
    MessageType,
    NotificationResponse,
    Request,
    RequestPush,
    RequestResponse,
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


def sample_conviction(state: str, serial: int) -> EcrisConviction:
    """One fictitious conviction by a court of ``state``."""
    return EcrisConviction(
        id=f"{state}-C-{serial:015d}",
        convicting_country=country_code(state),
        deciding_authority=DecidingAuthority(ml("Tribunal (simulated Member State)", "en")),
        decisions=(ConvictionDecision(id="D-00001", decision_date=date(2023, 3, 14),
                                      final_date=date(2023, 4, 14)),),
        file_number=f"SIM-{serial}",
        decision_date=date(2023, 3, 14),
        final_date=date(2023, 4, 14),
        is_transmittable=YesNoUnknown.YES,
        offences=(EcrisOffence(id="O-00001", national_title=ml("Theft (simulated)", "en"),
                               common_category="O-00-050100", legal_provisions="Simulated code art. 1",
                               is_continuous=YesNoUnknown.NO),),
        sanctions=(EcrisSanction(id="S-00001", national_title=ml("Fine (simulated)", "en"),
                                 common_category="S-00-008001"),),
        relationships=(DecisionToOffences("D-00001", ("O-00001",)), DecisionToSanctions("D-00001", ("S-00001",))),
    )


def peer_handlers(answer: Answer) -> dict[str, Handler]:
    def notification(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
        metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                  answering=message.metadata.message_id,
                                  message_type=MessageType.NOTIFICATION_RESPONSE)
        uow.outbox.queue(NotificationResponse(metadata=metadata, response_type=NOTIFICATION_RECEIVED))
        return metadata.message_id

    def request(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
        assert isinstance(message, Request | RequestPush)
        if answer is Answer.SILENT:
            return None
        metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                                  answering=message.metadata.message_id,
                                  message_type=MessageType.REQUEST_RESPONSE)
        convictions = (
            (sample_conviction(ctx.member_state, metadata.message_id.serial),)
            if answer is Answer.CONVICTIONS else ()
        )
        response_type = REQUEST_DENIAL if answer is Answer.DENY else REQUEST_SUCCESSFUL
        uow.outbox.queue(RequestResponse(metadata=metadata, person=message.person, response_type=response_type,
                                         convictions=convictions))
        return metadata.message_id

    return {
        "NotificationMessage": notification,
        "NotificationPushMessage": notification,
        "RequestMessage": request,
        "RequestPushMessage": request,
    }
