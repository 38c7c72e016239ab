"""The ECRIS-TCN v1 format: every field round-trips, the schema holds, hostile input is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from lxml import etree

from adapters.tcn import codec
from adapters.tcn.codec import (
    Acknowledgement,
    DeleteDocument,
    ErrorAnswer,
    RecordDocument,
    TcnDocumentRejected,
    TcnEncodeError,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import IdentityDocument, Name, Sex
from gateway.model.tcn import (
    BiometricReference,
    NationalityStatus,
    TcnIdentity,
    TcnQuery,
    TcnQueryResult,
    TcnRecord,
)

FULL_IDENTITY = TcnIdentity(
    surname="Da Silva Santos",
    forenames=("João", "Pedro"),
    previous_names=(Name("Santos", ("João",)),),
    aliases=(Name("Silva"), Name("Pedrinho", ("J.", "P."))),
    birth_date=PartialDate(1988, 2, 29),
    birth_town="São Paulo",
    birth_country="BR",
    nationalities=("BR", "PT"),
    gender=Sex.MALE,
    father=Name("Da Silva", ("Carlos",)),
    mother=Name("Santos", ("Maria", "Helena")),
    identity_documents=(
        IdentityDocument("passport", "FZ123456", "Polícia Federal", "BR"),
        IdentityDocument("identity_card", "12.345.678-9"),
    ),
)


def full_record() -> TcnRecord:
    return TcnRecord(
        reference="1988022912345",
        identity=FULL_IDENTITY,
        etias_flag=True,
        fingerprints=BiometricReference("FP-2026-0001", date(2026, 3, 4)),
        facial_images=(BiometricReference("FI-2026-0001", date(2026, 3, 4)),
                       BiometricReference("FI-2026-0002", date(2026, 3, 5))),
    )


@pytest.mark.parametrize("operation", ["create", "update"])
def test_a_record_with_every_field_round_trips(operation: str) -> None:
    record = full_record()
    decoded = codec.decode(codec.encode_record(record, operation=operation))
    assert decoded == RecordDocument(operation, record)


@pytest.mark.parametrize(
    "birth", [None, PartialDate(1990), PartialDate(1990, 7), PartialDate(1990, 7, 14)],
    ids=["unknown", "year", "year-month", "complete"],
)
def test_partial_birth_dates_round_trip(birth: PartialDate | None) -> None:
    identity = TcnIdentity(surname="Doe", birth_date=birth, nationalities=("MA",))
    record = TcnRecord(reference="P1", identity=identity)
    assert codec.decode(codec.encode_record(record, operation="create")) == RecordDocument("create", record)


@pytest.mark.parametrize("status", [NationalityStatus.STATELESS, NationalityStatus.UNKNOWN])
def test_stateless_and_unknown_nationality_round_trip(status: NationalityStatus) -> None:
    record = TcnRecord(reference="P2", identity=TcnIdentity(surname="Doe", nationality_status=status))
    data = codec.encode_record(record, operation="create")
    assert codec.decode(data) == RecordDocument("create", record)
    assert (b"<Stateless/>" in data) is (status is NationalityStatus.STATELESS)


def test_an_unknown_surname_is_left_out_and_comes_back_empty() -> None:
    record = TcnRecord(reference="P3", identity=TcnIdentity(surname="", nationalities=("US",)))
    data = codec.encode_record(record, operation="update")
    assert b"Surname" not in data
    assert codec.decode(data) == RecordDocument("update", record)


def test_a_known_nationality_status_without_a_nationality_cannot_be_encoded() -> None:
    record = TcnRecord(reference="P4", identity=TcnIdentity(surname="Doe"))
    with pytest.raises(TcnEncodeError, match="nationality"):
        codec.encode_record(record, operation="create")


def test_a_record_carries_only_article_5_fields() -> None:
    """AMB-16: no residence, spouse or national identification number: the format has no element for them."""
    root = etree.fromstring(codec.encode_record(full_record(), operation="create"))
    locals_ = {etree.QName(e).localname for e in root.iter()}
    assert not locals_ & {"Residence", "Spouse", "NationalNumber", "Address"}
    assert {"Alias", "PreviousName", "Father", "Mother", "IdentityDocument", "EtiasFlag"} <= locals_


def test_delete_acknowledgement_and_error_round_trip() -> None:
    assert codec.decode(codec.encode_delete("LU", "P5")) == DeleteDocument("LU", "P5")
    ack = Acknowledgement("delete", "LU", "P5")
    assert codec.decode(codec.encode_acknowledgement(ack)) == ack
    error = ErrorAnswer("unknown-record", "no record LU/P5")
    assert codec.decode(codec.encode_error(error)) == error


def test_a_query_round_trips_with_its_purpose_official_and_fingerprints() -> None:
    query = TcnQuery(identity=FULL_IDENTITY, purpose="criminal_proceedings", official="clerk-7",
                     fingerprints=BiometricReference("FP-9", date(2026, 1, 31)))
    assert codec.decode(codec.encode_query(query)) == query


@pytest.mark.parametrize("states", [(), ("FR",), ("FR", "DE", "LU")])
def test_answers_round_trip_hit_or_no_hit(states: tuple[str, ...]) -> None:
    answer = TcnQueryResult(member_states=states, answered_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    decoded = codec.decode(codec.encode_answer(answer))
    assert decoded == answer
    assert isinstance(decoded, TcnQueryResult) and decoded.hit is bool(states)


def test_an_answer_whose_hit_contradicts_its_states_is_refused() -> None:
    data = codec.encode_answer(TcnQueryResult(("FR",), datetime(2026, 11, 23, tzinfo=UTC)))
    with pytest.raises(TcnDocumentRejected, match="Hit"):
        codec.decode(data.replace(b"<Hit>true</Hit>", b"<Hit>false</Hit>"))


def test_a_calendar_impossible_birth_date_is_refused() -> None:
    data = codec.encode_record(TcnRecord("P6", TcnIdentity(surname="Doe", birth_date=PartialDate(1990, 2, 1),
                                                           nationalities=("MA",))), operation="create")
    with pytest.raises(TcnDocumentRejected, match="BirthDate") as refused:
        codec.decode(data.replace(b"1990-02-01", b"1990-02-30"))
    assert "1990" not in str(refused.value)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<DeleteRecord xmlns="urn:ecris-gateway:tcn:v1"><ConvictingState>LU</ConvictingState><Reference>&x;</Reference></DeleteRecord>"""


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (XXE, "invalid-document", "DTD"),
        (b"<DeleteRecord xmlns='urn:ecris-gateway:tcn:v1'><ConvictingState>LU", "invalid-document", "well-formed"),
        (b"", "invalid-document", "empty"),
        (b"<DeleteRecord xmlns='urn:other'/>", "invalid-document", "not an ECRIS-TCN"),
        (b"<DeleteRecord xmlns='urn:ecris-gateway:tcn:v1'><ConvictingState>Luxembourg</ConvictingState>"
         b"<Reference>P1</Reference></DeleteRecord>", "invalid-document", "not valid"),
    ],
    ids=["xxe", "malformed", "empty", "foreign-namespace", "schema-invalid"],
)
def test_hostile_or_invalid_input_is_refused_clearly(data: bytes, code: str, words: str) -> None:
    with pytest.raises(TcnDocumentRejected, match=words) as refused:
        codec.decode(data)
    assert refused.value.code == code
    assert "passwd" not in str(refused.value) and "Luxembourg" not in str(refused.value)


def test_a_document_over_the_size_limit_is_refused_before_parsing() -> None:
    data = codec.encode_record(full_record(), operation="create")
    with pytest.raises(TcnDocumentRejected, match="exceeds") as refused:
        codec.decode(data, max_bytes=len(data) - 1)
    assert refused.value.code == "too-large"


def test_deep_nesting_is_refused() -> None:
    data = b"<a>" * 100 + b"</a>" * 100
    with pytest.raises(TcnDocumentRejected, match="deeper"):
        codec.decode(data)


def test_the_example_of_the_format_documentation_is_valid() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "schemas" / "ecris-tcn" / "README.md").read_text()
    example = readme.split("```xml", 1)[1].split("```", 1)[0].strip().encode()
    decoded = codec.decode(example)
    assert isinstance(decoded, RecordDocument)
    assert decoded.record.identity.birth_date == PartialDate(1990, 7)
