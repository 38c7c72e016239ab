"""Import semantics decided at inscription: what the register checks, and when (Arts 1-2, AMB-1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_document
from adapters.settings import Settings
from gateway.errors import InvalidInput
from gateway.services.register_import import ImportReport, import_persons
from tests.conftest import NOW
from tests.samples.register_documents import decision, natural_person, register


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[App]:
    application = App(Settings(db_url=f"sqlite:///{tmp_path / 'import.db'}", official="test-clerk", now=NOW))
    yield application
    application.engine.dispose()


def _import(app: App, document: dict[str, object]) -> ImportReport:
    persons, problems = read_document(document)
    assert problems == []
    return import_persons(persons, uow=app.uow(), clock=app.clock, official=app.official, source="test")


def test_art_1_2_is_decided_at_inscription_so_a_lost_nationality_keeps_inscribed_decisions(sqlite_app: App) -> None:
    french_court = decision("D1", court_country="FR")
    _import(sqlite_app, register(natural_person("P1", french_court, nationalities=["LU"])))
    # The person has since lost Luxembourg nationality: the decision already inscribed stays (AMB-1).
    report = _import(sqlite_app, register(natural_person("P1", french_court, nationalities=["BE"])))
    assert report.persons_updated == 1 and report.decisions_removed == 0
    with sqlite_app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None and [d.id for d in person.decisions] == ["D1"]


def test_art_1_2_still_refuses_a_new_foreign_decision_about_a_person_no_longer_luxembourgish(sqlite_app: App) -> None:
    _import(sqlite_app, register(natural_person("P1", decision("D1", court_country="FR"), nationalities=["LU"])))
    document = register(
        natural_person("P1", decision("D1", court_country="FR"), decision("D2", court_country="FR"), nationalities=["BE"])
    )
    persons, _ = read_document(document)
    with pytest.raises(InvalidInput) as raised:
        import_persons(persons, uow=sqlite_app.uow(), clock=sqlite_app.clock, official="x", source="test")
    assert [p.place for p in raised.value.problems] == ["P1/D2"]
