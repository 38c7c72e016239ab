"""What the core needs from the outside world, as protocols the adapters implement."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from gateway.model.person import Person


class RegisterEventKind(enum.StrEnum):
    """A change of the register that later processing acts on (notifications, ECRIS-TCN)."""

    PERSON_CREATED = "person_created"
    PERSON_UPDATED = "person_updated"
    DECISION_ADDED = "decision_added"
    DECISION_UPDATED = "decision_updated"
    DECISION_REMOVED = "decision_removed"
    PERSON_ERASED = "person_erased"


@dataclass(frozen=True, slots=True)
class RegisterEvent:
    kind: RegisterEventKind
    person_id: str
    decision_id: str | None
    occurred_at: datetime
    detail: str = ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One entry of the processing journal: who did what, when, why — never the personal data."""

    at: datetime
    official: str
    action: str
    subject: str
    reason: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tombstone:
    """What is left of an erased person: the key, when and why (Art 3)."""

    person_id: str
    erased_on: date
    reason: str


class PersonRepository(Protocol):
    def get(self, person_id: str) -> Person | None: ...

    def get_many(self, person_ids: Sequence[str]) -> dict[str, Person]: ...

    def add_or_replace(self, person: Person) -> None: ...

    def save_many(self, persons: Sequence[Person]) -> None: ...

    def erase(self, person_id: str, *, on: date, reason: str) -> None: ...

    def tombstone(self, person_id: str) -> Tombstone | None: ...

    def all_ids(self) -> list[str]: ...

    def iterate(self, batch_size: int = 500) -> Iterator[Person]: ...

    def count(self) -> int: ...


class EventLog(Protocol):
    def record(self, events: Iterable[RegisterEvent]) -> None: ...

    def list(self, *, person_id: str | None = None) -> list[RegisterEvent]: ...


class Journal(Protocol):
    def append(self, entry: JournalEntry) -> None: ...

    def append_many(self, entries: Sequence[JournalEntry]) -> None: ...

    def entries(self) -> list[JournalEntry]: ...


class UnitOfWork(Protocol):
    """One transaction over the store: rolls back on exit unless ``commit()`` was called."""

    persons: PersonRepository
    events: EventLog
    journal: Journal

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
