"""Luxembourg's own requests (Art 13), the own-record requests it forwards (Art 14) and their answers, on
SQLite and PostgreSQL: queued with their row in one transaction, answers matched by ResponseTo, convictions
stored as received, deadlines in the requested State's working days (Art 16), additional information
answered from the register."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from adapters.bootstrap import App
from adapters.peer.behaviour import sample_conviction
from adapters.soap.messages import MessageReader
from gateway.clock import FixedClock
from gateway.errors import InvalidRequest
from gateway.model.exchange import (
    AdditionalInformation,
    FunctionalError,
    FunctionalErrorEntry,
    MessageId,
    MessageMetadata,
    MessageType,
    Request,
    RequestAdditionalInfo,
    RequestAdditionalInfoResponse,
    RequestDeadline,
    RequestResponse,
    YesNoUnknown,
    ml,
)
from gateway.model.partial_date import PartialDate
from gateway.model.person import Address, Birth, Name, NaturalPerson, Sex
from gateway.services.bulletin import compute_bulletin
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.inbound import DEFAULT_HANDLERS, HandlerContext
from gateway.services.outgoing_request import EcrisTcnUnanswered, forward_own_record_request, send_request
from gateway.services.outgoing_request_view import attach_foreign_answers, outgoing_request_rows
from gateway.services.register_import import import_persons
from tests.conftest import NOW

PERSON = NaturalPerson(
    id="1985031512345", surname="Dupont", forenames=("Marie", "Claire"), sex=Sex.FEMALE,
    birth=Birth(PartialDate.of(date(1985, 3, 15)), "Metz", "FR"), nationalities=("FR",),
    father=Name("Dupont", ("Jean",)), previous_names=(Name("Martin", ("Marie",)),),
    residence=Address("1 rue de la Gare", "Luxembourg", "LU"),
    previous_residences=(Address(None, "Bruxelles", "BE"),),
)
IDENTITY = person_identity_of(PERSON)
ROW_KEYS = ["direction", "kind", "message_id", "to", "purpose", "person", "urgent", "state", "sent_on", "due_date",
            "working_days_left", "answered_on", "response_type"]


@pytest.fixture
def loaded(app: App) -> App:
    import_persons([PERSON], uow=app.uow(), clock=app.clock, official="clerk", source="test")
    return app


def ctx_at(when: datetime) -> HandlerContext:
    return HandlerContext("LU", FixedClock(when), "clerk")


def handle(app: App, message: object, when: datetime = NOW) -> MessageId | None:
    with app.uow() as uow:
        reply = DEFAULT_HANDLERS[message.element_name](uow, message, ctx_at(when))  # type: ignore[attr-defined]
        uow.commit()
    return reply


def send(app: App, **options: object) -> str:
    with app.uow() as uow:
        [sent] = send_request(uow, person_id=PERSON.id, to=["FR"], purpose="criminal_proceedings", member_state="LU",
                              clock=app.clock, official="clerk", **options)  # type: ignore[arg-type]
        uow.commit()
    return sent.message_id


def reply_meta(request_id: str, message_type: MessageType, serial: int, sender: str = "FR") -> MessageMetadata:
    return MessageMetadata(MessageId(sender, "LU", message_type, serial), NOW,
                           response_to=MessageId.parse(request_id))


def test_a_request_is_queued_with_its_row_and_the_requested_states_deadline(loaded: App) -> None:
    message_id = send(loaded, urgent=True, consent=True, authority="Juge d'instruction, Luxembourg")
    with loaded.uow() as uow:
        envelope = uow.outbox.envelope(message_id)
        record = uow.outbox.get(message_id)
    assert envelope is not None and record is not None and record.counterpart == "FR"
    request = MessageReader(max_bytes=10**7, member_state="FR").read(envelope).message
    assert isinstance(request, Request)
    assert request.purpose_category == "P-99-001000" and request.urgency is YesNoUnknown.YES
    assert request.consent is YesNoUnknown.YES and request.person.name.surname.value == "Dupont"
    assert request.requesting_authority.type == "RAT-99-A"
    [row] = outgoing_request_rows(loaded.uow(), on=NOW.date())
    assert list(row) == ROW_KEYS
    # Monday 23/11/2026 + 10 French working days (11/11 is behind): Monday 7/12.
    assert (row["kind"], row["state"], row["due_date"], row["working_days_left"]) == ("request", "sent", "2026-12-07", 10)
    late = outgoing_request_rows(loaded.uow(), on=date(2026, 12, 9))[0]
    assert (late["state"], late["working_days_left"]) == ("late", -2)


def test_a_request_to_luxembourg_itself_or_a_third_country_is_refused(loaded: App) -> None:
    for state in ("LU", "MA"):
        with loaded.uow() as uow, pytest.raises(InvalidRequest):
            send_request(uow, person_id=PERSON.id, to=[state], purpose="other", member_state="LU",
                         clock=loaded.clock, official="clerk")


def test_the_answer_is_matched_and_its_convictions_stored_as_received(loaded: App) -> None:
    message_id = send(loaded)
    deadline = RequestDeadline(metadata=reply_meta(message_id, MessageType.REQUEST_DEADLINE, 3),
                               deadline=date(2026, 12, 4))
    handle(loaded, deadline)
    assert outgoing_request_rows(loaded.uow(), on=NOW.date())[0]["state"] == "deadline_announced"
    later = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    answer = RequestResponse(
        metadata=reply_meta(message_id, MessageType.REQUEST_RESPONSE, 4), person=IDENTITY,
        response_type="RRT-00-00", convictions=(sample_conviction("FR", 41, 1), sample_conviction("DE", 42, 2)),
        remarks=ml("Two convictions.", "en"),
    )
    handle(loaded, answer, later)
    [row] = outgoing_request_rows(loaded.uow(), on=later.date())
    assert (row["state"], row["answered_on"], row["response_type"]) == ("answered", "2026-11-26", "RRT-00-00")
    with loaded.uow() as uow:
        stored = uow.outgoing_requests.get(message_id)
    assert stored is not None and stored.announced_deadline == date(2026, 12, 4)
    assert [(d.ecris_conviction_id, d.court_country, d.origin) for d in stored.convictions] == [
        ("FR-C-000000000000041", "FR", "ecris:FR"), ("DE-C-000000000000042", "DE", "ecris:DE")]
    assert stored.convictions[1].penalties[0].months == 6  # type: ignore[union-attr]
    assert stored.note is not None and "Two convictions." in stored.note
    assert outgoing_request_rows(loaded.uow(), on=later.date(), open_only=True) == []


def test_a_functional_error_on_our_request_marks_it_for_a_clerk(loaded: App) -> None:
    message_id = send(loaded)
    error = FunctionalError(metadata=reply_meta(message_id, MessageType.FUNCTIONAL_ERROR, 5),
                            errors=(FunctionalErrorEntry("FE-00007", ml("unknown purpose", "en")),))
    handle(loaded, error)
    with loaded.uow() as uow:
        stored = uow.outgoing_requests.get(message_id)
    assert stored is not None and stored.state.value == "error" and "FE-00007" in (stored.note or "")


def test_additional_information_is_answered_from_the_register_and_restarts_the_clock(loaded: App) -> None:
    message_id = send(loaded)
    asked = RequestAdditionalInfo(metadata=reply_meta(message_id, MessageType.REQUEST_ADDITIONAL_INFO, 6),
                                  requested=(AdditionalInformation.FATHER_NAME, AdditionalInformation.FORMER_NAME,
                                             AdditionalInformation.ALIAS,
                                             AdditionalInformation.MORE_INFORMATION_ON_REQUEST_PURPOSE))
    when = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    reply = handle(loaded, asked, when)
    assert reply is not None and reply.type is MessageType.REQUEST_ADDITIONAL_INFO_RESPONSE and reply.receiver == "FR"
    with loaded.uow() as uow:
        envelope = uow.outbox.envelope(str(reply))
        stored = uow.outgoing_requests.get(message_id)
    assert envelope is not None and stored is not None
    answer = MessageReader(max_bytes=10**7, member_state="FR").read(envelope).message
    assert isinstance(answer, RequestAdditionalInfoResponse) and answer.response_type == "ART-99-00"
    assert answer.person is not None and answer.person.father is not None
    assert answer.person.father.forename is not None and answer.person.father.forename.value == "Jean"
    assert [n.value for n in answer.person.former_surnames] == ["Martin"]
    assert answer.person.mother is None and answer.person.addresses == ()  # not asked: not sent
    assert "alias" in answer.remarks[0].value  # asked, not held: named
    assert "procédure pénale" in answer.request_purpose[0].value
    assert stored.expected_by == date(2026, 12, 14)  # 10 French working days from 30/11, not from 23/11


def test_additional_information_the_register_cannot_give_waits_for_a_clerk(loaded: App) -> None:
    message_id = send(loaded)
    asked = RequestAdditionalInfo(metadata=reply_meta(message_id, MessageType.REQUEST_ADDITIONAL_INFO, 7),
                                  requested=(AdditionalInformation.FINGERPRINTS, AdditionalInformation.ALIAS))
    assert handle(loaded, asked) is None
    [row] = outgoing_request_rows(loaded.uow(), on=NOW.date())
    assert row["state"] == "additional_info_asked"
    with loaded.uow() as uow:
        entries = [e for e in uow.journal.entries() if e.action == "ecris.additional_info_for_clerk"]
        queued = [r.message_id for r in uow.outbox.list()]
    assert entries and entries[-1].subject == PERSON.id and "empreintes digitales" in entries[-1].reason
    assert queued == [message_id]  # the request only: nothing answered in the register's name


def test_own_record_request_is_forwarded_and_answers_attached_to_the_bulletin(loaded: App) -> None:
    with loaded.uow() as uow:
        sent = forward_own_record_request(uow, person_id=PERSON.id, number=3, member_state="LU",
                                          clock=loaded.clock, official="clerk")
        uow.commit()
    assert [(s.to, s.expected_by) for s in sent] == [("FR", date(2026, 12, 21)), ("BE", date(2026, 12, 21))]
    rows = outgoing_request_rows(loaded.uow(), on=NOW.date())
    assert {(r["kind"], r["purpose"]) for r in rows} == {("own_record", "own_record_request_of_person")}
    fr = next(s.message_id for s in sent if s.to == "FR")
    handle(loaded, RequestResponse(metadata=reply_meta(fr, MessageType.REQUEST_RESPONSE, 8), person=IDENTITY,
                                   response_type="RRT-00-00", convictions=(sample_conviction("FR", 81, 1),)))
    with loaded.uow() as uow:
        person = uow.persons.get(PERSON.id)
    assert person is not None
    on_due = attach_foreign_answers(loaded.uow(), compute_bulletin(person, 3, date(2026, 12, 21)))
    after = attach_foreign_answers(loaded.uow(), compute_bulletin(person, 3, date(2026, 12, 22)))
    other_number = attach_foreign_answers(loaded.uow(), compute_bulletin(person, 4, date(2026, 12, 22)))
    assert [(a.state, a.received, len(a.convictions), a.mention) for a in on_due.foreign_answers] == [
        ("FR", True, 1, None), ("BE", False, 0, None)]
    assert [a.mention for a in after.foreign_answers] == [None, "réponse de la Belgique non parvenue"]
    assert other_number.foreign_answers == ()
    assert person.decisions == replace(PERSON, decisions=()).decisions  # nothing inscribed (AMB-21)


def test_a_request_is_late_from_the_day_after_its_due_day(loaded: App) -> None:
    send(loaded)  # due Monday 07/12/2026 in France
    on_due = outgoing_request_rows(loaded.uow(), on=date(2026, 12, 7))[0]
    day_after = outgoing_request_rows(loaded.uow(), on=date(2026, 12, 8))[0]
    saturday_after = outgoing_request_rows(loaded.uow(), on=date(2026, 12, 12))[0]
    assert (on_due["state"], on_due["working_days_left"]) == ("sent", 0)
    assert (day_after["state"], day_after["working_days_left"]) == ("late", -1)
    assert (saturday_after["state"], saturday_after["working_days_left"]) == ("late", -4)


def test_additional_information_about_our_notification_is_answered_from_the_register(app: App) -> None:
    from adapters.files.register_format import read_file
    from tests.samples.register_documents import DEMO_REGISTER

    persons, _ = read_file(DEMO_REGISTER)
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="demo")
    with app.uow() as uow:
        [notified] = [n for n in uow.notifications.list(person_id=PERSON.id) if n.receiver == "FR"]
    asked = RequestAdditionalInfo(metadata=reply_meta(notified.message_id, MessageType.REQUEST_ADDITIONAL_INFO, 9),
                                  requested=(AdditionalInformation.MOTHER_NAME,))
    reply = handle(app, asked)
    assert reply is not None
    with app.uow() as uow:
        envelope = uow.outbox.envelope(str(reply))
    assert envelope is not None
    answer = MessageReader(max_bytes=10**7, member_state="FR").read(envelope).message
    assert isinstance(answer, RequestAdditionalInfoResponse) and answer.person is not None
    assert answer.person.mother is not None and answer.person.mother.surname is not None
    assert answer.person.mother.surname.value == "Martin" and answer.person.father is None


def test_a_response_to_no_request_of_ours_is_refused_by_the_correlation_rules(loaded: App) -> None:
    from gateway.model.reference_tables import FunctionalErrorCode
    from gateway.ports import InboxState
    from gateway.services.inbound import InboundService, ReceivedMessage

    stray = RequestResponse(metadata=reply_meta("LU-FR-REQ-000000000000999", MessageType.REQUEST_RESPONSE, 10),
                            person=IDENTITY, response_type="RRT-00-00")
    received = ReceivedMessage(inbox_id=0, message_id=str(stray.metadata.message_id), element_name=stray.element_name,
                               counterpart="FR", message=stray)
    with loaded.uow() as uow:
        outcome = InboundService("LU", FixedClock(NOW)).handle(uow, received)
        reply = uow.outbox.envelope(outcome.reply_id or "")
        uow.commit()
    assert outcome.state is InboxState.REJECTED and reply is not None
    assert FunctionalErrorCode.UNKNOWN_CORRELATION.value in (outcome.note or "")
    assert outgoing_request_rows(loaded.uow(), on=NOW.date()) == []


class _Central:
    """A central system answering every query with ``states`` (or down)."""

    def __init__(self, *states: str, down: bool = False) -> None:
        self.states, self.down, self.queries = states, down, 0

    def create(self, record: object) -> None: ...

    def update(self, record: object) -> None: ...

    def delete(self, reference: str) -> None: ...

    def query(self, query: object) -> object:
        from gateway.model.tcn import TcnQueryResult
        from gateway.ports import TcnCentralUnavailable

        self.queries += 1
        if self.down:
            raise TcnCentralUnavailable("connection refused")
        return TcnQueryResult(self.states, NOW)


MOROCCAN = replace(PERSON, id="1990071811111", surname="Benali", nationalities=("MA",), previous_residences=())


def test_a_request_about_a_third_country_national_goes_to_the_states_ecris_tcn_returns(app: App) -> None:
    """Art 12-1(3), R-TCN-4: the query first, in the request's transaction; LU left out; --to narrows."""
    import_persons([MOROCCAN], uow=app.uow(), clock=app.clock, official="clerk", source="test")
    central = _Central("DE", "LU", "FR")
    with app.uow() as uow:
        sent = send_request(uow, person_id=MOROCCAN.id, to=[], purpose="criminal_proceedings", member_state="LU",
                            clock=app.clock, official="clerk", central=central)  # type: ignore[arg-type]
        narrowed = send_request(uow, person_id=MOROCCAN.id, to=["FR"], purpose="other", member_state="LU",
                                clock=app.clock, official="clerk", central=central)  # type: ignore[arg-type]
        with pytest.raises(InvalidRequest, match=r"BE.*12-1\(3\)"):
            send_request(uow, person_id=MOROCCAN.id, to=["BE"], purpose="other", member_state="LU",
                         clock=app.clock, official="clerk", central=central)  # type: ignore[arg-type]
        uow.commit()
    assert [s.to for s in sent] == ["DE", "FR"] and [s.to for s in narrowed] == ["FR"]
    with app.uow() as uow:
        logged = [e.entry for e in uow.tcn_log.entries() if e.entry is not None]
        rows = uow.outgoing_requests.list()
    assert [(e.reference, e.purpose, e.outcome) for e in logged] == [
        (MOROCCAN.id, "criminal_proceedings", "hit: DE, LU, FR"), (MOROCCAN.id, "other", "hit: DE, LU, FR"),
        (MOROCCAN.id, "other", "hit: DE, LU, FR")]
    assert sorted(r.to for r in rows) == ["DE", "FR", "FR"]


def test_no_ecris_tcn_answer_means_no_request(app: App) -> None:
    import_persons([MOROCCAN], uow=app.uow(), clock=app.clock, official="clerk", source="test")
    with app.uow() as uow:
        assert send_request(uow, person_id=MOROCCAN.id, to=[], purpose="other", member_state="LU",
                            clock=app.clock, official="clerk", central=_Central()) == []  # type: ignore[arg-type]
        with pytest.raises(EcrisTcnUnanswered, match="n'a pas répondu"):
            send_request(uow, person_id=MOROCCAN.id, to=[], purpose="other", member_state="LU", clock=app.clock,
                         official="clerk", central=_Central("FR", down=True))  # type: ignore[arg-type]
        with pytest.raises(EcrisTcnUnanswered, match="tcn_central_url"):
            forward_own_record_request(uow, person_id=MOROCCAN.id, number=3, member_state="LU", clock=app.clock,
                                       official="clerk")
        assert uow.outgoing_requests.list() == [] and [r for r in uow.outbox.list() if "-REQ-" in r.message_id] == []
