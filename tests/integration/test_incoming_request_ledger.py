"""Issue 9: every Art 15 request is recorded in the ledger of requests received (``incoming_requests``), in the
transaction that handles it; an uncertain identity is resolved by additional information from the requesting
State (the clock restarting on its reply, Art 16(1)); a clerk answers what waits for one; the work queue
lists every request, urgent first, with its state and working days left. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from adapters.bootstrap import App
from adapters.cli import main
from adapters.files.register_format import read_file
from adapters.soap.envelope import envelope_bytes, request_headers
from adapters.soap.messages import MessageReader
from adapters.xml import codec
from gateway.law.deadlines import answer_due_date
from gateway.model.exchange import (
    AdditionalInformation,
    EcrisMessage,
    EcrisPerson,
    MessageId,
    MessageMetadata,
    MessageType,
    NameText,
    PersonName,
    Place,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    RequestResponse,
    YesNoUnknown,
)
from gateway.model.partial_date import PartialDate
from gateway.ports import InboxState, IncomingRequestState
from gateway.services.ecris_mapping import country_code
from gateway.services.register_import import import_persons
from gateway.services.request_queue import request_queue
from tests.conftest import NOW
from tests.integration.test_incoming_requests import MINOR_OFFENCE, receive, request
from tests.samples import ecris_messages as samples
from tests.samples.register_documents import decision, natural_person, register, write

RECEIVED_ON = date(2026, 11, 23)  # NOW's Luxembourg day, a Monday
REPLY_AT = datetime(2026, 11, 26, 15, 0, tzinfo=NOW.tzinfo)  # the Thursday after


@pytest.fixture
def loaded(app: App, tmp_path: Path) -> App:
    twins = [natural_person(pid, surname="Zwilling", forenames=["Max"]) for pid in ("1980051700001", "1980051700002")]
    document = register(
        natural_person("LU1", decision("D1", offences=MINOR_OFFENCE, penalties=[{"type": "imprisonment", "months": 30}]),
                       decision("D2", reference="REF-FINE")),
        *twins,
    )
    persons, _ = read_file(write(tmp_path / "register.json", document))
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="test")
    return app


def at(app: App, instant: datetime) -> App:
    """The same store, its clock set to ``instant``."""
    return App(dataclasses.replace(app.settings, now=instant))


def deliver(app: App, message: EcrisMessage) -> Any:
    """``message`` through the endpoint (journalled, 202) and the inbox processor; its inbox row."""
    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers(message.operation).items()}
    try:
        assert endpoint.accept(envelope_bytes(codec.encode(message)), headers).status == 202
    finally:
        endpoint.close()
    assert app.messaging.processor(app.uow).process_pending() == 1
    with app.uow() as uow:
        return uow.inbox.get(str(message.metadata.message_id))


def sent(app: App, message_id: str) -> EcrisMessage:
    with app.uow() as uow:
        envelope = uow.outbox.envelope(message_id)
    assert envelope is not None
    read = MessageReader(max_bytes=10**7, member_state=MessageId.parse(message_id).receiver).read(envelope).message
    assert read is not None
    return read


def reply(rai_id: str, *, number: str | None, serial: int = 90) -> RequestAdditionalInfoResponse:
    """France's answer to our RequestAdditionalInfo: the person with ``number``, or "not available"."""
    rai = MessageId.parse(rai_id)
    metadata = MessageMetadata(MessageId("FR", "LU", MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE, serial), NOW,
                               response_to=rai)
    if number is None:
        return RequestAdditionalInfoResponse(metadata=metadata, response_type="ART-99-01")
    person = EcrisPerson(name=PersonName(NameText("Max"), NameText("Zwilling")),
                         birth_place=Place(town_name=samples.ml("Luxembourg"), country=country_code("LU")),
                         birth_date=PartialDate.parse("1980-05-17"), nationalities=(country_code("LU"),),
                         identity_number=number)
    return RequestAdditionalInfoResponse(metadata=metadata, response_type="ART-99-00", person=person)


