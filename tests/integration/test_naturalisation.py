"""The naturalisation transfer (Art 14(3)) on SQLite and PostgreSQL: a former French national asked through
ECRIS, a former Moroccan's extract inscribed with its origin, two former nationalities each handled (AMB-23);
a second run does nothing twice; answers complete the person; silence past the deadline and an incomplete
answer fall back to the supplied extract; ``register import`` still refuses an unconventioned foreign decision."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from adapters.bootstrap import App
from adapters.naturalisation.transfer_file import read_transfer
from adapters.peer.behaviour import sample_conviction
from gateway.clock import FixedClock
from gateway.errors import InvalidInput
from gateway.model.conviction import InscriptionSource
from gateway.model.exchange import MessageId, MessageMetadata, MessageType, RequestResponse
from gateway.model.person import NaturalPerson
from gateway.ports import NaturalisationPersonState, NaturalisationRequestOutcome
from gateway.services.ecris_mapping import person_identity_of
from gateway.services.inbound import DEFAULT_HANDLERS, HandlerContext
from gateway.services.naturalisation.settlement import naturalisation_fallbacks
from gateway.services.naturalisation.status import transfer_status
from gateway.services.naturalisation.transfer_import import TransferSummary, import_transfer
from gateway.services.register_import import import_persons
from tests.conftest import NOW
from tests.samples import naturalisation as sample

FRENCH, MOROCCAN, BRAZILIAN_PORTUGUESE = "2026030200001", "2026030200002", "2026030200003"


def run(app: App, path: Path) -> TransferSummary:
    transfer = read_transfer(path.read_bytes())
    return import_transfer(transfer.rows(), header=transfer.header, digest=transfer.digest, source=path.name,
                           total=transfer.total, uow=app.uow, clock=app.clock, official="clerk", member_state="LU",
                           rows_per_commit=2)


def count(app: App, sql: str) -> int:
    with app.engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def person(app: App, person_id: str) -> NaturalPerson:
    with app.uow() as uow:
        found = uow.persons.get(person_id)
    assert isinstance(found, NaturalPerson)
    return found


def request_to(app: App, person_id: str, country: str) -> str:
    with app.uow() as uow:
        [found] = [r for r in uow.naturalisation.requests() if r.person_id == person_id and r.country == country]
    return found.message_id


@pytest.fixture
def transfer(tmp_path: Path) -> Path:
    return sample.write(tmp_path / "transfer.jsonl", [sample.FRENCH, sample.MOROCCAN, sample.BRAZILIAN_PORTUGUESE,
                                                      "{broken"])


def test_each_former_nationality_is_handled_and_a_second_run_does_nothing_twice(app: App, transfer: Path) -> None:
    first = run(app, transfer)
    assert (first.persons_done, first.invalid_rows, first.requests_sent, first.convictions_inscribed) == (3, 1, 2, 3)
    moroccan = person(app, MOROCCAN)
    assert moroccan.nationalities == ("LU",) and moroccan.previous_nationalities == ("MA",)
    assert [(d.id, d.origin) for d in moroccan.decisions] == [("A14-MA-MA-1", "extract:MA"), ("A14-MA-MA-2", "extract:MA")]
    basis = moroccan.decisions[0].inscription_basis
    assert basis is not None and (basis.source, basis.country, basis.extract_date, basis.transfer) == (
        InscriptionSource.EXTRACT, "MA", date(2025, 8, 15), first.transfer_id)
    souza = person(app, BRAZILIAN_PORTUGUESE)
    assert [d.origin for d in souza.decisions] == ["extract:BR"]  # Brazil's extract; Portugal is asked
    assert person(app, FRENCH).decisions == ()  # France is asked first
    assert count(app, "SELECT count(*) FROM ecris_outbox WHERE type = 'RequestMessage'") == 2
    assert count(app, "SELECT count(*) FROM outgoing_requests WHERE purpose_key = 'naturalisation_record_update'") == 2

    second = run(app, transfer)
    assert (second.already_done, second.persons_done, second.requests_sent, second.convictions_inscribed) == (4, 0, 0, 0)
    assert count(app, "SELECT count(*) FROM ecris_outbox") == 2
    assert count(app, "SELECT count(*) FROM decisions") == 3
    [status] = transfer_status(app.uow(), year=2026)
    assert (status["rows_done"], status["invalid_rows"], status["requests_awaiting"], status["persons_complete"]) == (
        4, 1, 2, 1)


def _answer(app: App, person_id: str, country: str, response_type: str, *, serial: int, convictions: int) -> None:
    request_id = request_to(app, person_id, country)
    identity = person_identity_of(person(app, person_id))
    message = RequestResponse(
        metadata=MessageMetadata(MessageId(country, "LU", MessageType.REQUEST_RESPONSE, serial), NOW,
                                 response_to=MessageId.parse(request_id)),
        person=identity, response_type=response_type,
        convictions=tuple(sample_conviction(country, 700 + serial + k, k + 1) for k in range(convictions)))
    with app.uow() as uow:
        DEFAULT_HANDLERS[message.element_name](uow, message, HandlerContext("LU", FixedClock(NOW), "clerk"))
        uow.commit()


def test_a_complete_answer_is_inscribed_and_an_incomplete_one_falls_back_to_the_extract(
        app: App, transfer: Path) -> None:
    run(app, transfer)
    _answer(app, FRENCH, "FR", "RRT-00-00", serial=1, convictions=2)
    french = person(app, FRENCH)
    assert [d.origin for d in french.decisions] == ["ecris:FR", "ecris:FR"]
    assert {d.inscription_basis.source for d in french.decisions if d.inscription_basis} == {
        InscriptionSource.ECRIS_ANSWER}
    _answer(app, BRAZILIAN_PORTUGUESE, "PT", "RRT-00-01", serial=2, convictions=0)  # refused: the extract (empty)
    with app.uow() as uow:
        outcomes = {r.country: r.outcome for r in uow.naturalisation.requests()}
        rows = {r.person_id: r.state for r in uow.naturalisation.person_rows(uow.naturalisation.transfers()[0].id)}
    assert outcomes == {"FR": NaturalisationRequestOutcome.ANSWER_INSCRIBED,
                        "PT": NaturalisationRequestOutcome.EXTRACT_INSCRIBED}
    assert rows[FRENCH] is rows[BRAZILIAN_PORTUGUESE] is NaturalisationPersonState.COMPLETE
    assert naturalisation_fallbacks(app.uow(), date(2027, 1, 4), clock=app.clock, official="clerk").fallbacks == 0


def test_silence_past_the_deadline_falls_back_to_the_supplied_extract_once(app: App, transfer: Path) -> None:
    run(app, transfer)
    asked = request_to(app, FRENCH, "FR")
    with app.uow() as uow:
        due = uow.outgoing_requests.get(asked).expected_by  # type: ignore[union-attr]
    later = FixedClock(datetime(2026, 12, 10, 9, tzinfo=UTC))
    on_due = naturalisation_fallbacks(app.uow(), due, clock=later, official="clerk")
    assert on_due.fallbacks == 0 and person(app, FRENCH).decisions == ()
    after = naturalisation_fallbacks(app.uow(), date.fromordinal(due.toordinal() + 1), clock=later, official="clerk")
    # France only: Portugal's 10 working days, counted in its calendar, end later (8 December is a holiday there)
    assert after.fallbacks == 1 and after.convictions_inscribed == 1
    [decision] = person(app, FRENCH).decisions
    assert decision.origin == "extract:FR" and decision.inscription_basis is not None
    assert decision.inscription_basis.extract_date == date(2025, 9, 1)
    portugal = naturalisation_fallbacks(app.uow(), date(2027, 1, 4), clock=later, official="clerk")
    assert (portugal.fallbacks, portugal.convictions_inscribed) == (1, 0)  # its extract holds no conviction
    again = naturalisation_fallbacks(app.uow(), date(2027, 2, 1), clock=later, official="clerk")
    assert (again.fallbacks, again.answers_inscribed) == (0, 0)
    assert count(app, "SELECT count(*) FROM decisions") == 4


def test_register_import_still_refuses_an_unconventioned_third_country_decision(app: App, transfer: Path) -> None:
    run(app, transfer)
    moroccan = person(app, MOROCCAN)
    extra = moroccan.decisions[0].__class__(**{**{f: getattr(moroccan.decisions[0], f) for f in (
        "court", "court_country", "reference", "decision_date", "final_date", "kind", "penalty_level")},
        "id": "MA-9"})
    with pytest.raises(InvalidInput, match="convention"):
        import_persons([moroccan.__class__(**{**{f: getattr(moroccan, f) for f in ("id", "surname", "nationalities")},
                                              "decisions": (*moroccan.decisions, extra)})],
                       uow=app.uow(), clock=app.clock, official="clerk", source="test")


def test_the_scheduler_settles_the_transfer_once_its_deadline_has_passed(app: App, transfer: Path) -> None:
    from scheduler import jobs
    from tests.scheduler_support import keyed

    run(app, transfer)
    asked = request_to(app, FRENCH, "FR")
    with app.uow() as uow:
        due = uow.outgoing_requests.get(asked).expected_by  # type: ignore[union-attr]
    on_due = keyed(app, datetime(due.year, due.month, due.day, 12, tzinfo=UTC))
    assert jobs.naturalisation_settlement(on_due).startswith("0 réponse(s) inscrite(s), 0 extrait(s)")
    day_after = date.fromordinal(due.toordinal() + 1)
    later = keyed(app, datetime(day_after.year, day_after.month, day_after.day, 12, tzinfo=UTC))
    assert jobs.naturalisation_settlement(later).startswith("0 réponse(s) inscrite(s), 1 extrait(s)")
    assert jobs.naturalisation_settlement(later).startswith("0 réponse(s) inscrite(s), 0 extrait(s)")
    assert [d.origin for d in person(app, FRENCH).decisions] == ["extract:FR"]
