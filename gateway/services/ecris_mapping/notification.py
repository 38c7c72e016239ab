"""The NotificationMessage of one of the sending state's convictions to another Member State."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from gateway.clock import legal_date
from gateway.law.notification_duty import notifiable_decision
from gateway.model.conviction import Decision
from gateway.model.exchange import (
    ContactPerson,
    ConvictionDecision,
    ConvictionReference,
    MessageId,
    MessageMetadata,
    MessageType,
    Notification,
    YesNoUnknown,
)
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import Person
from gateway.model.reference_tables import ReferenceTables, Table
from gateway.services.ecris_mapping.codes import DECISION_CHANGE_CODES, _code
from gateway.services.ecris_mapping.conviction import conviction_of
from gateway.services.ecris_mapping.errors import EcrisMappingError, NotNotifiable
from gateway.services.ecris_mapping.person import _natural, person_identity_of
from gateway.services.ecris_mapping.texts import _ml


def notification_for(
    person: Person,
    decision: Decision,
    *,
    message_id: MessageId | int,
    receiver: str,
    now: datetime,
    conviction_id: str | None = None,
    sending_state: str = LUXEMBOURG,
    update: bool = False,
    deletion: str | None = None,
    contact_person: ContactPerson | None = None,
    tables: ReferenceTables | None = None,
) -> Notification:
    """The NotificationMessage of one of ``sending_state``'s convictions to the Member State ``receiver``.

    ``message_id``: the allocated ``MessageId``, or its serial. ``conviction_id`` defaults to the
    decision's ``ecris_conviction_id`` (allocated when it was first notified). ``update`` re-sends the
    whole conviction under the same ID and says so (``MessageDataUpdatedConvictionReference``).
    ``deletion`` (its reason, in French) asks the receiver to remove the conviction: the conviction as
    last notified, under the same ID and reference, with one more decision of change type "other"
    (``DCH-00-X``) dated ``now`` whose ``DecisionDeleteConvictionFromRegister`` is ``Yes`` (ECRIS-NOTES
    §2.3: v1.0 has no deletion message); the decision need not be notifiable any more.
    Raises ``LegalPersonNotSupported`` for a legal person, ``NotNotifiable`` for a foreign decision or a
    suspension of the pronouncement (R-NOT-1), ``EcrisMappingError`` for what the contract cannot carry.
    """
    natural = _natural(person)
    ruling = notifiable_decision(natural, decision, on=legal_date(now))
    if not ruling.included and deletion is None:
        raise NotNotifiable(f"decision {decision.id} is not notified: {ruling.reason} (Art {ruling.article})")
    if not is_member_state(receiver) or receiver == sending_state:
        raise EcrisMappingError(f"{receiver!r} is not another Member State")
    if isinstance(message_id, int):
        message_id = MessageId(sending_state, receiver, MessageType.NOTIFICATION, message_id)
    if (message_id.sender, message_id.receiver, message_id.type) != (
        sending_state,
        receiver,
        MessageType.NOTIFICATION,
    ):
        raise EcrisMappingError(
            f"message ID {message_id} is not a notification from {sending_state} to {receiver}"
        )
    conviction_id = conviction_id or decision.ecris_conviction_id
    if conviction_id is None:
        raise EcrisMappingError(f"decision {decision.id} has no ECRIS conviction ID yet")
    conviction = conviction_of(
        natural, decision, conviction_id=conviction_id, sending_state=sending_state, tables=tables
    )
    if deletion is not None:
        removal = ConvictionDecision(
            id=f"D-{len(conviction.decisions) + 1:05d}",
            delete_from_register=YesNoUnknown.YES,
            change_types=(_code(tables, Table.DECISION_CHANGE_TYPES, "other", DECISION_CHANGE_CODES["other"]),),
            decision_date=legal_date(now),
            remarks=_ml(f"Suppression du casier judiciaire : {deletion}.", 4000),
        )
        conviction = replace(conviction, decisions=(*conviction.decisions, removal))
    return Notification(
        metadata=MessageMetadata(message_id, now),
        contact_person=contact_person,
        person=person_identity_of(natural, tables=tables),
        conviction=conviction,
        updated_conviction=ConvictionReference(ecris_id=conviction_id) if update or deletion is not None else None,
    )
