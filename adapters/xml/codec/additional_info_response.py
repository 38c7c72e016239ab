"""RequestAdditionalInfoResponseMessage and its Push variant (``deliverRequestAdditionalInfoResponse[Push]``):
the answer to a RAI, whether or not the information is available (an ART code)."""

from __future__ import annotations

from gateway.model.exchange import RequestAdditionalInfoResponse, RequestAdditionalInfoResponsePush

from .attachments import attachment_of, put_attachment
from .contact import contact_of, put_contact
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .person import person_of, put_person
from .reading import one, required_text
from .texts import collapsed_ml_of, ml_of, put_ml

Message = RequestAdditionalInfoResponse | RequestAdditionalInfoResponsePush


def encode_additional_info_response(message: Message) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_person(w, M.MessageDataPerson, message.person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    put_ml(w, M.MessageDataRequestPurpose, message.request_purpose)
    w.leaf(M.MessageDataRequestAdditionalInfoResponseTypeReference, message.response_type)
    put_attachment(w, message.fingerprints, push=message.push)
    return w.finish()


def _decode(
    element: Element, cls: type[RequestAdditionalInfoResponse] | type[RequestAdditionalInfoResponsePush]
) -> Message:
    data = message_data(element)
    return cls(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        person=person_of(one(data, M.MessageDataPerson)),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        request_purpose=collapsed_ml_of(one(data, M.MessageDataRequestPurpose)),
        response_type=required_text(data, M.MessageDataRequestAdditionalInfoResponseTypeReference),
        fingerprints=attachment_of(data, push=cls.push),
    )


def decode_additional_info_response(element: Element) -> Message:
    return _decode(element, RequestAdditionalInfoResponse)


def decode_additional_info_response_push(element: Element) -> Message:
    return _decode(element, RequestAdditionalInfoResponsePush)


ENCODERS = {
    RequestAdditionalInfoResponse: encode_additional_info_response,
    RequestAdditionalInfoResponsePush: encode_additional_info_response,
}
DECODERS = {
    RequestAdditionalInfoResponse.element_name: decode_additional_info_response,
    RequestAdditionalInfoResponsePush.element_name: decode_additional_info_response_push,
}
