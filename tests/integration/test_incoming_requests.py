"""Art 15: a Member State's request is received over the SOAP endpoint, journalled, and answered from the
register in the transaction that marks it processed — a RequestResponse with the routed bulletin's
decisions, a reasoned denial, "not in scope", "deceased", or a RequestDeadline while a clerk identifies."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.soap.envelope import envelope_bytes, request_headers
from adapters.soap.messages import MessageReader
from adapters.xml import codec
from gateway.law.copies import COPY_REQUEST_PURPOSE
from gateway.law.deadlines import answer_due_date
from gateway.model.exchange import (
    EcrisMessage,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    PersonName,
    Place,
    Request,
    RequestDeadline,
    RequestResponse,
    YesNoUnknown,
)
from gateway.model.partial_date import PartialDate
from gateway.ports import InboxState
from gateway.services.ecris_mapping import country_code
from gateway.services.register_import import import_persons
from tests.conftest import NOW
from tests.samples import ecris_messages as samples
from tests.samples.register_documents import decision, natural_person, register, write

MINOR_OFFENCE = [{"date": "2019-06-01", "qualification": "attentat à la pudeur", "minor": "constitutive"}]
"""D1 of LU1: on N°1 and on N°5 (Art 8-3); D2, a 1 500 EUR fine, is on N°1 and not on N°5."""


@pytest.fixture
def loaded(app: App, tmp_path: Path) -> App:
    document = register(
        natural_person("LU1", decision("D1", offences=MINOR_OFFENCE,
                                       penalties=[{"type": "imprisonment", "months": 30}]),
                       decision("D2", reference="REF-FINE")),
        natural_person("TCN1", surname="Alaoui", nationalities=["MA"], decisions=[]),  # never convicted here
        natural_person("DEAD", surname="Weber", death_date="2026-10-01"),
        natural_person("FR1", surname="Dubois", nationalities=["FR"]),  # one Luxembourg conviction (a fine)
        natural_person("LUDE", decision("D1", court="Amtsgericht Trier", court_country="DE", origin="ecris:DE",
                                        transmission_restriction="criminal_proceedings_only", reference="REF-DE",
                                        penalties=[{"type": "imprisonment", "months": 30}]),
                       decision("D2", reference="REF-LU", penalties=[{"type": "imprisonment", "months": 30}]),
                       surname="Schmit"),
    )
    persons, _ = read_file(write(tmp_path / "register.json", document))
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="test")
    return app


def request(*, person_id: str | None, purpose: str, consent: YesNoUnknown = YesNoUnknown.UNKNOWN,
            surname: str = "Muller", forename: str = "Jean", nationality: str = "LU", serial: int = 7, sender: str = "FR") -> Request:
    base = samples.request("minimal")
    person = dataclasses.replace(
        base.person, identity_number=person_id, birth_date=PartialDate.parse("1980-05-17"),
        name=PersonName(NameText(forename), NameText(surname)),
        birth_place=Place(town_name=samples.ml("Luxembourg"), country=country_code("LU")),
        nationalities=(country_code(nationality),))
    return dataclasses.replace(base, person=person, purpose_category=purpose, consent=consent,
                               metadata=MessageMetadata(MessageId(sender, "LU", MessageType.REQUEST, serial), NOW))


def receive(app: App, message: Request) -> tuple[EcrisMessage, Any]:
    """The request through the endpoint (journalled raw, 202) and the inbox processor; the message queued in
    answer, read back as the requesting State reads it, and the inbox row."""
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers("deliverRequest").items()}
    try:
        assert endpoint.accept(envelope_bytes(codec.encode(message)), headers).status == 202
    finally:
        endpoint.close()
    assert app.messaging.processor(app.uow).process_pending() == 1
    with app.uow() as uow:
        row = uow.inbox.get(str(message.metadata.message_id))
        assert row is not None and row.state is InboxState.PROCESSED and row.reply_id is not None, row
        envelope = uow.outbox.envelope(row.reply_id)
    assert envelope is not None
    answer = MessageReader(max_bytes=10**7, member_state=message.metadata.sender).read(envelope).message
    assert answer is not None and answer.metadata.response_to == message.metadata.message_id
    return answer, row


def file_numbers(answer: RequestResponse) -> list[str | None]:
    return [c.file_number for c in answer.convictions]


def test_criminal_proceedings_get_the_information_of_bulletin_1_art_15_1(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="LU1", purpose="P-99-001000"))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-00"
    assert file_numbers(answer) == ["REF-D1", "REF-FINE"]  # everything N°1 shows
    assert all(c.id.startswith("LU-C-") for c in answer.convictions)
    with loaded.uow() as uow:
        [entry] = [e for e in uow.journal.entries() if e.action == "ecris.request_answered"]
    assert entry.subject == "LU1" and entry.official == "test-clerk" and "6 3)" in entry.reason
    assert "attentat" not in str(entry.details)  # who, when, why: never the content


def test_employment_with_minors_with_consent_gets_bulletin_5_art_15_2_and_8_3(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="LU1", purpose="P-99-003000", consent=YesNoUnknown.YES))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-00"
    assert file_numbers(answer) == ["REF-D1"]  # the fine is not on N°5


def test_employment_with_minors_without_consent_is_denied_with_the_reason_art_8_3_2(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="LU1", purpose="P-99-003000", consent=YesNoUnknown.NO))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-01"
    assert answer.convictions == ()
    [remark] = answer.remarks
    assert "consentement" in remark.value and "8-3(2) 2)" in remark.value and remark.language == "fr"


def test_a_third_country_national_not_convicted_in_luxembourg_is_not_in_scope_art_15(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="TCN1", purpose="P-99-001000", surname="Alaoui",
                                        nationality="MA"))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-02"
    assert answer.convictions == ()
    assert "pays tiers" in answer.remarks[0].value


def test_a_luxembourger_the_register_does_not_hold_gets_an_answer_without_convictions_art_8_4(
        loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="1999010112345", purpose="P-99-001000", surname="Inconnu",
                                        forename="Zoé"))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-00"
    assert answer.convictions == ()
    assert "néant" in answer.remarks[0].value


def test_a_person_the_register_knows_to_be_dead_is_answered_deceased_art_3(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="DEAD", purpose="P-99-001000", surname="Weber"))
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-03"
    assert answer.convictions == ()


def test_an_uncertain_identity_gets_a_request_deadline_and_a_request_for_additional_information_art_16_1(
        loaded: App) -> None:
    # LU1's surname, birth date and place, another forename, no national number: the requesting State is asked.
    answer, row = receive(loaded, request(person_id=None, purpose="P-99-001000", forename="Paul"))
    assert isinstance(answer, RequestDeadline)
    assert answer.deadline == answer_due_date(NOW.date())
    with loaded.uow() as uow:
        assert sorted(r.type for r in uow.outbox.list() if r.response_to == str(row.message_id)) == [
            "RequestAdditionalInfoMessage", "RequestDeadlineMessage"]  # no answer yet
        [entry] = [e for e in uow.journal.entries() if e.action == "ecris.additional_info_requested"]
    assert "identification incertaine" in entry.reason and entry.details["asked"] == "IdentityNumber"


@pytest.mark.shared
@pytest.mark.parametrize(("person_id", "purpose", "consent"), [
    ("LU1", "P-99-001000", YesNoUnknown.UNKNOWN),
    ("LU1", "P-99-003000", YesNoUnknown.YES),
    ("LU1", "P-99-003000", YesNoUnknown.NO),
    ("TCN1", "P-99-001000", YesNoUnknown.UNKNOWN),
    (None, "P-99-001000", YesNoUnknown.UNKNOWN),
])
def test_every_answer_validates_against_the_official_schemas(loaded: App, person_id: str | None, purpose: str,
                                                             consent: YesNoUnknown) -> None:
    from tests.conformance.official import official_lxml, official_xmlschema

    answer, _ = receive(loaded, request(person_id=person_id, purpose=purpose, consent=consent,
                                        surname="Alaoui" if person_id == "TCN1" else "Muller",
                                        nationality="MA" if person_id == "TCN1" else "LU"))
    element = codec.encode(answer)
    assert official_lxml().validate(element) == []
    assert [str(e.reason) for e in official_xmlschema().iter_errors(codec.to_bytes(element))] == []


def test_foreign_decisions_restricted_to_criminal_proceedings_are_left_out_and_their_state_named_fd_7_2(
        loaded: App) -> None:
    own_record, _ = receive(loaded, request(person_id="LUDE", purpose="P-99-002000", surname="Schmit"))
    assert isinstance(own_record, RequestResponse) and own_record.response_type == "RRT-00-00"
    assert file_numbers(own_record) == ["REF-LU"] and own_record.other_member_states == ("DE",)
    proceedings, _ = receive(loaded, request(person_id="LUDE", purpose="P-99-001000", surname="Schmit", serial=8))
    assert isinstance(proceedings, RequestResponse)
    assert file_numbers(proceedings) == ["REF-DE", "REF-LU"] and proceedings.other_member_states == ()


def test_the_purpose_code_tells_a_copy_request_art_12_3_from_an_art_15_request(loaded: App) -> None:
    copy, _ = receive(loaded, request(person_id="FR1", purpose=COPY_REQUEST_PURPOSE, surname="Dubois",
                                      nationality="FR"))
    information, _ = receive(loaded, request(person_id="FR1", purpose="P-99-001000", surname="Dubois",
                                             nationality="FR", serial=8))
    assert isinstance(copy, RequestResponse) and isinstance(information, RequestResponse)
    with loaded.uow() as uow:
        [logged] = uow.copy_requests.list()  # only the copy request is logged as one
        answered = [e.details["message"] for e in uow.journal.entries() if e.action == "ecris.request_answered"]
    assert logged.reply_id == str(copy.metadata.message_id)
    assert answered == [str(information.metadata.response_to)]


def test_a_purpose_code_the_table_does_not_hold_is_left_to_a_clerk_art_15_2(loaded: App) -> None:
    answer, _ = receive(loaded, request(person_id="LU1", purpose="P-99-007777"))
    assert isinstance(answer, RequestDeadline) and answer.deadline == answer_due_date(NOW.date())
