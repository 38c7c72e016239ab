"""RequestMessage and RequestPushMessage (``deliverRequest[Push]``): a request for criminal-record
information with its purpose, requesting authority, consent and urgency."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import Request, RequestingAuthority, RequestPush

from .attachments import attachment_of, put_attachment
from .contact import contact_of, put_contact
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .person import person_of, put_person
from .reading import collapsed, kids, need, one, required_text, text_of, yes_no
from .texts import collapsed_ml_of, ml_of, put_ml
from .writer import put


def encode_request(message: Request | RequestPush) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_person(w, M.MessageDataPerson, message.person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    w.leaf(M.MessageDataRequestPurposeCategoryReference, message.purpose_category)
    put_ml(w, M.MessageDataRequestPurpose, message.purpose)
    for category in message.accusation_categories:
        w.leaf(M.MessageDataAccusationOffenceCategoryReference, category)
    put_ml(w, M.MessageDataAccusation, message.accusation)
    w.open(M.MessageDataRequestingAuthority)
    w.leaf(M.RequestingAuthorityTypeReference, message.requesting_authority.type)
    put(w, M.RequestingAuthorityCode, message.requesting_authority.code)
    put_ml(w, M.RequestingAuthorityName, message.requesting_authority.name)
    w.close()
    put(w, M.MessageDataCaseReferenceNumber, message.case_reference)
    w.leaf(M.MessageDataConcernedPersonConsent, message.consent.value)
    w.leaf(M.MessageDataUrgency, message.urgency.value)
    put_attachment(w, message.fingerprints, push=message.push)
    return w.finish()


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
