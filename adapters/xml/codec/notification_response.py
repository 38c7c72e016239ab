"""NotificationResponseMessage and its Push variant (``deliverNotificationResponse[Push]``): the MS of
nationality's receipt or "notification problem" (an NRT code), answering a NOT."""

from __future__ import annotations

from gateway.model.exchange import NotificationResponse, NotificationResponsePush

from .attachments import attachment_of, put_attachment
from .contact import contact_of, put_contact
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .person import person_of, put_person
from .reading import one, required_text
from .texts import ml_of, put_ml


def encode_notification_response(message: NotificationResponse | NotificationResponsePush) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_person(w, M.MessageDataPerson, message.person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    w.leaf(M.MessageDataNotificationResponseTypeReference, message.response_type)
    if message.push:
        put_attachment(w, message.fingerprints, push=True)
    elif message.fingerprints is not None:
        from .errors import EncodeError

        raise EncodeError("a NotificationResponse carries fingerprints only in its Push variant")
    return w.finish()


def _decode(
    element: Element, cls: type[NotificationResponse] | type[NotificationResponsePush]
) -> NotificationResponse | NotificationResponsePush:
    data = message_data(element)
    return cls(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        person=person_of(one(data, M.MessageDataPerson)),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        response_type=required_text(data, M.MessageDataNotificationResponseTypeReference),
        fingerprints=attachment_of(data, push=True) if cls.push else None,
    )


def decode_notification_response(element: Element) -> NotificationResponse | NotificationResponsePush:
    return _decode(element, NotificationResponse)


def decode_notification_response_push(element: Element) -> NotificationResponse | NotificationResponsePush:
    return _decode(element, NotificationResponsePush)


ENCODERS = {
    NotificationResponse: encode_notification_response,
    NotificationResponsePush: encode_notification_response,
}
DECODERS = {
    NotificationResponse.element_name: decode_notification_response,
    NotificationResponsePush.element_name: decode_notification_response_push,
}
