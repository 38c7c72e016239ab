"""Persons of the register (Loi du 29 mars 2013, Art 3): natural and legal persons."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from gateway.model.conviction import Decision
from gateway.model.partial_date import PartialDate

STATELESS = "STATELESS"
UNKNOWN_NATIONALITY = "UNKNOWN"


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "X"
    UNKNOWN = "U"


class PersonKind(enum.StrEnum):
    NATURAL = "natural"
    LEGAL = "legal"


@dataclass(frozen=True, slots=True)
class Name:
    surname: str
    forenames: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Birth:
    date: PartialDate | None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    address: str | None
    city: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Seat:
    city: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class IdentityDocument:
    category: str
    number: str
    issuing_authority: str | None = None
    issuing_country: str | None = None


@dataclass(frozen=True, slots=True)
class NaturalPerson:
    """A natural person with every identity datum of Art 3, 1) to 5)."""

    id: str
    surname: str
    forenames: tuple[str, ...] = ()
    previous_names: tuple[Name, ...] = ()
    aliases: tuple[Name, ...] = ()
    father: Name | None = None
    mother: Name | None = None
    spouse: Name | None = None
    sex: Sex = Sex.UNKNOWN
    birth: Birth = Birth(date=None)
    nationalities: tuple[str, ...] = ()
    previous_nationalities: tuple[str, ...] = ()
    residence: Address | None = None
    previous_residences: tuple[Address, ...] = ()
    identity_documents: tuple[IdentityDocument, ...] = ()
    death_date: date | None = None
    decisions: tuple[Decision, ...] = field(default=())

    kind = PersonKind.NATURAL

    @property
    def is_stateless(self) -> bool:
        return STATELESS in self.nationalities

    @property
    def nationality_unknown(self) -> bool:
        return UNKNOWN_NATIONALITY in self.nationalities or not self.nationalities

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)


@dataclass(frozen=True, slots=True)
class LegalPerson:
    """A legal person: dénomination sociale, siège, numéro RCS (Art 3, last sentence)."""

    id: str
    name: str
    seat: Seat | None = None
    rcs_number: str | None = None
    governing_law: str | None = None
    decisions: tuple[Decision, ...] = field(default=())

    kind = PersonKind.LEGAL

    @property
    def is_luxembourg_legal_person(self) -> bool:
        return self.governing_law == "LU"

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)


Person = NaturalPerson | LegalPerson
