"""The messages the gateway newly emits for its own requests validate against the official ECRIS v1.0 XSDs
(read from ../shared, never copied), with lxml AND xmlschema: the RequestMessage of Art 13 and of an Art 14
forward, built from register persons, and the RequestAdditionalInfoResponse answering a State's
RequestAdditionalInfo from the register."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.xml.codec import encode, to_bytes
from gateway.law.request_purposes import REQUEST_PURPOSES, purpose_named
from gateway.model.exchange import (
    AdditionalInformation,
    EcrisMessage,
    MessageId,
    MessageMetadata,
    MessageType,
    ml,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import Address, Birth, IdentityDocument, Name, NaturalPerson, Sex
from gateway.services.additional_info_answer import additional_info_response, held_items
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.outgoing_request import CENTRAL_AUTHORITY, request_message
from tests.conformance.official import official_lxml, official_xmlschema

pytestmark = pytest.mark.shared  # skipped without ../shared, failed when CI is set (tests/conftest.py)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
PERSON = NaturalPerson(
    id="1985031512345", surname="Dupont", forenames=("Marie", "Claire"), sex=Sex.FEMALE,
    birth=Birth(PartialDate.of(date(1985, 3, 15)), "Metz", "FR"), nationalities=("FR", "LU"),
    father=Name("Dupont", ("Jean",)), mother=Name("Weber", ("Anne",)), previous_names=(Name("Martin", ("Marie",)),),
    aliases=(Name("Durand", ("Marie",)),), residence=Address("1 rue de la Gare", "Luxembourg", "LU"),
    identity_documents=(IdentityDocument("passport", "12AB34567", "Préfecture de la Moselle", "FR"),),
)


def _assert_official(message: EcrisMessage) -> None:
    element = encode(message)
    assert official_lxml().validate(element) == []
    errors = list(official_xmlschema().iter_errors(to_bytes(element)))
    assert errors == [], [str(e.reason) for e in errors]


@pytest.mark.parametrize("purpose", [row.key for row in REQUEST_PURPOSES])
@pytest.mark.parametrize(("consent", "urgent"), [(None, False), (True, True), (False, False)])
def test_a_request_of_luxembourg_validates_officially(purpose: str, consent: bool | None, urgent: bool) -> None:
    metadata = MessageMetadata(MessageId("LU", "FR", MessageType.REQUEST, 12), NOW)
    _assert_official(request_message(person_identity_of(PERSON), metadata=metadata, purpose=purpose_named(purpose),
                                     authority="Juge d'instruction <cabinet 3>", consent=consent, urgent=urgent))


def test_an_own_record_forward_validates_officially() -> None:
    metadata = MessageMetadata(MessageId("LU", "BE", MessageType.REQUEST, 13), NOW)
    _assert_official(request_message(person_identity_of(PERSON), metadata=metadata,
                                     purpose=purpose_named("own_record_request_of_person"),
                                     authority=CENTRAL_AUTHORITY, consent=True, urgent=False, own_record_number=5))


@pytest.mark.parametrize("asked", [
    tuple(AdditionalInformation),
    (AdditionalInformation.BIRTH_PLACE,),
    (AdditionalInformation.FATHER_NAME, AdditionalInformation.IDENTIFICATION_DOCUMENT, AdditionalInformation.ALIAS),
], ids=["everything", "birth-place", "parents-documents-aliases"])
def test_an_additional_info_response_validates_officially(asked: tuple[AdditionalInformation, ...]) -> None:
    held = held_items(PERSON, purpose_known=True) & frozenset(asked)
    metadata = MessageMetadata(MessageId("LU", "FR", MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE, 14), NOW,
                               response_to=MessageId("FR", "LU", MessageType.REQUEST_ADDITIONAL_INFO, 9))
    _assert_official(additional_info_response(PERSON, held, metadata=metadata, remarks="Informations <complémentaires>.",
                                              purpose=ml("procédure pénale", "fr")))
