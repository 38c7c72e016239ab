"""``notify``: a Luxembourg conviction queued for each Member State of nationality, in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.settings import Settings
from gateway.errors import InvalidRequest
from gateway.services.outgoing_notification import notify_decision
from gateway.services.register_import import import_persons
from tests.conftest import NOW
from tests.samples.register_documents import DEMO_REGISTER


@pytest.fixture
def loaded(app: App) -> App:
    persons, _ = read_file(DEMO_REGISTER)
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="demo")
    return app


def _notify(app: App, person_id: str, decision_id: str, *receivers: str) -> list[str]:
    queued = notify_decision(app.uow(), person_id=person_id, decision_id=decision_id, clock=app.clock,
                             official="clerk", receivers=receivers)
    return [f"{q.receiver} {q.conviction_id}" for q in queued]


def test_notify_allocates_the_conviction_id_once_and_queues_one_message_per_state(loaded: App) -> None:
    first = _notify(loaded, "1985031512345", "D-2024-0001")
    again = _notify(loaded, "1985031512345", "D-2024-0001")
    assert len(first) == 1 and first[0].startswith("FR LU-C-")
    assert again == first  # same ConvictionID reused for every later message
    with loaded.uow() as uow:
        person = uow.persons.get("1985031512345")
        records = uow.outbox.list()
        entries = [e for e in uow.journal.entries() if e.action == "ecris.notify"]
    assert person is not None and person.decisions[0].ecris_conviction_id == first[0].split()[1]
    assert len(entries) == 2 and entries[0].details["conviction_id"] == first[0].split()[1]
    assert [(r.type, r.counterpart, r.state.value) for r in records] == [("NotificationMessage", "FR", "queued")] * 2


def test_notify_goes_to_the_eu_state_of_a_dual_eu_and_third_country_national(loaded: App) -> None:
    assert [r.split()[0] for r in _notify(loaded, "1988020222222", "D-2023-0310")] == ["IT"]


@pytest.mark.parametrize(
    ("person_id", "decision_id", "receivers", "message"),
    [
        ("1990071811111", "D-2025-0042", (), "holds no other Member State's nationality"),
        ("B123456", "D-2024-0555", (), "les condamnations de personnes morales ne sont pas notifiées"),
        ("1979110254321", "D-DE-2019-7", (), "notifiée par l'État de condamnation"),
        ("1985031512345", "D-2024-0001", ("DE",), "DE: not a Member State of the person's nationality"),
    ],
)
def test_notify_refuses_what_art_12_does_not_ask_and_queues_nothing(
    loaded: App, person_id: str, decision_id: str, receivers: tuple[str, ...], message: str
) -> None:
    with pytest.raises(InvalidRequest, match=message):
        _notify(loaded, person_id, decision_id, *receivers)
    with loaded.uow() as uow:
        assert [e for e in uow.journal.entries() if e.action == "ecris.notify"] == []
        assert uow.outbox.list() == []


def test_notify_waits_for_force_de_chose_jugee_and_sends_from_that_day(app: App, store_url: str) -> None:
    """Art 1(1), 12(1): a final date still to come (allowed at import, issue 7 point 13) is notified from
    that day, not before."""
    persons, _ = read_file(DEMO_REGISTER)
    french = next(p for p in persons if p.id == "1985031512345")
    tomorrow = NOW.date() + timedelta(days=1)
    pending = replace(french, decisions=tuple(replace(d, final_date=tomorrow) for d in french.decisions))
    import_persons([pending], uow=app.uow(), clock=app.clock, official="clerk", source="test")
    with pytest.raises(InvalidRequest, match="n'aura force de chose jugée que le"):
        _notify(app, "1985031512345", "D-2024-0001")
    later = App(Settings(db_url=store_url, official="test-clerk", now=NOW + timedelta(days=1)))
    try:
        assert [r.split()[0] for r in _notify(later, "1985031512345", "D-2024-0001")] == ["FR"]
    finally:
        later.engine.dispose()
