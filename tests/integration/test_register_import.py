"""Import semantics decided at inscription: what the register checks, and when (Arts 1-2, AMB-1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.bootstrap import App
from adapters.files.register_format import read_document, read_register
from adapters.files.register_import import FileImport, import_register_file
from adapters.settings import Settings
from gateway.errors import InvalidInput
from gateway.services.register_import import ImportReport, import_persons, stored_digests
from tests.conftest import NOW
from tests.samples.register_documents import decision, natural_person, register, write


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


def _refusal(app: App, document: dict[str, object]) -> list[str]:
    persons, problems = read_document(document)
    assert problems == []
    with pytest.raises(InvalidInput) as raised:
        import_persons(persons, uow=app.uow(), clock=app.clock, official="x", source="test")
    with app.uow() as uow:
        assert uow.persons.count() == 0  # nothing half-applied
    return [str(p) for p in raised.value.problems]


def test_contradictory_dates_are_each_a_problem_line_and_nothing_is_imported(sqlite_app: App) -> None:
    document = register(
        natural_person("P1", decision("D1", decision_date="2020-01-10", final_date="2020-01-09")),
        natural_person("P2", death_date="1979-12-31", birth={"date": "1980"}),
        natural_person("P3", decision("D3", decision_date="2026-11-24", final_date="2026-12-30")),
        natural_person("P4", decision("D4", offences=[{"date": "2026-12", "qualification": "vol"}])),
        natural_person("P5", decision("D5", offences=[{"date": "2020-02", "qualification": "vol"}])),
        natural_person("P6"),
    )
    assert _refusal(sqlite_app, document) == [
        "P1/D1/final_date: 2020-01-09 is before the decision date (2020-01-10)",
        "P2/death_date: 1979-12-31 is before the birth (1980)",
        "P3/D3/decision_date: 2026-11-24 is after today (2026-11-23)",
        "P4/D4/offences[0].date: 2026-12 is after today (2026-11-23)",
        "P5/D5/offences[0].date: 2020-02 is after the decision date (2020-01-10)",
    ]


def test_dates_that_only_touch_are_no_contradiction(sqlite_app: App) -> None:
    same_day = decision("D1", decision_date="2026-11-23", final_date="2026-11-23",
                        offences=[{"date": "2026-11-23", "qualification": "vol"}])
    report = _import(sqlite_app, register(natural_person("P1", same_day, death_date="1980-01-01",
                                                        birth={"date": "1980"})))
    assert report.persons_created == 1


def test_a_final_date_after_today_is_accepted_and_the_decision_is_on_no_bulletin_until_then(sqlite_app: App) -> None:
    from datetime import date

    from gateway.services.bulletin import compute_bulletin

    not_yet_final = decision("D1", decision_date="2026-11-20", final_date="2026-12-21",
                             penalties=[{"type": "imprisonment", "months": 6}])
    _import(sqlite_app, register(natural_person("P1", not_yet_final)))
    with sqlite_app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None
    for number in (1, 2, 3, 4, 5):
        assert compute_bulletin(person, number, date(2026, 11, 23)).decisions == ()
        assert compute_bulletin(person, number, date(2026, 12, 20)).decisions == ()
    assert compute_bulletin(person, 1, date(2026, 12, 21)).decisions == ("D1",)


def _import_file(app: App, path: Path) -> FileImport:
    return import_register_file(path, uow=app.uow, clock=app.clock, official="x", rates=app.euro_rates)


def test_a_person_sent_again_unchanged_is_not_read_again(app: App, tmp_path: Path) -> None:
    first = _import_file(app, write(tmp_path / "a.json", register(natural_person("P1"), natural_person("P2"))))
    assert first.report.persons_created == 2
    document = register(natural_person("P1"), natural_person("P2", surname="Weber"))
    read = read_register(document, known_digests=stored_digests(app.uow(), ["P1", "P2"]))
    assert ([p.id for p in read.persons], read.unchanged) == (["P2"], ["P1"])
    again = _import_file(app, write(tmp_path / "b.json", document))
    assert (again.persons_in_file, again.report.persons_unchanged, again.report.persons_updated) == (2, 1, 1)


def test_a_person_changed_by_another_path_is_read_again_then_known_again(app: App, tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", register(natural_person("P1")))
    _import_file(app, path)
    with app.uow() as uow:  # e.g. a notification allocating a conviction id saves the person
        person = uow.persons.get("P1")
        assert person is not None
        uow.persons.save_many([person])
        uow.commit()
    assert read_register(register(natural_person("P1")), known_digests=stored_digests(app.uow(), ["P1"])).unchanged == []
    assert _import_file(app, path).report.persons_unchanged == 1
    assert read_register(register(natural_person("P1")), known_digests=stored_digests(app.uow(), ["P1"])).unchanged == ["P1"]


def test_a_person_changed_in_the_register_while_the_file_was_read_refuses_the_import(app: App, tmp_path: Path) -> None:
    _import_file(app, write(tmp_path / "a.json", register(natural_person("P1"))))
    read = read_register(register(natural_person("P1")), known_digests=stored_digests(app.uow(), ["P1"]))
    with app.uow() as uow:
        person = uow.persons.get("P1")
        assert person is not None
        uow.persons.save_many([person])
        uow.commit()
    with pytest.raises(InvalidInput, match="P1: changed in the register while the file was read"):
        import_persons([], uow=app.uow(), clock=app.clock, official="x", source="test",
                       unchanged=read.unchanged, digests=read.digests)


def test_amb_30_an_imported_decision_with_only_accessory_penalties_is_on_n1_and_on_no_other_bulletin(
    sqlite_app: App,
) -> None:
    from datetime import date

    from gateway.services.bulletin import compute_bulletin

    accessory_only = decision("D1", decision_date="2025-06-02", final_date="2025-07-15", penalties=[
        {"type": "professional_ban", "label": "gérant de société", "perpetual": True},
        {"type": "confiscation", "description": "véhicule"},
    ])
    _import(sqlite_app, register(natural_person("P1", accessory_only)))
    with sqlite_app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None
    on = date(2026, 11, 23)
    assert compute_bulletin(person, 1, on).decisions == ("D1",)
    assert [compute_bulletin(person, n, on).decisions for n in (2, 3, 4, 5)] == [(), (), (), ()]


def test_amb_29_a_50000_chf_fine_converted_at_import_is_no_small_fine_for_n3(sqlite_app: App) -> None:
    from datetime import date

    from gateway.services.bulletin import compute_bulletin

    swiss = decision("D1", court_country="CH", notified_under_convention=True, act_is_offence_in_lu=True,
                     decision_date="2020-01-10", final_date="2020-03-01",
                     offences=[{"date": "2019-11-02", "qualification": "escroquerie"}],
                     penalties=[{"type": "fine", "amount": "50000", "currency": "CHF", "nature": "correctionnelle"}])
    persons, _ = read_document(register(natural_person("P1", swiss)))
    import_persons(persons, uow=sqlite_app.uow(), clock=sqlite_app.clock, official="x", source="test",
                   rates=sqlite_app.euro_rates)
    with sqlite_app.uow() as uow:
        person = uow.persons.get("P1")
    assert person is not None
    assert compute_bulletin(person, 3, date(2021, 1, 5)).decisions == ("D1",)  # 46,202.18 EUR > 2,500 EUR