def twins_request(serial: int = 7, **changes: Any) -> Any:
    return request(person_id=None, purpose="P-99-001000", surname="Zwilling", forename="Max", serial=serial, **changes)


def ask_about_twins(app: App, serial: int = 7) -> str:
    """France asks about a Zwilling born the twins' day: the RequestAdditionalInfo's ID."""
    receive(app, twins_request(serial))
    with app.uow() as uow:
        entry = uow.incoming_requests.get(f"FR-LU-REQ-{serial:015d}")
    assert entry is not None and entry.additional_info_id is not None
    return entry.additional_info_id


def test_an_answered_request_is_recorded_with_its_receipt_day_and_due_date_art_16_1(loaded: App) -> None:
    answer, _ = receive(loaded, dataclasses.replace(request(person_id="LU1", purpose="P-99-003000",
                                                            consent=YesNoUnknown.YES), urgency=YesNoUnknown.YES))
    with loaded.uow() as uow:
        [entry] = uow.incoming_requests.list()
    assert (entry.message_id, entry.sender, entry.purpose_code, entry.purpose_key) == (
        "FR-LU-REQ-000000000000007", "FR", "P-99-003000", "employment_contact_with_minors")
    assert entry.urgent and entry.person_id == "LU1" and entry.state is IncomingRequestState.ANSWERED
    assert entry.received_at == NOW and entry.received_on == entry.clock_started_on == RECEIVED_ON
    assert entry.due_on == answer_due_date(RECEIVED_ON) == date(2026, 12, 7)
    assert (entry.response_id, entry.response_type) == (str(answer.metadata.message_id), "RRT-00-00")
    assert entry.answered_at == NOW and entry.answered_by is None and entry.deadline_ids == ()


def test_several_persons_make_the_gateway_ask_for_the_identity_number_and_wait(loaded: App) -> None:
    rai_id = ask_about_twins(loaded)
    asked = sent(loaded, rai_id)
    assert isinstance(asked, RequestAdditionalInfo) and asked.requested == (AdditionalInformation.IDENTITY_NUMBER,)
    assert str(asked.metadata.response_to) == "FR-LU-REQ-000000000000007"
    with loaded.uow() as uow:
        entry = uow.incoming_requests.get("FR-LU-REQ-000000000000007")
    assert entry is not None and entry.state is IncomingRequestState.AWAITING_IDENTIFICATION
    assert entry.additional_info_asked == ("IdentityNumber",) and len(entry.deadline_ids) == 1
    assert entry.response_id is None and entry.person_id is None


def test_the_reply_identifies_the_person_the_request_is_answered_and_the_due_date_moves_art_16_1(
        loaded: App) -> None:
    rai_id = ask_about_twins(loaded)
    later = at(loaded, REPLY_AT)
    row = deliver(later, reply(rai_id, number="1980051700002"))
    assert row.state is InboxState.PROCESSED and row.reply_id is not None
    answer = sent(later, row.reply_id)
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-00"
    assert str(answer.metadata.response_to) == "FR-LU-REQ-000000000000007"
    assert answer.person.identity_number == "1980051700002"  # the identity as completed by the reply
    with later.uow() as uow:
        entry = uow.incoming_requests.get("FR-LU-REQ-000000000000007")
        acknowledged = uow.outbox.get(rai_id)
    assert entry is not None and entry.state is IncomingRequestState.ANSWERED
    assert entry.person_id == "1980051700002" and entry.additional_info_reply_id == str(row.message_id)
    assert entry.received_on == RECEIVED_ON and entry.clock_started_on == date(2026, 11, 26)
    assert entry.due_on == answer_due_date(date(2026, 11, 26)) == date(2026, 12, 10) != answer_due_date(RECEIVED_ON)
    assert acknowledged is not None and acknowledged.acknowledged_by == str(row.message_id)


def test_still_several_persons_after_the_reply_is_answered_more_than_one_person_found_rrt_00_05(
        loaded: App) -> None:
    rai_id = ask_about_twins(loaded)
    row = deliver(at(loaded, REPLY_AT), reply(rai_id, number=None))
    answer = sent(loaded, row.reply_id)
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-05"
    assert answer.convictions == () and "2 personnes correspondent" in answer.remarks[0].value
    with loaded.uow() as uow:
        entry = uow.incoming_requests.get("FR-LU-REQ-000000000000007")
    assert entry is not None and entry.response_type == "RRT-00-05" and entry.person_id is None


