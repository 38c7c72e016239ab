"""The register store on SQLite and PostgreSQL: import semantics, export, erasure, unit of work."""

from __future__ import annotations

import json
from datetime import date

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import envelope, person_to_json, read_document
from gateway.errors import InvalidInput
from gateway.ports import RegisterEventKind
from gateway.services.erasure import erase_due_persons
from gateway.services.register_import import ImportReport, import_persons
from tests.samples.register_documents import decision, demo_register, legal_person, natural_person, register


def _import(app: App, document: dict[str, object]) -> ImportReport:
    persons, problems = read_document(document)
    assert problems == []
    return import_persons(persons, uow=app.uow(), clock=app.clock, official=app.official, source="test")


def _export(app: App) -> dict[str, object]:
    with app.uow() as uow:
        return envelope(person_to_json(p) for p in uow.persons.iterate())


def test_import_then_export_gives_equal_json(app: App) -> None:
    document = demo_register()
    _import(app, document)
    exported = _export(app)
    assert len(exported["persons"]) == len(document["persons"])  # type: ignore[arg-type]
    second = App(app.settings.with_overrides(db_url=app.settings.db_url))
    # Importing the export into the same store is a no-op; and its JSON is stable.
    assert _import(second, exported).changed is False
    assert json.dumps(_export(second), sort_keys=True) == json.dumps(exported, sort_keys=True)
    second.engine.dispose()


def test_reimporting_an_identical_file_changes_nothing_and_triggers_nothing(app: App) -> None:
    first = _import(app, demo_register())
    assert first.persons_created == len(demo_register()["persons"])
    again = _import(app, demo_register())
    assert (again.persons_created, again.persons_updated, again.events) == (0, 0, [])
    with app.uow() as uow:
        assert len(uow.events.list()) == len(first.events)


def test_import_records_added_updated_and_removed_decisions_as_events(app: App) -> None:
    _import(app, register(natural_person("P1", decision("D1"), decision("D2"))))
    changed = decision("D1", penalties=[{"type": "fine", "amount_eur": "2000", "nature": "correctionnelle"}])
    report = _import(app, register(natural_person("P1", changed, decision("D3"))))
    kinds = {(e.kind, e.decision_id) for e in report.events}
    assert kinds == {
        (RegisterEventKind.DECISION_UPDATED, "D1"),
        (RegisterEventKind.DECISION_ADDED, "D3"),
        (RegisterEventKind.DECISION_REMOVED, "D2"),
    }
    with app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None and [d.id for d in person.decisions] == ["D1", "D3"]


def test_import_keeps_foreign_decisions_received_by_notification(app: App) -> None:
    foreign = decision("F1", court_country="DE", origin="ecris:DE", ecris_conviction_id="CO-DE-1")
    _import(app, register(natural_person("P1", decision("D1"), foreign)))
    report = _import(app, register(natural_person("P1", decision("D1"))))
    assert report.events == []
    with app.uow() as uow:
        person = uow.persons.get("P1")
        assert person is not None and {d.id for d in person.decisions} == {"D1", "F1"}
        assert uow.persons.find_decision_by_conviction_id("CO-DE-1") == ("P1", "F1")


def test_import_keeps_an_allocated_ecris_conviction_id(app: App) -> None:
    _import(app, register(natural_person("P1", decision("D1", ecris_conviction_id="CO-00-442-LUX"))))
    _import(app, register(natural_person("P1", decision("D1"))))
    with app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None and person.decisions[0].ecris_conviction_id == "CO-00-442-LUX"


def test_a_decision_that_may_not_be_inscribed_rejects_the_whole_file_and_stores_nothing(app: App) -> None:
    _import(app, register(natural_person("P0")))
    before = _export(app)
    parking = decision("D9", penalty_level="police", traffic_offence=True, parking_contravention=True)
    persons, problems = read_document(register(natural_person("P1"), natural_person("P2", parking)))
    assert problems == []
    with pytest.raises(InvalidInput) as raised:
        import_persons(persons, uow=app.uow(), clock=app.clock, official="x", source="test")
    assert [str(p) for p in raised.value.problems] == [
        "P2/D9: may not be inscribed: contravention de police en matière de stationnement (Art 1(1) 3))"
    ]
    assert _export(app) == before


def test_import_of_a_legal_person_round_trips(app: App) -> None:
    _import(app, register(legal_person("B1")))
    exported = _export(app)
    assert exported["persons"][0]["name"] == "ACME S.A."  # type: ignore[index]


def test_unit_of_work_rolls_back_unless_committed(app: App) -> None:
    persons, _ = read_document(register(natural_person("P1")))
    with app.uow() as uow:
        uow.persons.save_many(persons)
        assert uow.persons.get("P1") is not None
    with app.uow() as uow:
        assert uow.persons.get("P1") is None
        uow.persons.save_many(persons)
        uow.commit()
    with app.uow() as uow:
        assert uow.persons.get("P1") is not None


def test_erasure_wipes_the_person_keeps_a_tombstone_and_journals_who_when_why(app: App) -> None:
    _import(app, register(natural_person("P1", death_date="2026-05-01"), natural_person("P2")))
    report = erase_due_persons(uow=app.uow(), clock=app.clock, official="clerk-7", on=date(2026, 11, 23))
    assert [e.person_id for e in report.erased] == ["P1"]
    with app.uow() as uow:
        assert uow.persons.get("P1") is None
        tombstone = uow.persons.tombstone("P1")
        assert tombstone is not None and tombstone.erased_on == date(2026, 11, 23)
        entries = [e for e in uow.journal.entries() if e.action == "register.erase"]
        assert [(e.official, e.subject, e.reason) for e in entries] == [("clerk-7", "P1", "Art 3 al.3: death")]
        assert "Muller" not in json.dumps([e.details for e in entries])
        assert uow.journal.first_broken_link() is None
        assert [e.kind for e in uow.events.list(person_id="P1")][-1] is RegisterEventKind.PERSON_ERASED
    assert [p["id"] for p in _export(app)["persons"]] == ["P2"]  # type: ignore[index]
    # An erased person's inscriptions may not come back through an import.
    persons, _ = read_document(register(natural_person("P1")))
    with pytest.raises(InvalidInput, match="erased"):
        import_persons(persons, uow=app.uow(), clock=app.clock, official="x", source="test")


def test_the_journal_detects_a_tampered_entry(app: App) -> None:
    _import(app, register(natural_person("P1"), natural_person("P2")))
    from sqlalchemy import update

    from adapters.db.tables import journal

    with app.uow() as uow:
        assert uow.journal.first_broken_link() is None
        uow.connection.execute(update(journal).where(journal.c.subject == "P1").values(official="someone-else"))
        assert uow.journal.first_broken_link() is not None
