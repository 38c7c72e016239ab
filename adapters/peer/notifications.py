"""The simulated Member State as a convicting State: it notifies the gateway of a conviction of one of the
gateway's nationals (FD 2009/315 Art 4(2)), and of its later changes or deletion (Art 4(3)).

The conviction is the fictitious one of ``behaviour.sample_conviction``; the person is whoever the caller
describes. The message is queued in the peer's outbox; the running peer (``ecris-gateway peer``) delivers it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime

from adapters.peer.behaviour import sample_conviction
from gateway.model.exchange import (
    ConvictionDecision,
    ConvictionReference,
    EcrisPerson,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    Notification,
    PersonName,
    Place,
    YesNoUnknown,
    ml,
)
from gateway.model.partial_date import PartialDate
from gateway.ports import MessagingUnitOfWork
from gateway.services.ecris_mapping import country_code
from gateway.services.outbox import new_message_id


class Change(enum.StrEnum):
    """What the notification says: a new conviction, a pardon of it, or its deletion from the register."""

    NEW = "new"
    PARDON = "pardon"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class NotifiedPerson:
    surname: str
    forenames: str
    born: date
    birth_place: str
    birth_country: str = "LU"
    national_number: str | None = None
    nationalities: tuple[str, ...] = ("LU",)


def ecris_person_of(person: NotifiedPerson) -> EcrisPerson:
    """The person as the simulated State's messages identify them."""
    return EcrisPerson(
        name=PersonName(NameText(person.forenames), NameText(person.surname)),
        birth_date=PartialDate.of(person.born),
        birth_place=Place(town_name=ml(person.birth_place), country=country_code(person.birth_country)),
        nationalities=tuple(country_code(n) for n in person.nationalities),
        identity_number=person.national_number,
    )


def notification_of(person: NotifiedPerson, *, message_id: MessageId, now: datetime, conviction_serial: int,
                    change: Change = Change.NEW) -> Notification:
    """The NotificationMessage of the simulated State's conviction ``conviction_serial`` of ``person``."""
    state = message_id.sender
    conviction = sample_conviction(state, conviction_serial)
    if change is not Change.NEW:
        later = ConvictionDecision(
            id="D-00002", decision_date=now.date(),
            change_types=("DCH-00-O",) if change is Change.PARDON else ("DCH-00-X",),
            delete_from_register=YesNoUnknown.YES if change is Change.DELETE else YesNoUnknown.NO,
            remarks=ml("Pardon (simulated)" if change is Change.PARDON else "Removed from the register (simulated)",
                       "en"),
        )
        conviction = replace(conviction, decisions=(*conviction.decisions, later))
    return Notification(
        metadata=MessageMetadata(message_id, now),
        person=ecris_person_of(person),
        remarks=ml("Simulated Member State: fictitious data.", "en"),
        conviction=conviction,
        updated_conviction=None if change is Change.NEW else ConvictionReference(ecris_id=conviction.id),
    )


def queue_notification(uow: MessagingUnitOfWork, person: NotifiedPerson, *, state: str, receiver: str,
                       now: datetime, conviction_serial: int | None = None,
                       change: Change = Change.NEW) -> Notification:
    """Queue, in the simulated State's outbox, its notification to ``receiver`` (the caller commits).
    ``conviction_serial`` defaults to the message's serial (a new conviction); give the first one's to
    update or delete it."""
    message_id = new_message_id(uow.outbox, sender=state, receiver=receiver, message_type=MessageType.NOTIFICATION)
    message = notification_of(person, message_id=message_id, now=now,
                              conviction_serial=conviction_serial or message_id.serial, change=change)
    uow.outbox.queue(message)
    return message
