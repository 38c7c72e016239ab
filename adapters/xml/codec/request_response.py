"""RequestResponseMessage and its Push variant (``deliverRequestResponse[Push]``): convictions (0..n), a
denial or a "request problem", told apart by the RRT code; answers a REQ."""

from __future__ import annotations

from gateway.model.exchange import RequestResponse, RequestResponsePush

from .attachments import attachment_of, put_attachment
from .contact import contact_of, put_contact
from .conviction import conviction_of, put_conviction
from .errors import EncodeError
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .person import person_of, put_person
from .reading import collapsed, need, one, required_text
from .texts import ml_of, put_ml


def encode_request_response(message: RequestResponse | RequestResponsePush) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_person(w, M.MessageDataPerson, message.person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    for conviction in message.convictions:
        put_conviction(w, conviction)
    for state in message.other_member_states:
        w.leaf(M.MessageDataOtherMemberState, state)
    w.leaf(M.MessageDataRequestResponseTypeReference, message.response_type)
    if message.push:
        put_attachment(w, message.fingerprints, push=True)
    elif message.fingerprints is not None:
        raise EncodeError("a RequestResponse carries fingerprints only in its Push variant")
    return w.finish()


def _decode(
    element: Element, cls: type[RequestResponse] | type[RequestResponsePush]
) -> RequestResponse | RequestResponsePush:
    data = message_data(element)
    person = person_of(need(data, M.MessageDataPerson))
    assert person is not None
    return cls(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        person=person,
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        convictions=tuple(conviction_of(e) for e in data.get(M.MessageDataConviction, ())),
        other_member_states=tuple(
            v for v in (collapsed(e) for e in data.get(M.MessageDataOtherMemberState, ())) if v
        ),
        response_type=required_text(data, M.MessageDataRequestResponseTypeReference),
        fingerprints=attachment_of(data, push=True) if cls.push else None,
    )


def decode_request_response(element: Element) -> RequestResponse | RequestResponsePush:
    return _decode(element, RequestResponse)


def decode_request_response_push(element: Element) -> RequestResponse | RequestResponsePush:
    return _decode(element, RequestResponsePush)


ENCODERS = {RequestResponse: encode_request_response, RequestResponsePush: encode_request_response}
DECODERS = {
    RequestResponse.element_name: decode_request_response,
    RequestResponsePush.element_name: decode_request_response_push,
}
