"""What the schema cannot check: IDs and references, message-ID type and parties, ResponseTo, relationship
types, and codes against the reference tables (flag, or error in strict mode)."""

from __future__ import annotations

import pytest
from lxml import etree

from adapters.files.reference_tables import load_project_tables
from adapters.xml.codec import check, check_message, encode
from adapters.xml.codec.namespaces import XSI_TYPE, D, M
from adapters.xml.schemas import EcrisSchemas
from gateway.model.reference_tables import FunctionalErrorCode
from tests.samples import ecris_messages as samples

TABLES = load_project_tables()
SCHEMAS = EcrisSchemas.load()


def _first(element: etree._Element, tag: str) -> etree._Element:
    found = next(element.iter(tag), None)
    assert found is not None, tag
    return found


def _codes(element: etree._Element, **kwargs: object) -> set[FunctionalErrorCode]:
    return {finding.code for finding in check(element, tables=TABLES, **kwargs).errors}  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "message"), samples.corpus(), ids=[n for n, _ in samples.corpus()])
def test_every_corpus_message_passes_the_checks(name: str, message: object) -> None:
    assert check_message(encode(message)) == []  # type: ignore[arg-type]


def test_duplicate_decision_id_across_convictions_is_an_error_the_schema_misses() -> None:
    element = encode(samples.request_response("convictions"))
    ids = list(element.iter(D.DecisionID))
    ids[1].text = ids[0].text
    assert SCHEMAS.validate(element) == []  # libxml2 does not check element-content xsd:ID
    errors = check(element, tables=TABLES).errors
    assert FunctionalErrorCode.INVALID_IDENTIFIER in {e.code for e in errors}
    assert any("D-00001 is used twice" in str(e) for e in errors)


def test_duplicate_functional_error_code_is_an_error() -> None:
    element = encode(samples.functional_error("several"))
    codes = list(element.iter(M.FunctionalErrorCode))
    codes[1].text = codes[0].text
    assert FunctionalErrorCode.INVALID_IDENTIFIER in _codes(element)


def test_response_to_equal_to_message_id_is_a_duplicate_id() -> None:
    element = encode(samples.cancellation())
    _first(element, M.MessageMetaDataResponseTo).text = _first(element, M.MessageMetaDataMessageID).text
    assert FunctionalErrorCode.INVALID_IDENTIFIER in _codes(element)


def test_dangling_relationship_reference_is_an_error() -> None:
    element = encode(samples.notification("full"))
    _first(element, D.Offence).text = "O-09999"
    assert SCHEMAS.validate(element) == []
    errors = check_message(element)
    assert any("offence O-09999" in e for e in errors)


def test_relationship_must_stay_inside_its_conviction() -> None:
    element = encode(samples.request_response("convictions"))
    relationships = list(element.iter(D.ConvictionRelationship))
    # the second conviction's first relationship points at the first conviction's decision
    second = [r for r in relationships if r.find(D.Decision) is not None][2]
    decision = second.find(D.Decision)
    assert decision is not None
    decision.text = "D-00001"
    assert any("lacks" in e for e in check_message(element))


def test_updated_conviction_reference_must_name_the_notified_conviction() -> None:
    element = encode(samples.notification("update"))
    reference = element.find(f".//{M.MessageDataUpdatedConvictionReference}/{M.ECRISConvictionReference}")
    assert reference is not None
    reference.text = "LU-C-000000000009999"
    assert any("LU-C-000000000009999" in e for e in check_message(element))


def test_loose_conviction_references_need_not_resolve() -> None:
    element = encode(samples.notification("update"))  # PT-C-000000000000077 is an earlier, foreign conviction
    assert check_message(element) == []


def test_wrong_message_id_type_code_is_an_error_the_schema_misses() -> None:
    element = encode(samples.notification("full"))
    _first(element, M.MessageMetaDataMessageID).text = "LU-PT-REQ-000000000000001"
    assert SCHEMAS.validate(element) == []
    assert FunctionalErrorCode.MESSAGE_ID_MISMATCH in _codes(element)


def test_sender_must_be_the_expected_member_state() -> None:
    element = encode(samples.request_deadline())  # LU-FR-RDL
    assert check_message(element, expected_sender="LU", expected_receiver="FR") == []
    assert FunctionalErrorCode.MESSAGE_ID_MISMATCH in _codes(element, expected_sender="DE")
    assert FunctionalErrorCode.MESSAGE_ID_MISMATCH in _codes(element, expected_receiver="LU")


def test_reply_must_swap_the_member_states() -> None:
    element = encode(samples.request_deadline())
    _first(element, M.MessageMetaDataResponseTo).text = "LU-FR-REQ-000000000000201"
    errors = check_message(element)
    assert any("not swapped" in e for e in errors)


def test_cancellation_must_cancel_its_own_message() -> None:
    element = encode(samples.cancellation())
    assert check_message(element) == []
    _first(element, M.MessageMetaDataResponseTo).text = "FR-LU-REQ-000000000000201"
    assert any("not its own message" in e for e in check_message(element))


def test_response_to_must_name_a_message_the_reply_may_answer() -> None:
    element = encode(samples.request_response("denial"))
    _first(element, M.MessageMetaDataResponseTo).text = "FR-LU-NOT-000000000000201"
    assert SCHEMAS.validate(element) == []
    assert FunctionalErrorCode.UNKNOWN_CORRELATION in _codes(element)


def test_same_member_state_as_sender_and_receiver_is_an_error() -> None:
    element = encode(samples.notification("minimal"))
    _first(element, M.MessageMetaDataMessageID).text = "LU-LU-NOT-000000000000001"
    assert FunctionalErrorCode.MESSAGE_ID_MISMATCH in _codes(element)


def test_only_the_four_relationship_types_are_allowed() -> None:
    element = encode(samples.notification("full"))
    relationship = _first(element, D.ConvictionRelationship)
    relationship.set(XSI_TYPE, "msg:ConvictionToConvictionsRelationshipType")
    assert FunctionalErrorCode.RELATIONSHIP_NOT_ALLOWED in _codes(element)


def test_unknown_well_formed_code_is_flagged_and_an_error_only_in_strict_mode() -> None:
    element = encode(samples.notification("minimal"))
    _first(element, D.ConvictionConvictingCountryReference).text = "CO-00-998-ZZZ"
    lenient = check(element, tables=TABLES)
    assert lenient.ok
    assert any("CO-00-998-ZZZ" in flag for flag in lenient.flags)
    strict = check(element, tables=TABLES, strict=True)
    assert {e.code for e in strict.errors} == {FunctionalErrorCode.UNKNOWN_CODE}


def test_known_codes_raise_no_flag() -> None:
    result = check(encode(samples.request_response("denial")), tables=TABLES, strict=True)
    assert result.ok and result.flags == []


def test_timestamp_without_time_zone_is_flagged() -> None:
    element = encode(samples.cancellation())
    _first(element, M.MessageMetaDataTimestamp).text = "2026-03-14T10:15:30"
    result = check(element, tables=TABLES)
    assert result.ok
    assert any("time zone" in flag for flag in result.flags)


def test_findings_carry_no_personal_data() -> None:
    element = encode(samples.request_response("convictions"))
    for node in element.iter(D.DecisionID):
        node.text = "D-00001"
    _first(element, D.Offence).text = "O-09999"
    text = " ".join(check_message(element))
    assert "Ficticio" not in text and "Tiago" not in text


def test_not_an_ecris_message() -> None:
    assert FunctionalErrorCode.UNSUPPORTED_MESSAGE in _codes(etree.Element("{urn:x}Other"))
