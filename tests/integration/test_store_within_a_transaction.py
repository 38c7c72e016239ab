"""What the store keeps for the length of one transaction, on SQLite and PostgreSQL: a person read once is not
decoded again, yet never outlives a write or the transaction; a person saved after being read has exactly the
index rows a full rewrite would give; the journal chain stays whole across appends; the inbox claim takes the
oldest pending message with its body; identification never misses a candidate the rule could accept."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from adapters.bootstrap import App
from adapters.db.messaging import InboundEntry
from adapters.files.register_format import read_document
from gateway.law.identification import name_key
from gateway.model.conviction import Decision
from gateway.model.partial_date import PartialDate
from gateway.model.person import Name, NaturalPerson
from gateway.ports import InboxState, JournalEntry
from gateway.services.register_import import import_persons
from tests.samples.register_documents import decision, natural_person, register

AT = datetime(2026, 11, 23, 9, tzinfo=UTC)


def _store(app: App, *persons: dict[str, object]) -> None:
    loaded, problems = read_document(register(*persons))
    assert problems == []
    import_persons(loaded, uow=app.uow(), clock=app.clock, official="clerk", source="test")


def _natural(app: App, person_id: str) -> NaturalPerson:
    with app.uow() as uow:
        person = uow.persons.get(person_id)
    assert isinstance(person, NaturalPerson)
    return person


def test_a_person_read_twice_in_a_transaction_is_decoded_once_and_forgotten_when_saved(app: App) -> None:
    _store(app, natural_person("P1", decision("D1")))
    with app.uow() as uow:
        first = uow.persons.get("P1")
        assert first is not None and uow.persons.get("P1") is first
        renamed = dataclasses.replace(first, surname="Thill")
        uow.persons.save_many([renamed])
        again = uow.persons.get("P1")
        assert isinstance(again, NaturalPerson) and again.surname == "Thill" and again is not first
        uow.commit()
    with app.uow() as uow:
        assert uow.persons.get("P1") is not again  # a new transaction reads the store afresh


def test_a_person_read_then_saved_has_the_index_rows_of_a_full_rewrite(app: App) -> None:
    _store(app, natural_person("P1", decision("D1"), decision("D2"), surname="Muller"))
    with app.uow() as uow:
        person = uow.persons.get("P1")
        assert isinstance(person, NaturalPerson)
        allocated: tuple[Decision, ...] = tuple(
            dataclasses.replace(d, ecris_conviction_id=f"LU-C-{n}") for n, d in enumerate(person.decisions))
        moved = dataclasses.replace(person, decisions=allocated, surname="Weber",
                                    previous_names=(Name("Muller", person.forenames),))
        uow.persons.save_many([moved])
        uow.commit()
    with app.uow() as uow:
        assert uow.persons.find_decision_by_conviction_id("LU-C-1") == ("P1", "D2")
        assert [p.id for p in uow.persons.identification_candidates([name_key("Weber")], None)] == ["P1"]
        assert [p.id for p in uow.persons.identification_candidates([name_key("Muller")], None)] == ["P1"]
    with app.uow() as uow:  # a decision gone: its row goes with it
        person = uow.persons.get("P1")
        assert person is not None
        uow.persons.save_many([dataclasses.replace(person, decisions=person.decisions[:1])])
        uow.commit()
    with app.uow() as uow:
        assert uow.persons.find_decision_by_conviction_id("LU-C-1") is None
        assert uow.persons.find_decision_by_conviction_id("LU-C-0") == ("P1", "D1")


def test_identification_reads_namesakes_born_that_day_or_on_an_unknown_day_and_no_other(app: App) -> None:
    _store(app,
           natural_person("SAME", surname="Muller", birth={"date": "1980-05-17", "city": "Luxembourg", "country": "LU"}),
           natural_person("OTHER", surname="Muller", birth={"date": "1980-06-02", "city": "Luxembourg", "country": "LU"}),
           natural_person("YEAR", surname="Muller", birth={"date": "1980", "city": "Luxembourg", "country": "LU"}),
           natural_person("TWIN", surname="Schmit", birth={"date": "1980-05-17", "city": "Luxembourg", "country": "LU"}))
    with app.uow() as uow:
        found = uow.persons.identification_candidates([name_key("Muller")], PartialDate.parse("1980-05-17"))
        assert [p.id for p in found] == ["SAME", "TWIN", "YEAR"]
        by_year = uow.persons.identification_candidates([name_key("Muller")], PartialDate.parse("1980"))
        assert [p.id for p in by_year] == ["OTHER", "SAME", "YEAR"]


def test_journal_appends_in_one_transaction_chain_on_each_other_and_on_the_last_commit(app: App) -> None:
    def entry(n: int) -> JournalEntry:
        return JournalEntry(at=AT, official="clerk", action="test.append", subject=f"S{n}", reason="chain")

    for batch in ((1, 2, 3), (4,), (5, 6)):
        with app.uow() as uow:
            for n in batch:
                uow.journal.append(entry(n))
            uow.commit()
    with app.uow() as uow:  # rolled back: the next transaction chains on the last committed entry
        uow.journal.append(entry(99))
    with app.uow() as uow:
        uow.journal.append(entry(7))
        uow.commit()
    with app.uow() as uow:
        assert [e.subject for e in uow.journal.entries()] == [f"S{n}" for n in range(1, 8)]
        assert uow.journal.first_broken_link() is None


def test_the_inbox_claim_takes_the_oldest_pending_message_with_its_body_and_marking_keeps_the_note(
        app: App) -> None:
    entries = [InboundEntry(body=f"<m{n}/>".encode(), headers={}, received_at=AT, message_id=f"FR-LU-REQ-{n:015d}",
                            type="RequestMessage", counterpart="FR") for n in range(1, 4)]
    with app.uow() as uow:
        assert uow.inbox.record(entries) == [InboxState.RECEIVED] * 3
        uow.commit()
    with app.uow() as uow:
        first = uow.inbox.claim_next()
        assert first is not None and first.message_id == "FR-LU-REQ-000000000000001"
        assert uow.inbox.body(first.id) == b"<m1/>"
        uow.inbox.mark(first.id, InboxState.PROCESSED, error="flagged for a clerk")
        uow.commit()
    with app.uow() as uow:
        second = uow.inbox.claim_next()
        assert second is not None and second.message_id == "FR-LU-REQ-000000000000002"
        assert uow.inbox.body(first.id) == b"<m1/>"  # any body, not only the one claimed
        uow.inbox.mark(first.id, InboxState.PROCESSED, reply_id="LU-FR-RRS-000000000000009")
        uow.commit()
    with app.uow() as uow:
        record = uow.inbox.get("FR-LU-REQ-000000000000001")
        assert record is not None and record.error == "flagged for a clerk"
        assert record.reply_id == "LU-FR-RRS-000000000000009"
