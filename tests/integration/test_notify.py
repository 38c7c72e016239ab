"""``notify``: the clerk's way to send a conviction again, through the rule of the automatic flow (Art 12(1))."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_file
from adapters.settings import Settings
from gateway.errors import InvalidRequest
from gateway.services.outgoing_notification import NotifyOutcome, notify_decision
from gateway.services.register_import import import_persons
from tests.conftest import NOW
from tests.samples.register_documents import DEMO_REGISTER


@pytest.fixture
def loaded(app: App) -> App:
    persons, _ = read_file(DEMO_REGISTER)
    import_persons(persons, uow=app.uow(), clock=app.clock, official="clerk", source="demo")
    return app


def _notify(app: App, person_id: str, decision_id: str, *receivers: str, again: bool = False) -> NotifyOutcome:
    return notify_decision(app.uow(), person_id=person_id, decision_id=decision_id, clock=app.clock,
                           official="clerk", receivers=receivers, again=again)


def _notification_messages(app: App) -> list[tuple[str, str]]:
    with app.uow() as uow:
        return [(r.counterpart, r.message_id) for r in uow.outbox.list() if r.type == "NotificationMessage"]


def test_notify_on_a_conviction_already_notified_says_so_and_queues_nothing(loaded: App) -> None:
    before = _notification_messages(loaded)
    outcome = _notify(loaded, "1985031512345", "D-2024-0001")
    assert outcome.queued == []
    assert [(a.receiver, a.act) for a in outcome.already] == [("FR", "notification")]
    assert _notification_messages(loaded) == before


def test_notify_again_sends_the_same_conviction_id_once_more_as_an_update(loaded: App) -> None:
    with loaded.uow() as uow:
        person = uow.persons.get("1985031512345")
    assert person is not None
    conviction_id = person.decisions[0].ecris_conviction_id
    outcome = _notify(loaded, "1985031512345", "D-2024-0001", again=True)
    assert [(q.receiver, q.conviction_id, q.act.value) for q in outcome.queued] == [("FR", conviction_id, "update")]
    with loaded.uow() as uow:
        entries = [e for e in uow.journal.entries() if e.action == "ecris.update"]
        ledger = uow.notifications.list(person_id="1985031512345")
    assert len(entries) == 1 and entries[0].details["conviction_id"] == conviction_id
    assert [n.act for n in ledger] == ["notification", "update"]


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
    before = _notification_messages(loaded)
    with pytest.raises(InvalidRequest, match=message):
        _notify(loaded, person_id, decision_id, *receivers)
    assert _notification_messages(loaded) == before


def test_notify_waits_for_force_de_chose_jugee_and_sends_from_that_day(app: App, store_url: str) -> None:
    """Art 1(1), 12(1): a final date still to come (allowed at import, issue 7 point 13) is notified from
    that day, not before; the import queued nothing for it."""
    persons, _ = read_file(DEMO_REGISTER)
    french = next(p for p in persons if p.id == "1985031512345")
    tomorrow = NOW.date() + timedelta(days=1)
    pending = replace(french, decisions=tuple(replace(d, final_date=tomorrow) for d in french.decisions))
    report = import_persons([pending], uow=app.uow(), clock=app.clock, official="clerk", source="test")
    assert report.notifications == []
    with pytest.raises(InvalidRequest, match="n'aura force de chose jugée que le"):
        _notify(app, "1985031512345", "D-2024-0001")
    later = App(Settings(db_url=store_url, official="test-clerk", now=NOW + timedelta(days=1)))
    try:
        assert [q.receiver for q in _notify(later, "1985031512345", "D-2024-0001").queued] == ["FR"]
    finally:
        later.engine.dispose()
