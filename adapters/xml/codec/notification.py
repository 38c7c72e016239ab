"""NotificationMessage and NotificationPushMessage (``deliverNotification[Push]``): one conviction, its
updates re-sent whole under the same ConvictionID."""

from __future__ import annotations

from gateway.model.exchange import Notification, NotificationPush

from .attachments import attachment_of, put_attachment
from .contact import contact_of, put_contact
from .conviction import (
    conviction_of,
    other_affected_of,
    put_conviction,
    put_other_affected,
    put_updated_reference,
    updated_reference_of,
)
from .errors import DecodeError
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .person import person_of, put_person
from .reading import need, one
from .texts import ml_of, put_ml


def encode_notification(message: Notification | NotificationPush) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_person(w, M.MessageDataPerson, message.person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    put_conviction(w, message.conviction)
    put_updated_reference(w, message.updated_conviction)
    put_other_affected(w, message.other_affected)
    put_attachment(w, message.fingerprints, push=message.push)
    return w.finish()


def _decode(
    element: Element, cls: type[Notification] | type[NotificationPush]
) -> Notification | NotificationPush:
    data = message_data(element)
    person = person_of(need(data, M.MessageDataPerson))
    if person is None:  # pragma: no cover - need() raised
        raise DecodeError("MessageDataPerson is missing")
    return cls(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        person=person,
        conviction=conviction_of(need(data, M.MessageDataConviction)),
        updated_conviction=updated_reference_of(data),
        other_affected=other_affected_of(data),
        fingerprints=attachment_of(data, push=cls.push),
    )


def decode_notification(element: Element) -> Notification | NotificationPush:
    return _decode(element, Notification)


def decode_notification_push(element: Element) -> Notification | NotificationPush:
    return _decode(element, NotificationPush)


ENCODERS = {Notification: encode_notification, NotificationPush: encode_notification}
DECODERS = {
    Notification.element_name: decode_notification,
    NotificationPush.element_name: decode_notification_push,
}
