"""Art 12(3): a State of nationality's request for copies is answered from the register, with a due date of
10 Luxembourg working days (AMB-15)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.soap.messages import MessageReader
from gateway.law.copies import COPY_REQUEST_PURPOSE, copy_due_date
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, Request, RequestResponse
from gateway.services.incoming_copy_request import answer_copy_request
from gateway.services.register_import import import_persons
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


def test_a_state_that_is_not_the_persons_nationality_gets_no_copy(loaded: App) -> None:
    with loaded.uow() as uow:
        assert answer_copy_request(uow, request_from("DE"), member_state="LU", clock=loaded.clock,
                                   official="clerk") is None
        assert [r for r in uow.outbox.list() if r.type != "NotificationMessage"] == []  # the import's Art 12 only
        assert uow.copy_requests.list() == []


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