def test_a_reply_for_a_request_no_longer_waiting_is_only_recorded(loaded: App) -> None:
    rai_id = ask_about_twins(loaded)
    assert run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--person", "1980051700001").exit_code == 0
    row = deliver(loaded, reply(rai_id, number="1980051700002"))
    assert row.state is InboxState.PROCESSED and row.reply_id is None
    with loaded.uow() as uow:
        entry = uow.incoming_requests.get("FR-LU-REQ-000000000000007")
    assert entry is not None and entry.person_id == "1980051700001" and entry.additional_info_reply_id is None


def test_a_reply_naming_no_request_for_information_we_sent_is_refused_with_a_functional_error(loaded: App) -> None:
    row = deliver(loaded, reply("LU-FR-RAI-000000000000999", number="1980051700002"))
    assert row.state is InboxState.REJECTED and "FE-" in (row.error or "")


def run(app: App, *args: str, when: datetime = NOW) -> Any:
    env = {"ECRIS_GATEWAY_NOW": when.isoformat(), "ECRIS_GATEWAY_OFFICIAL": "agent.dupont"}
    return CliRunner().invoke(main, ["--db", app.settings.db_url, *args], env=env)


def test_a_clerk_answers_a_request_whose_purpose_code_the_table_does_not_hold(loaded: App) -> None:
    receive(loaded, request(person_id="LU1", purpose="P-99-007777"))
    result = run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--person", "LU1",
                 "--purpose", "criminal_proceedings")
    assert result.exit_code == 0, result.output
    assert "RRT-00-00" in result.output and "LU1" in result.output
    with loaded.uow() as uow:
        entry = uow.incoming_requests.get("FR-LU-REQ-000000000000007")
        [journalled] = [e for e in uow.journal.entries() if e.action == "ecris.request_answered"]
    assert entry is not None and entry.state is IncomingRequestState.ANSWERED
    assert (entry.purpose_key, entry.answered_by) == ("criminal_proceedings", "agent.dupont")
    assert journalled.official == "agent.dupont" and journalled.details["identified"] == "clerk"
    answer = sent(loaded, entry.response_id or "")
    assert isinstance(answer, RequestResponse) and [c.file_number for c in answer.convictions] == ["REF-D1", "REF-FINE"]
    again = run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--not-held")
    assert again.exit_code == 2 and "déjà reçu sa réponse" in again.output
    still_unknown = run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--person", "NOBODY")
    assert still_unknown.exit_code == 2


def test_a_clerk_must_name_the_purpose_when_its_code_is_unknown(loaded: App) -> None:
    receive(loaded, request(person_id="LU1", purpose="P-99-007777"))
    result = run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--person", "LU1")
    assert result.exit_code == 2 and "--purpose" in result.output
    both = run(loaded, "requests", "answer", "FR-LU-REQ-000000000000007", "--person", "LU1", "--not-held")
    assert both.exit_code == 2 and "--not-held" in both.output


def test_the_queue_lists_urgent_requests_first_then_by_due_date_with_working_days_left(loaded: App) -> None:
    receive(loaded, request(person_id="LU1", purpose="P-99-007777", serial=1))  # for a clerk, due 07/12
    receive(at(loaded, REPLY_AT), request(person_id="LU1", purpose="P-99-007777", serial=2))  # due 10/12
    receive(at(loaded, REPLY_AT), dataclasses.replace(  # urgent, due 10/12
        request(person_id="LU1", purpose="P-99-007777", serial=3), urgency=YesNoUnknown.YES))
    receive(loaded, request(person_id="LU1", purpose="P-99-001000", serial=4))  # answered at once
    with loaded.uow() as uow:
        rows = request_queue(uow, on=date(2026, 12, 3))
        open_rows = request_queue(uow, on=date(2026, 12, 8), open_only=True)
        before = request_queue(uow, on=date(2026, 12, 3), due_before=date(2026, 12, 8))
    assert [r.message_id[-1] for r in rows] == ["3", "1", "4", "2"]
    assert [(r.state, r.working_days_left) for r in rows] == [
        ("received", 5), ("received", 2), ("answered", None), ("received", 5)]
    assert rows[0].urgent and rows[2].answered_on == RECEIVED_ON and rows[2].response_type == "RRT-00-00"
    assert [(r.message_id[-1], r.state, r.working_days_left) for r in open_rows] == [
        ("3", "received", 2), ("1", "late", -1), ("2", "received", 2)]
    assert {r.message_id[-1] for r in before} == {"1", "4"}


