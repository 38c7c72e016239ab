"""encode → validate → decode gives the message back, for every message and variant of the corpus; the
decoder applies the contract's defaults and reads its "unknown" sentinels as None."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from adapters.xml.codec import DecodeError, EncodeError, decode, encode, to_bytes
from adapters.xml.codec.namespaces import C, D, M
from adapters.xml.parsing import parse_untrusted
from adapters.xml.schemas import EcrisSchemas
from gateway.model.exchange import (
    MESSAGE_CLASSES,
    UNKNOWN_COUNTRY,
    Amount,
    EcrisMessage,
    MessageId,
    MessageType,
    Notification,
    NotificationResponse,
    iso_duration,
    ml,
)
from tests.samples import ecris_messages as samples

CORPUS = samples.corpus()
SCHEMAS = EcrisSchemas.load()


def test_the_corpus_covers_all_15_messages() -> None:
    assert {type(message) for _, message in CORPUS} == set(MESSAGE_CLASSES)


@pytest.mark.parametrize(("name", "message"), CORPUS, ids=[name for name, _ in CORPUS])
def test_round_trip(name: str, message: EcrisMessage) -> None:
    element = encode(message)
    assert SCHEMAS.validate(element) == []
    assert decode(element) == message


@pytest.mark.parametrize(("name", "message"), CORPUS, ids=[name for name, _ in CORPUS])
def test_round_trip_through_bytes_and_the_hardened_parser(name: str, message: EcrisMessage) -> None:
    data = to_bytes(encode(message))
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert decode(parse_untrusted(data)) == message


def test_unknown_sentinels_are_written_and_read_back_as_none() -> None:
    message = samples.notification("minimal")
    element = encode(message)
    conviction = element.find(f"{M.MessageData}/{M.MessageDataConviction}")
    assert conviction is not None
    assert conviction.findtext(D.ConvictionFileNumber) == "UNKNOWN"
    assert conviction.findtext(D.ConvictionDecisionDate) == "1800-01-01"
    assert element.findtext(f".//{D.PersonBirthDate}/{C.DateYear}") == "1800"
    assert element.findtext(f".//{D.PersonNationalityReference}") == UNKNOWN_COUNTRY
    decoded = decode(element)
    assert isinstance(decoded, Notification)
    assert decoded.person.birth_date is None
    assert decoded.conviction.file_number is None
    assert decoded.conviction.decision_date is None


def test_empty_elements_mean_the_schema_default() -> None:
    element = encode(samples.notification("full"))
    for tag in (
        D.ConvictionFileNumber,
        D.PersonNationalityReference,
        D.OffenceCommonCategoryReference,
        D.SanctionTypeReference,
        D.SanctionMultiplier,
        D.PersonSex,
        D.OffenceApplicableLegalProvisions,
    ):
        for node in element.iter(tag):
            if not any(a.tag == D.PersonAlias for a in node.iterancestors()):  # aliases have no defaults
                node.text = None
    assert SCHEMAS.validate(element) == []
    decoded = decode(element)
    assert isinstance(decoded, Notification)
    conviction = decoded.conviction
    assert conviction.file_number is None
    assert decoded.person.nationalities == (UNKNOWN_COUNTRY, UNKNOWN_COUNTRY)
    assert {o.common_category for o in conviction.offences} == {"O-00-270000"}
    assert {o.legal_provisions for o in conviction.offences} == {None}
    assert {s.nature for s in conviction.sanctions} == {"N-00-Z"}
    assert {s.multiplier for s in conviction.sanctions} == {1}
    assert int(decoded.person.sex) == 0


def test_collapsed_values_are_read_collapsed() -> None:
    element = encode(samples.notification("minimal"))
    forename = element.find(f".//{D.PersonName}/{D.Forename}")
    assert forename is not None
    forename.text = "  Jean \n  Paul "
    message_id = element.find(f".//{M.MessageMetaDataMessageID}")
    assert message_id is not None
    message_id.text = f"  {message_id.text}\n"
    assert SCHEMAS.validate(element) == []
    decoded = decode(element)
    assert isinstance(decoded, Notification)
    assert decoded.person.name.forename.value == "Jean Paul"
    assert decoded.metadata.message_id == samples.notification("minimal").metadata.message_id


def test_partial_dates_are_written_as_gyear_gmonth_gday() -> None:
    element = encode(samples.notification("full"))
    birth = element.find(f".//{D.PersonBirthDate}")
    assert birth is not None
    assert [node.text for node in birth.iter(C.DateYear, C.DateMonth, C.DateDay)] == ["1990", "--07", "---14"]


def test_amounts_are_unit_and_two_digit_fraction() -> None:
    assert Amount.of(Decimal("12.05")) == Amount(12, 5)
    assert Amount.of(Decimal("12.50")) == Amount(12, 50)
    assert Amount.of(Decimal("12.00")) == Amount(12, None)
    assert Amount(12, 5).as_decimal() == Decimal("12.05")
    with pytest.raises(ValueError):
        Amount.of(Decimal("1.005"))
    with pytest.raises(ValueError):
        Amount(1, 0)


def test_an_amount_of_1250_05_travels_as_1250_and_5() -> None:
    element = encode(samples.notification("full"))
    amount = element.find(f".//{D.SanctionAmountOfIndividualFine}")
    assert amount is not None
    assert [n.text for n in amount] == ["1250", "5"]


def test_durations() -> None:
    assert iso_duration(years=2, months=6) == "P2Y6M"
    assert iso_duration(days=10) == "P10D"
    assert iso_duration() == "P0D"
    assert iso_duration(hours=48) == "PT48H"


def test_message_id_parse_and_format() -> None:
    message_id = MessageId.parse("LU-PT-NOT-000000000000101")
    assert message_id == MessageId("LU", "PT", MessageType.NOTIFICATION, 101)
    assert str(message_id) == "LU-PT-NOT-000000000000101"
    for bad in ("LU-PT-XYZ-000000000000101", "LU-PT-NOT-0001", "lu-PT-NOT-000000000000101"):
        with pytest.raises(ValueError):
            MessageId.parse(bad)


def test_relationships_carry_a_prefixed_xsi_type() -> None:
    element = encode(samples.notification("full"))
    types = [
        node.get("{http://www.w3.org/2001/XMLSchema-instance}type")
        for node in element.iter(D.ConvictionRelationship)
    ]
    assert types == [
        "dm:DecisionToOffencesRelationshipType",
        "dm:DecisionToSanctionsRelationshipType",
        "dm:SanctionToOffencesRelationshipType",
        "dm:SanctionToSanctionsRelationshipType",
    ]


def test_push_fingerprints_travel_base64_inline() -> None:
    message = samples.notification_push()
    element = encode(message)
    content = element.findtext(f".//{M.BinaryAttachmentContent}")
    assert content is not None and len(content) > 2000
    assert decode(element) == message


def test_plain_messages_refuse_fingerprint_content() -> None:
    message = samples.notification("fingerprints")
    assert message.fingerprints is not None
    bad = Notification(
        metadata=message.metadata,
        person=message.person,
        conviction=message.conviction,
        fingerprints=samples.attachment(push=True),
    )
    with pytest.raises(EncodeError):
        encode(bad)


def test_control_characters_are_an_encode_error() -> None:
    message = NotificationResponse(
        metadata=samples.notification_response().metadata,
        remarks=ml("bad\x00text"),
        response_type="NRT-00-00",
    )
    with pytest.raises(EncodeError):
        encode(message)


def test_decode_refuses_what_is_not_an_ecris_message() -> None:
    with pytest.raises(DecodeError):
        decode(etree.Element("{urn:x}Other"))


def test_decode_refuses_an_impossible_date() -> None:
    element = encode(samples.request_deadline())
    deadline = element.find(f".//{M.MessageDataDeadline}")
    assert deadline is not None
    deadline.text = "2026-02-30"
    with pytest.raises(DecodeError):
        decode(element)


def test_date_with_time_zone_is_read_as_the_date() -> None:
    element = encode(samples.request_deadline())
    deadline = element.find(f".//{M.MessageDataDeadline}")
    assert deadline is not None
    deadline.text = "2026-03-28Z"
    decoded = decode(element)
    assert getattr(decoded, "deadline", None) == date(2026, 3, 28)


def test_timestamp_without_time_zone_is_read_as_utc() -> None:
    element = encode(samples.cancellation())
    stamp = element.find(f".//{M.MessageMetaDataTimestamp}")
    assert stamp is not None
    stamp.text = "2026-03-14T10:15:30"
    decoded = decode(element)
    assert decoded.metadata.timestamp.utcoffset() is not None


def test_encoding_does_not_share_state_between_calls() -> None:
    first = encode(samples.notification("full"))
    second = encode(samples.notification("full"))
    assert first is not second
    assert etree.tostring(first, method="c14n") == etree.tostring(copy.deepcopy(second), method="c14n")
