"""The simulated Member State's requests for criminal-record information (FD 2009/315 Art 6; Art 15 of the law
on the Luxembourg side): fictitious data, for the demo and the tests."""

from __future__ import annotations

from datetime import datetime

from adapters.peer.notifications import NotifiedPerson, ecris_person_of
from gateway.law.request_purposes import purpose_named
from gateway.model.exchange import (
    MessageMetadata,
    MessageType,
    Request,
    RequestingAuthority,
    YesNoUnknown,
    ml,
)
from gateway.ports import MessagingUnitOfWork
from gateway.services.outbox import new_message_id


def queue_request(uow: MessagingUnitOfWork, person: NotifiedPerson, *, state: str, receiver: str, now: datetime,
                  purpose: str, consent: YesNoUnknown = YesNoUnknown.UNKNOWN, urgent: bool = False) -> Request:
    """Queue, in the simulated State's outbox, its request to ``receiver`` about ``person`` for ``purpose`` (a key
    or code of the purpose table), with the person's ``consent`` as stated (the caller commits)."""
    row = purpose_named(purpose)
    message_id = new_message_id(uow.outbox, sender=state, receiver=receiver, message_type=MessageType.REQUEST)
    request = Request(
        metadata=MessageMetadata(message_id, now),
        person=ecris_person_of(person),
        purpose_category=row.code,
        purpose=ml(f"{row.key} (simulated)", "en"),
        requesting_authority=RequestingAuthority("RAT-99-A", ml("Simulated requesting authority", "en")),
        consent=consent,
        urgency=YesNoUnknown.YES if urgent else YesNoUnknown.NO,
    )
    uow.outbox.queue(request)
    return request
