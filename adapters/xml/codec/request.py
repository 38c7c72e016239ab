"""RequestMessage and RequestPushMessage (``deliverRequest[Push]``): a request for criminal-record
information with its purpose, requesting authority, consent and urgency."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import Request, RequestingAuthority, RequestPush

from .common import (
    Element,
    M,
    attachment_of,
    collapsed,
    collapsed_ml_of,
    contact_of,
    kids,
    message_data,
    metadata_of,
    ml_of,
    need,
    one,
    person_of,
    put,
    put_attachment,
    put_contact,
    put_ml,
    put_person,
    required_text,
    start_message,
    sub,
    text_of,
    yes_no,
)


def encode_request(message: Request | RequestPush) -> Element:
    root, data = start_message(message.element_name, message.metadata)
    put_contact(data, message.contact_person)
    put_person(data, M.MessageDataPerson, message.person)
    put_ml(data, M.MessageDataRemarks, message.remarks)
    sub(data, M.MessageDataRequestPurposeCategoryReference).text = message.purpose_category
    put_ml(data, M.MessageDataRequestPurpose, message.purpose)
    for category in message.accusation_categories:
        sub(data, M.MessageDataAccusationOffenceCategoryReference).text = category
    put_ml(data, M.MessageDataAccusation, message.accusation)
    authority = sub(data, M.MessageDataRequestingAuthority)
    sub(authority, M.RequestingAuthorityTypeReference).text = message.requesting_authority.type
    put(authority, M.RequestingAuthorityCode, message.requesting_authority.code)
    put_ml(authority, M.RequestingAuthorityName, message.requesting_authority.name)
    put(data, M.MessageDataCaseReferenceNumber, message.case_reference)
    sub(data, M.MessageDataConcernedPersonConsent).text = message.consent.value
    sub(data, M.MessageDataUrgency).text = message.urgency.value
    put_attachment(data, message.fingerprints, push=message.push)
    return root


def _authority_of(data: dict[Any, list[Element]]) -> RequestingAuthority:
    g = kids(need(data, M.MessageDataRequestingAuthority))
    return RequestingAuthority(
        type=required_text(g, M.RequestingAuthorityTypeReference),
        name=collapsed_ml_of(need(g, M.RequestingAuthorityName)),
        code=text_of(g, M.RequestingAuthorityCode),
    )


def _decode(element: Element, cls: type[Request] | type[RequestPush]) -> Request | RequestPush:
    data = message_data(element)
    person = person_of(need(data, M.MessageDataPerson))
    assert person is not None
    return cls(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        person=person,
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        purpose_category=required_text(data, M.MessageDataRequestPurposeCategoryReference),
        purpose=collapsed_ml_of(need(data, M.MessageDataRequestPurpose)),
        accusation_categories=tuple(
            v
            for v in (collapsed(e) for e in data.get(M.MessageDataAccusationOffenceCategoryReference, ()))
            if v
        ),
        accusation=collapsed_ml_of(one(data, M.MessageDataAccusation)),
        requesting_authority=_authority_of(data),
        case_reference=text_of(data, M.MessageDataCaseReferenceNumber),
        consent=yes_no(data, M.MessageDataConcernedPersonConsent),
        urgency=yes_no(data, M.MessageDataUrgency),
        fingerprints=attachment_of(data, push=cls.push),
    )


def decode_request(element: Element) -> Request | RequestPush:
    return _decode(element, Request)


def decode_request_push(element: Element) -> Request | RequestPush:
    return _decode(element, RequestPush)


ENCODERS = {Request: encode_request, RequestPush: encode_request}
DECODERS = {Request.element_name: decode_request, RequestPush.element_name: decode_request_push}
