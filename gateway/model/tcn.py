"""The ECRIS-TCN data record and its operations as core values (Loi du 29 mars 2013, Arts 12-1 and 12-2;
Regulation (EU) 2019/816 Art 5).

A record holds only the fields of Reg Art 5 (AMB-16): what Art 3 keeps that the Regulation has no field for
(spouse, residence, national identification number) stays national. The convicting State is always
Luxembourg; ``reference`` is the national reference of the record (the register's person ID).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from gateway.model.partial_date import PartialDate
from gateway.model.person import IdentityDocument, Name, Sex

CONVICTING_STATE = "LU"


class NationalityStatus(enum.StrEnum):
    """Reg Art 5(1)(a)(i): nationality or nationalities, or stateless, or unknown."""

    KNOWN = "known"
    STATELESS = "stateless"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class BiometricReference:
    """A reference to a fingerprint or facial-image file held nationally (Reg Art 5(1)(b), 5(3)):
    its identifier and the day it was collected; the file itself never travels in the record."""

    reference: str
    collected_on: date


@dataclass(frozen=True, slots=True)
class TcnIdentity:
    """The identity data of Reg Art 5(1)(a): (i) obligatory unless unknown, (ii) parents' names where the
    criminal record holds them, (iii) aliases and identity documents where available."""

    surname: str
    forenames: tuple[str, ...] = ()
    previous_names: tuple[Name, ...] = ()
    aliases: tuple[Name, ...] = ()
    birth_date: PartialDate | None = None
    birth_town: str | None = None
    birth_country: str | None = None
    nationalities: tuple[str, ...] = ()
    nationality_status: NationalityStatus = NationalityStatus.KNOWN
    gender: Sex = Sex.UNKNOWN
    father: Name | None = None
    mother: Name | None = None
    identity_documents: tuple[IdentityDocument, ...] = ()


@dataclass(frozen=True, slots=True)
class TcnRecord:
    """One person's record in the central system (Reg Art 5): created on the first conviction, updated as
    the national record changes, deleted with it (Art 12-1(5); Reg Arts 8, 9)."""

    reference: str
    identity: TcnIdentity
    etias_flag: bool = False
    fingerprints: BiometricReference | None = None
    facial_images: tuple[BiometricReference, ...] = ()
    convicting_state: str = CONVICTING_STATE


class TcnOperation(enum.StrEnum):
    """The processing operations the log records (Reg Art 31; Art 12-1(5))."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    QUERY = "query"
    PURGE = "purge"


@dataclass(frozen=True, slots=True)
class TcnQuery:
    """An identity query to the central system (Art 12-1(3); Reg Art 7): the identity data used, the purpose
    of the access, the official who runs it."""

    identity: TcnIdentity
    purpose: str
    official: str
    fingerprints: BiometricReference | None = None


@dataclass(frozen=True, slots=True)
class TcnQueryResult:
    """Hit or no hit: the Member States holding criminal-record information on the person (Reg Art 7(5))."""

    member_states: tuple[str, ...]
    answered_at: datetime

    @property
    def hit(self) -> bool:
        return bool(self.member_states)


@dataclass(frozen=True, slots=True)
class TcnLogEntry:
    """One processing operation as the log records it (Art 12-1(5); Reg Art 31(1)): (a) the purpose,
    (b) the data transmitted, (c) the national file reference, (d) the date and exact time, (e) the data used
    for a query, (f) the official who ran it."""

    operation: TcnOperation
    at: datetime
    official: str
    purpose: str
    reference: str | None = None
    transmitted: dict[str, object] | None = None
    query_data: dict[str, object] | None = None
    outcome: str | None = None
