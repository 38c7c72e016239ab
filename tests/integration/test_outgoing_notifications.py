"""Art 12(1), 12(2): the register's changes notify the Member States of nationality by themselves —
first notifications, updates under the same conviction ID, deletions — in the change's transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from lxml import etree

from adapters.bootstrap import App
from adapters.db.engine import MIGRATIONS, create_store_engine, upgrade
from adapters.files.register_format import read_document
from adapters.settings import Settings
from adapters.soap.envelope import message_of_envelope
from adapters.xml import codec
from gateway.errors import InvalidInput
from gateway.model.exchange import Notification, YesNoUnknown
from gateway.ports import JournalEntry
from gateway.services import outgoing_notification
from gateway.services.erasure import erase_due_persons
from gateway.services.outgoing_notification import notify_due
from gateway.services.register_import import ImportReport, import_persons
from tests.conftest import NOW
from tests.samples.register_documents import decision, natural_person, register

TODAY = NOW.date()


def _import(app: App, *persons: dict[str, Any]) -> ImportReport:
    read, problems = read_document(register(*persons))
    assert problems == []
    return import_persons(read, uow=app.uow(), clock=app.clock, official="clerk", source="test")


def _sent(app: App, report: ImportReport | None = None) -> list[tuple[str, str, str]]:
    """(receiver, act, conviction ID) of the notifications queued by ``report``."""
    assert report is not None
    return [(q.receiver, q.act.value, q.conviction_id) for q in report.notifications]


def _message(app: App, message_id: str) -> Notification:
    with app.uow() as uow:
        envelope = uow.outbox.envelope(message_id)
    assert envelope is not None
    message = codec.decode(message_of_envelope(etree.fromstring(envelope)))
    assert isinstance(message, Notification)
    return message


def _ledger(app: App, person_id: str) -> list[tuple[str, str, str]]:
    with app.uow() as uow:
        return [(n.decision_id, n.receiver, n.act) for n in uow.notifications.list(person_id=person_id)]


FRENCH = natural_person("P-FR", decision("D1"), nationalities=["FR"])
SUSPENDED_FINE = {"type": "fine", "amount_eur": "1500", "nature": "correctionnelle", "sursis": {"type": "simple"}}


def test_art_12_1_a_final_conviction_imported_is_notified_to_each_other_member_state_of_nationality(app: App) -> None:
    report = _import(
        app,
        FRENCH,
        natural_person("P-2EU", decision("D2"), nationalities=["DE", "IT"]),
        natural_person("P-LUPT", decision("D3"), nationalities=["LU", "PT"]),
        natural_person("P-LU", decision("D4"), nationalities=["LU"]),
        natural_person("P-SUSP", decision("D5", kind="suspension_of_pronouncement", penalties=[],
                                          suspension={"type": "simple"}), nationalities=["FR"]),
    )
    assert sorted((q.person_id, q.receiver, q.act.value) for q in report.notifications) == [
        ("P-2EU", "DE", "notification"), ("P-2EU", "IT", "notification"),
        ("P-FR", "FR", "notification"), ("P-LUPT", "PT", "notification"),
    ]
    two = [q for q in report.notifications if q.person_id == "P-2EU"]
    assert two[0].conviction_id == two[1].conviction_id  # one conviction, one ID for every state
    with app.uow() as uow:
        person = uow.persons.get("P-2EU")
    assert person is not None and person.decisions[0].ecris_conviction_id == two[0].conviction_id


def test_art_1_1_a_decision_not_yet_final_is_notified_by_the_sweep_on_its_final_date(app: App, store_url: str) -> None:
    tomorrow = TODAY + timedelta(days=1)
    report = _import(app, natural_person("P-FR", decision("D1", final_date=tomorrow.isoformat()),
                                         nationalities=["FR"]))
    assert report.notifications == []
    assert notify_due(app.uow(), on=TODAY, clock=app.clock, official="clerk").queued == []
    later = App(Settings(db_url=store_url, official="test-clerk", now=NOW + timedelta(days=1)))
    try:
        swept = notify_due(later.uow(), on=tomorrow, clock=later.clock, official="clerk").queued
        assert [(q.receiver, q.act.value) for q in swept] == [("FR", "notification")]
        assert notify_due(later.uow(), on=tomorrow, clock=later.clock, official="clerk").queued == []
    finally:
        later.engine.dispose()


def test_art_12_re_importing_an_identical_file_sends_nothing(app: App) -> None:
    _import(app, FRENCH)
    assert _import(app, FRENCH).notifications == []
    assert _ledger(app, "P-FR") == [("D1", "FR", "notification")]


@pytest.mark.parametrize(
    ("changed", "seen", "ground"),
    [
        ({"later_decisions": [{"type": "pardon", "date": "2026-10-01", "remarks": None}]}, "DCH-00-O",
         "grâce du 01/10/2026"),
        ({"later_decisions": [{"type": "conditional_release", "date": "2026-10-01", "remarks": None}]},
         "DCH-00-Q", "libération conditionnelle du 01/10/2026"),
        ({"penalties": [dict(SUSPENDED_FINE, sursis={"type": "simple", "revoked_on": "2026-10-01"})]},
         "Sursis révoqué le", "sursis révoqué le 01/10/2026"),
        ({"offences": [{"date": "2019-12-01", "qualification": "vol qualifié", "minor": "none"}]}, "vol qualifié",
         "rectification des données inscrites"),
    ],
    ids=["pardon", "conditional-release", "sursis-revoked", "correction"],
)
def test_art_12_a_later_decision_or_a_correction_is_an_update_under_the_same_conviction_id(
    app: App, changed: dict[str, Any], seen: str, ground: str
) -> None:
    first = _import(app, natural_person("P-FR", decision("D1", penalties=[SUSPENDED_FINE]), nationalities=["FR"]))
    report = _import(app, natural_person("P-FR", decision("D1", **{"penalties": [SUSPENDED_FINE], **changed}),
                                         nationalities=["FR"]))
    [(receiver, act, conviction_id)] = _sent(app, report)
    assert (receiver, act, conviction_id) == ("FR", "update", first.notifications[0].conviction_id)
    message = _message(app, report.notifications[0].message_id)
    assert message.conviction.id == conviction_id
    assert message.updated_conviction is not None and message.updated_conviction.ecris_id == conviction_id
    assert seen in repr(message.conviction)
    assert [t.value for t in message.remarks] == [f"Mise à jour (art. 12 de la loi du 29 mars 2013) : {ground}."]


def test_art_12_2_a_decision_removed_by_the_register_is_deleted_under_its_conviction_id(app: App) -> None:
    first = _import(app, natural_person("P-FR", decision("D1"), decision("D2"), nationalities=["FR"]))
    ids = {q.decision_id: q.conviction_id for q in first.notifications}
    report = _import(app, natural_person("P-FR", decision("D2"), nationalities=["FR"]))
    assert _sent(app, report) == [("FR", "deletion", ids["D1"])]
    message = _message(app, report.notifications[0].message_id)
    last = message.conviction.decisions[-1]
    assert last.delete_from_register is YesNoUnknown.YES and last.change_types == ("DCH-00-X",)
    assert message.updated_conviction is not None and message.updated_conviction.ecris_id == ids["D1"]
    # deleted once: the next identical import sends nothing, the ledger says what happened
    assert _import(app, natural_person("P-FR", decision("D2"), nationalities=["FR"])).notifications == []
    assert _ledger(app, "P-FR") == [("D1", "FR", "notification"), ("D2", "FR", "notification"),
                                    ("D1", "FR", "deletion")]


def test_amb_14_erasure_at_death_sends_a_deletion_to_every_state_notified(app: App) -> None:
    report = _import(app, natural_person("P-2EU", decision("D1"), nationalities=["DE", "IT"]))
    conviction_id = report.notifications[0].conviction_id
    _import(app, natural_person("P-2EU", decision("D1"), nationalities=["DE", "IT"],
                                death_date=(TODAY - timedelta(days=3)).isoformat()))
    erased = erase_due_persons(uow=app.uow(), clock=app.clock, official="clerk", on=TODAY)
    assert [e.person_id for e in erased.erased] == ["P-2EU"]
    assert sorted((q.receiver, q.act.value, q.conviction_id) for q in erased.notifications) == [
        ("DE", "deletion", conviction_id), ("IT", "deletion", conviction_id),
    ]
    message = _message(app, erased.notifications[0].message_id)
    assert message.conviction.decisions[-1].delete_from_register is YesNoUnknown.YES
    assert "AMB-14" in repr(message.conviction.decisions[-1].remarks)


def test_art_12_a_nationality_acquired_brings_the_existing_final_convictions_once(app: App) -> None:
    _import(app, natural_person("P", decision("D1"), decision("D2"), nationalities=["LU"]))
    report = _import(app, natural_person("P", decision("D1"), decision("D2"), nationalities=["LU", "PT"]))
    assert sorted((q.decision_id, q.receiver, q.act.value) for q in report.notifications) == [
        ("D1", "PT", "notification"), ("D2", "PT", "notification"),
    ]
    again = _import(app, natural_person("P", decision("D1"), decision("D2"), nationalities=["LU", "PT"]))
    assert again.notifications == []


def test_art_12_a_nationality_lost_withdraws_nothing_and_the_state_still_gets_the_updates(app: App) -> None:
    _import(app, natural_person("P", decision("D1"), nationalities=["PT"]))
    lost = _import(app, natural_person("P", decision("D1"), nationalities=["MA"]))
    assert [q.act.value for q in lost.notifications] == ["update"]  # the identity the state holds changed
    pardon = [{"type": "pardon", "date": "2026-10-01", "remarks": None}]
    report = _import(app, natural_person("P", decision("D1", later_decisions=pardon), nationalities=["MA"]))
    assert [(q.receiver, q.act.value) for q in report.notifications] == [("PT", "update")]
    assert all(act != "deletion" for _, _, act in _ledger(app, "P"))


def test_an_import_refused_queues_no_notification(app: App) -> None:
    with pytest.raises(InvalidInput):
        _import(app, FRENCH, natural_person("P-BAD", decision("D9", final_date="2019-01-01",
                                                             decision_date="2020-01-01"), nationalities=["FR"]))
    with app.uow() as uow:
        assert uow.outbox.list() == [] and uow.notifications.list() == []


def test_the_sweep_on_the_day_of_no_change_queues_nothing(app: App) -> None:
    _import(app, FRENCH)
    assert notify_due(app.uow(), on=date(2026, 11, 23), clock=app.clock, official="clerk").queued == []


def test_notifications_sent_before_the_ledger_are_entered_from_the_journal_and_not_sent_again_as_new(
    store_url: str,
) -> None:
    """Migration 0003: an ``ecris.notify`` of the old command becomes a ledger entry; the first
    reconciliation sends that state an update under the same ConvictionID, not a second notification."""
    engine = create_store_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    app = App(Settings(db_url=store_url, official="test-clerk", now=NOW))
    app.__dict__["engine"] = engine  # the store at revision 0002, not migrated further yet
    [person], _ = read_document(register(natural_person("P-FR", decision("D1"), nationalities=["FR"])))
    held = replace(person, decisions=(replace(person.decisions[0], ecris_conviction_id="LU-C-000000000000001"),))
    with app.uow() as uow:
        uow.journal.append(JournalEntry(NOW, "clerk", "ecris.notify", "P-FR", "conviction notified to FR (Art 12(1))",
                                        {"decision": "D1", "message_id": "LU-FR-NOT-000000000000002",
                                         "conviction_id": "LU-C-000000000000001"}))
        uow.commit()
    upgrade(engine)
    with app.uow() as uow:  # the person as held then (the newest repository writes tables of later revisions)
        uow.persons.save_many([held])
        uow.commit()
    try:
        with app.uow() as uow:
            [entered] = uow.notifications.list()
        assert (entered.person_id, entered.decision_id, entered.receiver, entered.act, entered.conviction_id) == (
            "P-FR", "D1", "FR", "notification", "LU-C-000000000000001")
        swept = notify_due(app.uow(), on=TODAY, clock=app.clock, official="clerk").queued
        assert [(q.receiver, q.act.value, q.conviction_id) for q in swept] == [
            ("FR", "update", "LU-C-000000000000001")]
        assert notify_due(app.uow(), on=TODAY, clock=app.clock, official="clerk").queued == []
    finally:
        engine.dispose()


def test_the_sweep_works_through_the_register_in_batches_and_misses_nobody(
    app: App, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outgoing_notification, "SWEEP_BATCH", 2)
    tomorrow = TODAY + timedelta(days=1)
    _import(app, *(natural_person(f"P{n}", decision("D1", final_date=tomorrow.isoformat()), nationalities=["FR"])
                   for n in range(5)))
    later = App(Settings(db_url=store_url, official="test-clerk", now=NOW + timedelta(days=1)))
    try:
        swept = notify_due(later.uow(), on=tomorrow, clock=later.clock, official="clerk").queued
        assert sorted(q.person_id for q in swept) == [f"P{n}" for n in range(5)]
        assert len({q.conviction_id for q in swept}) == 5
    finally:
        later.engine.dispose()
