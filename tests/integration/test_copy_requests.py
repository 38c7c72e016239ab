"""Art 12(3): a State of nationality's request for copies is answered from the register, with a due date of
10 Luxembourg working days (AMB-15)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.soap.messages import MessageReader
from gateway.law.copies import COPY_REQUEST_PURPOSE, copy_due_date
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, Request, RequestResponse
from gateway.services.incoming_copy_request import answer_copy_request
from gateway.services.register_import import import_persons
from gateway.services.request_queue import request_queue
from tests.conftest import NOW
from tests.samples import ecris_messages as samples
from tests.samples.register_documents import DEMO_REGISTER

FRENCH_NATIONAL = "1985031512345"  # demo register: Dupont Marie Claire, French, one Luxembourg conviction


@pytest.fixture
def loaded(app: App) -> App:
    persons, _ = read_file(DEMO_REGISTER)
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="demo")
    return app


def request_from(state: str, serial: int = 5) -> Request:
    base = samples.request("minimal")
    person = dataclasses.replace(base.person, identity_number=FRENCH_NATIONAL)
    return dataclasses.replace(base, person=person, purpose_category=COPY_REQUEST_PURPOSE,
                               metadata=MessageMetadata(MessageId(state, "LU", MessageType.REQUEST, serial), NOW))


def test_the_state_of_nationality_gets_a_copy_of_the_conviction_with_a_due_date(loaded: App) -> None:
    with loaded.uow() as uow:
        reply = answer_copy_request(uow, request_from("FR"), member_state="LU", clock=loaded.clock, official="clerk")
        uow.commit()
    assert reply is not None and (reply.sender, reply.receiver, reply.type) == ("LU", "FR", MessageType.REQUEST_RESPONSE)
    with loaded.uow() as uow:
        envelope = uow.outbox.envelope(str(reply))
        [logged] = uow.copy_requests.list()
        person = uow.persons.get(FRENCH_NATIONAL)
        journal = [e for e in uow.journal.entries() if e.action == "ecris.copy_request"]
    assert envelope is not None and person is not None
    answer = MessageReader(max_bytes=10**7, member_state="FR").read(envelope).message
    assert isinstance(answer, RequestResponse) and answer.response_type == "RRT-00-00"
    [conviction] = answer.convictions
    [decision] = person.decisions
    assert conviction.id == decision.ecris_conviction_id and conviction.id.startswith("LU-C-")  # allocated once
    assert logged.sender == "FR" and logged.person_id == FRENCH_NATIONAL and logged.reply_id == str(reply)
    assert logged.received_on == NOW.date() and logged.due_on == copy_due_date(NOW.date()) == date(2026, 12, 7)
    assert journal and journal[-1].details["convictions"] == conviction.id


def test_a_state_that_is_not_the_persons_nationality_gets_no_copy_and_the_request_waits_for_a_clerk(
        loaded: App) -> None:
    with loaded.uow() as uow:
        assert answer_copy_request(uow, request_from("DE"), member_state="LU", clock=loaded.clock,
                                   official="clerk") is None
        assert [r for r in uow.outbox.list() if r.type != "NotificationMessage"] == []  # the import's Art 12 only
        [waiting] = uow.copy_requests.list()
        [journalled] = [e for e in uow.journal.entries() if e.action == "ecris.copy_request_for_clerk"]
        uow.commit()
    assert (waiting.sender, waiting.person_id, waiting.answered_at, waiting.reply_id) == (
        "DE", FRENCH_NATIONAL, None, None)
    assert waiting.due_on == date(2026, 12, 7) and waiting.note is not None and "DE" in waiting.note
    assert "12(3)" in waiting.note and journalled.subject == FRENCH_NATIONAL
    [row] = _queue(loaded, on=NOW.date(), open_only=True)
    assert (row.kind, row.state, row.counterpart, row.due_date, row.working_days_left) == (
        "copy", "received", "DE", date(2026, 12, 7), 10)


def test_an_unidentified_person_waits_for_a_clerk_too(loaded: App) -> None:
    unknown = dataclasses.replace(request_from("FR"), person=samples.request("minimal").person)
    with loaded.uow() as uow:
        assert answer_copy_request(uow, unknown, member_state="LU", clock=loaded.clock, official="clerk") is None
        uow.commit()
    [row] = _queue(loaded, on=date(2026, 12, 8))
    assert (row.kind, row.person, row.state) == ("copy", None, "late")


@pytest.mark.parametrize(("received", "due"), [
    (date(2026, 11, 23), date(2026, 12, 7)),   # two plain weeks
    (date(2026, 12, 18), date(2027, 1, 5)),    # Christmas and New Year's Day skipped
    (date(2026, 6, 16), date(2026, 7, 1)),     # National Day (23 June) skipped
])
def test_a_copy_is_due_ten_luxembourg_working_days_after_receipt(received: date, due: date) -> None:
    assert copy_due_date(received) == due


@pytest.mark.shared
def test_the_copy_validates_against_the_official_schemas(loaded: App) -> None:
    from adapters.xml.codec import encode, to_bytes
    from tests.conformance.official import official_lxml, official_xmlschema

    with loaded.uow() as uow:
        reply = answer_copy_request(uow, request_from("FR"), member_state="LU", clock=loaded.clock, official="clerk")
        envelope = uow.outbox.envelope(str(reply))
    assert envelope is not None
    answer = MessageReader(max_bytes=10**7, member_state="FR").read(envelope).message
    assert isinstance(answer, RequestResponse) and answer.convictions
    element = encode(answer)
    assert official_lxml().validate(element) == []
    assert [str(e.reason) for e in official_xmlschema().iter_errors(to_bytes(element))] == []


def _queue(app: App, **options: Any) -> list[Any]:
    with app.uow() as uow:
        return request_queue(uow, **options)


def _receive(app: App, message: Request) -> None:
    """``message`` through the endpoint (journalled, 202) and the inbox processor, as a State sends it."""
    from adapters.soap.envelope import envelope_bytes, request_headers
    from adapters.xml import codec

    endpoint = app.messaging.endpoint(app.engine)
    headers = {k.lower(): v for k, v in request_headers(message.operation).items()}
    try:
        assert endpoint.accept(envelope_bytes(codec.encode(message)), headers).status == 202
    finally:
        endpoint.close()
    assert app.messaging.processor(app.uow).process_pending() == 1


def _clerk(app: App, *args: str) -> Any:
    from click.testing import CliRunner

    from adapters.cli import main

    env = {"ECRIS_GATEWAY_NOW": NOW.isoformat(), "ECRIS_GATEWAY_OFFICIAL": "agent.weber"}
    return CliRunner().invoke(main, ["--db", app.settings.db_url, *args], env=env)


def _answer(app: App, reply_id: str) -> RequestResponse:
    with app.uow() as uow:
        envelope = uow.outbox.envelope(reply_id)
    assert envelope is not None
    answer = MessageReader(max_bytes=10**7, member_state=MessageId.parse(reply_id).receiver).read(envelope).message
    assert isinstance(answer, RequestResponse)
    return answer


def test_a_clerk_answers_a_waiting_copy_request_with_a_reasoned_denial(loaded: App) -> None:
    _receive(loaded, request_from("DE", serial=41))
    message_id = "DE-LU-REQ-000000000000041"
    assert [r.message_id for r in _queue(loaded, on=NOW.date(), open_only=True)] == [message_id]
    refused = _clerk(loaded, "requests", "answer", message_id, "--person", FRENCH_NATIONAL, "--purpose", "other")
    assert refused.exit_code == 2 and "sans objet" in refused.output
    result = _clerk(loaded, "requests", "answer", message_id, "--person", FRENCH_NATIONAL)
    assert result.exit_code == 0, result.output
    assert "RRT-00-01" in result.output
    with loaded.uow() as uow:
        entry = uow.copy_requests.get(message_id)
        journalled = [e.official for e in uow.journal.entries() if e.action == "ecris.copy_request_answered_by_clerk"]
    assert entry is not None and entry.answered_at is not None and entry.reply_id is not None
    answer = _answer(loaded, entry.reply_id)
    assert answer.response_type == "RRT-00-01" and answer.convictions == ()
    assert "12(3)" in " ".join(t.value for t in answer.remarks)
    assert journalled == ["agent.weber"]
    assert _queue(loaded, on=NOW.date(), open_only=True) == []
    again = _clerk(loaded, "requests", "answer", message_id, "--not-held")
    assert again.exit_code == 2 and "déjà reçu sa réponse" in again.output


def test_a_clerk_names_the_national_of_an_unidentified_copy_request_and_the_copy_goes(loaded: App) -> None:
    unknown = dataclasses.replace(request_from("FR", serial=42), person=samples.request("minimal").person)
    _receive(loaded, unknown)
    message_id = "FR-LU-REQ-000000000000042"
    assert _clerk(loaded, "requests", "answer", message_id, "--person", "NOBODY").exit_code == 2
    result = _clerk(loaded, "requests", "answer", message_id, "--person", FRENCH_NATIONAL)
    assert result.exit_code == 0 and "RRT-00-00" in result.output
    with loaded.uow() as uow:
        entry = uow.copy_requests.get(message_id)
    assert entry is not None and entry.person_id == FRENCH_NATIONAL and entry.reply_id is not None
    answer = _answer(loaded, entry.reply_id)
    assert answer.response_type == "RRT-00-00" and len(answer.convictions) == 1
