"""The simulated Member State answers Luxembourg's requests for additional identification information
(``RequestAdditionalInfo`` → ``RequestAdditionalInfoResponse``), as a requesting State must, "whether
additional ID info is available or not" (ECRIS-NOTES §2.2).

What it can add is what ``peer-request --when-asked-…`` kept when it queued its request: the person as the
simulated State knows them, kept in its own processing journal under the request's message ID (fictitious
data: this is a test aid). With it the answer is "available" and carries that person; without it, "not
available" and no person.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from adapters.peer.notifications import NotifiedPerson, ecris_person_of
from gateway.model.exchange import (
    EcrisMessage,
    MessageId,
    MessageType,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
)
from gateway.ports import JournalEntry, MessagingUnitOfWork
from gateway.services.inbound import Handler, HandlerContext
from gateway.services.outbox import reply_metadata

KEPT = "peer.identity_when_asked"
AVAILABLE = "ART-99-00"
NOT_AVAILABLE = "ART-99-01"
"""The project's provisional additional-info response types (schemas/reference-tables/additional-info-response-types.csv)."""


def keep_identity_when_asked(uow: MessagingUnitOfWork, request_id: MessageId, person: NotifiedPerson, *,
                             now: datetime) -> None:
    """Keep, in the simulated State's journal, the person it will describe if asked about ``request_id``."""
    details = {field.name: "" if value is None else (",".join(value) if isinstance(value, tuple) else str(value))
               for field in dataclasses.fields(person) for value in [getattr(person, field.name)]}
    uow.journal.append(JournalEntry(at=now, official="peer", action=KEPT, subject=str(request_id),
                                    reason="what the simulated State answers if asked for more identification data",
                                    details=details))


def identity_when_asked(uow: MessagingUnitOfWork, request_id: str) -> NotifiedPerson | None:
    """The person kept for ``request_id``, if any."""
    entry = next((e for e in reversed(uow.journal.entries()) if e.action == KEPT and e.subject == request_id), None)
    if entry is None:
        return None
    d = entry.details
    return NotifiedPerson(surname=d["surname"], forenames=d["forenames"], born=date.fromisoformat(d["born"]),
                          birth_place=d["birth_place"], birth_country=d["birth_country"],
                          national_number=d["national_number"] or None,
                          nationalities=tuple(n for n in d["nationalities"].split(",") if n))


def answer_additional_info(uow: MessagingUnitOfWork, message: EcrisMessage, ctx: HandlerContext) -> MessageId | None:
    assert isinstance(message, RequestAdditionalInfo)
    asked_about = message.metadata.response_to
    person = None if asked_about is None else identity_when_asked(uow, str(asked_about))
    metadata = reply_metadata(uow.outbox, member_state=ctx.member_state, clock=ctx.clock,
                              answering=message.metadata.message_id,
                              message_type=MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE)
    uow.outbox.queue(RequestAdditionalInfoResponse(
        metadata=metadata, response_type=NOT_AVAILABLE if person is None else AVAILABLE,
        person=None if person is None else ecris_person_of(person)))
    return metadata.message_id


def additional_info_handlers() -> dict[str, Handler]:
    return {"RequestAdditionalInfoMessage": answer_additional_info}
