"""The Minister of Justice's transfer (Art 14(3)) as the core reads it; the file format is the adapter's
(``schemas/naturalisation.md``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from gateway.errors import Problem
from gateway.model.conviction import Decision
from gateway.model.person import NaturalPerson


class NationalityEvent(enum.StrEnum):
    ACQUISITION = "acquisition"
    RECOVERY = "recovery"


@dataclass(frozen=True, slots=True)
class TransferHeader:
    year: int
    reference: str


@dataclass(frozen=True, slots=True)
class SuppliedExtract:
    """The foreign criminal-record extract the person supplied, its convictions in the register's shape."""

    country: str
    issued_on: date
    convictions: tuple[Decision, ...] = ()


@dataclass(frozen=True, slots=True)
class NaturalisedPerson:
    """One row: ``identity`` holds the register's identity fields (no decisions)."""

    row_index: int
    identity: NaturalPerson
    nationality_on: date
    event: NationalityEvent
    former_nationalities: tuple[str, ...]
    extracts: tuple[SuppliedExtract, ...] = ()

    def extract_of(self, country: str) -> SuppliedExtract | None:
        return next((e for e in self.extracts if e.country == country), None)


@dataclass(frozen=True, slots=True)
class InvalidRow:
    """A row the reader could not read: its problems, located ``row N/field``."""

    row_index: int
    problems: tuple[Problem, ...]


TransferRow = NaturalisedPerson | InvalidRow
