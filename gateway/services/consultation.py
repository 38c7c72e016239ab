"""Use case: a clerk consults or exports the register; every consultation is journalled.

Art 3-1 applies the law of 1 August 2018 (art 24, "Journalisation"): consultations and disclosures
are logged with who, when and what was consulted — never the data itself.
"""

from __future__ import annotations

from collections.abc import Callable

from gateway.clock import Clock
from gateway.errors import NotFound
from gateway.model.person import Person
from gateway.ports import JournalEntry, Tombstone, UnitOfWork


def consult_person(uow: UnitOfWork, *, person_id: str, clock: Clock, official: str) -> Person | Tombstone:
    """The person, or the tombstone of an erased one; NotFound for a person never registered."""
    with uow:
        found: Person | Tombstone | None = uow.persons.get(person_id) or uow.persons.tombstone(person_id)
        if found is None:
            raise NotFound(f"no person {person_id} in the register")
        uow.journal.append(
            JournalEntry(clock.now(), official, "register.consult", person_id, "person shown to a clerk")
        )
        uow.commit()
    return found


def export_persons(
    uow: UnitOfWork,
    *,
    person_id: str | None,
    clock: Clock,
    official: str,
    destination: str,
    deliver: Callable[[list[Person]], None],
) -> list[Person]:
    """Every person not erased (or only ``person_id``), handed to ``deliver`` and journalled as a
    disclosure once delivered: a delivery that fails (a bad output path) is not journalled."""
    with uow:
        if person_id is not None:
            person = uow.persons.get(person_id)
            if person is None:
                raise NotFound(f"no person {person_id} in the register")
            persons = [person]
        else:
            persons = list(uow.persons.iterate())
        deliver(persons)
        uow.journal.append(
            JournalEntry(
                clock.now(),
                official,
                "register.export",
                person_id or "*",
                f"register exported to {destination}",
                {"persons": str(len(persons))},
            )
        )
        uow.commit()
    return persons