def test_requests_list_and_show_speak_french_to_clerks_and_json_to_programs(loaded: App) -> None:
    rai_id = ask_about_twins(loaded)
    deliver(at(loaded, REPLY_AT), reply(rai_id, number="1980051700002"))
    receive(loaded, request(person_id="LU1", purpose="P-99-007777", serial=8))
    listed = run(loaded, "requests", "list", "--json", when=datetime(2026, 12, 8, 9, 0, tzinfo=NOW.tzinfo))
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert rows[0] == {
        "direction": "incoming", "kind": "request", "message_id": "FR-LU-REQ-000000000000008", "from": "FR",
        "purpose": "P-99-007777", "person": None, "urgent": False, "state": "late", "received_on": "2026-11-23",
        "due_date": "2026-12-07", "working_days_left": -1, "answered_on": None, "response_type": None,
        "flag": None}
    assert (rows[1]["state"], rows[1]["due_date"], rows[1]["answered_on"], rows[1]["person"]) == (
        "answered", "2026-12-10", "2026-11-26", "1980051700002")
    text = run(loaded, "requests", "list", "--open", when=datetime(2026, 12, 8, 9, 0, tzinfo=NOW.tzinfo)).output
    assert text.count("\n") == 1 and "EN RETARD" in text and "en retard de 1 jour ouvrable" in text
    shown = json.loads(run(loaded, "requests", "show", "FR-LU-REQ-000000000000007", "--json").output)
    assert shown["clock_started_on"] == "2026-11-26" and shown["additional_info_asked"] == ["IdentityNumber"]
    assert [h["type"] for h in shown["history"]] == [
        "RequestDeadlineMessage", "RequestAdditionalInfoMessage", "RequestAdditionalInfoResponseMessage",
        "RequestResponseMessage"]
    french = run(loaded, "requests", "show", "FR-LU-REQ-000000000000007").output
    assert "informations complémentaires demandées : numéro d'identification" in french
    assert "le délai court à nouveau du 26/11/2026" in french and "réponse envoyée (RRT-00-00)" in french
    assert run(loaded, "requests", "show", "FR-LU-REQ-000000000000099").exit_code == 2


def test_copy_requests_appear_in_the_queue_as_answered_copies(loaded: App) -> None:
    from gateway.ports import CopyRequest

    with loaded.uow() as uow:
        uow.copy_requests.record(CopyRequest(message_id="DE-LU-REQ-000000000000001", sender="DE",
                                             received_on=RECEIVED_ON, due_on=date(2026, 12, 7), person_id="LU1",
                                             answered_at=NOW, reply_id="LU-DE-RRS-000000000000002"))
        uow.commit()
    rows = json.loads(run(loaded, "requests", "list", "--json").output)
    assert [(r["kind"], r["from"], r["state"], r["purpose"], r["response_type"]) for r in rows] == [
        ("copy", "DE", "answered", "copy_of_convictions", "RRT-00-00")]


@pytest.mark.shared
def test_the_request_for_additional_information_validates_against_the_official_schemas(loaded: App) -> None:
    from tests.conformance.official import official_lxml, official_xmlschema

    element = codec.encode(sent(loaded, ask_about_twins(loaded)))
    assert official_lxml().validate(element) == []
    assert [str(e.reason) for e in official_xmlschema().iter_errors(codec.to_bytes(element))] == []


