"""The ECRIS Common Reference Tables as the core sees them: versioned code lists, each code with its source.

The official CRT instance is not public. The project ships its own versioned tables
(``schemas/reference-tables/``, loaded by ``adapters/files/reference_tables.py``), seeded from public
evidence; where no public value exists the codes are *provisional* (marked so in the data). An operator who
holds the official CRT XML loads it instead, and the provisional codes give way (docs/reference-tables.md).

A well-formed code missing from the loaded tables is accepted and flagged for a clerk, unless strict mode
is set; ``CodeCheck`` says which.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


class Table(enum.StrEnum):
    """The CRT tables whose technical identifiers travel in messages (the wire form, ECRIS-NOTES §5.1)."""

    COUNTRIES = "countries"
    CURRENCIES = "currencies"
    COUNTRY_SUBDIVISIONS = "country-subdivisions"
    CITIES = "cities"
    OFFENCE_CATEGORIES = "offence-categories"
    LEVELS_OF_COMPLETION = "offence-levels-of-completion"
    LEVELS_OF_PARTICIPATION = "offence-levels-of-participation"
    SANCTION_CATEGORIES = "sanction-categories"
    SANCTION_NATURES = "sanction-natures"
    SUSPENSION_TYPES = "sanction-suspension-types"
    SANCTION_ALTERNATIVE_TYPES = "sanction-alternative-types"
    SANCTION_RELATIONSHIP_TYPES = "sanction-to-sanction-relationship-types"
    DECISION_CHANGE_TYPES = "decision-change-types"
    REQUEST_PURPOSES = "request-purposes"
    REQUESTING_AUTHORITY_TYPES = "requesting-authority-types"
    IDENTIFICATION_DOCUMENT_CATEGORIES = "identification-document-categories"
    REQUEST_RESPONSE_TYPES = "request-response-types"
    NOTIFICATION_RESPONSE_TYPES = "notification-response-types"
    ADDITIONAL_INFO_RESPONSE_TYPES = "additional-info-response-types"
    FUNCTIONAL_ERRORS = "functional-errors"


TABLE_PATTERNS: Mapping[Table, re.Pattern[str]] = {
    Table.COUNTRIES: re.compile(r"CO-[0-9]{2}-[0-9]{3}-[A-Z]{3}"),
    Table.CURRENCIES: re.compile(r"CX-[0-9]{2}-[0-9]{3}-[A-Z]{3}"),
    Table.COUNTRY_SUBDIVISIONS: re.compile(r"CS-[0-9]{2}-[A-Z]{2}-(?:[0-9]{1,3}|[A-Z]{1,3})"),
    Table.CITIES: re.compile(r"CI-[0-9]{2}-[A-Z]{3}-T[0-9]{4}"),
    Table.OFFENCE_CATEGORIES: re.compile(r"O-[0-9]{2}-[0-9]{6}"),
    Table.LEVELS_OF_COMPLETION: re.compile(r"LC-[0-9]{2}-[0A-Z]"),
    Table.LEVELS_OF_PARTICIPATION: re.compile(r"LP-[0-9]{2}-[0A-Z]"),
    Table.SANCTION_CATEGORIES: re.compile(r"S-[0-9]{2}-[0-9]{6}"),
    Table.SANCTION_NATURES: re.compile(r"N-[0-9]{2}-[0A-Z]"),
    Table.SUSPENSION_TYPES: re.compile(r"S-[0-9]{2}-[A-Z]"),
    Table.SANCTION_ALTERNATIVE_TYPES: re.compile(r"SAT-[0-9]{2}-[A-Z]"),
    Table.SANCTION_RELATIONSHIP_TYPES: re.compile(r"SSR-[0-9]{2}-[0-9]{2}"),
    Table.DECISION_CHANGE_TYPES: re.compile(r"DCH-[0-9]{2}-[A-Z]"),
    Table.REQUEST_PURPOSES: re.compile(r"P-[0-9]{2}-[0-9]{6}"),
    Table.REQUESTING_AUTHORITY_TYPES: re.compile(r"RAT-[0-9]{2}-[A-Z]"),
    Table.IDENTIFICATION_DOCUMENT_CATEGORIES: re.compile(r"ID-[0-9]{2}-[0-9]{3}"),
    Table.REQUEST_RESPONSE_TYPES: re.compile(r"RRT-[0-9]{2}-[0-9]{2}"),
    Table.NOTIFICATION_RESPONSE_TYPES: re.compile(r"NRT-[0-9]{2}-[0-9]{2}"),
    Table.ADDITIONAL_INFO_RESPONSE_TYPES: re.compile(r"ART-[0-9]{2}-[0-9]{2}"),
    Table.FUNCTIONAL_ERRORS: re.compile(r"FE-[0-9]{5}"),
}


class FunctionalErrorCode(enum.StrEnum):
    """PROVISIONAL functional error codes (``FE-nnnnn``) the gateway sends in a FunctionalErrorMessage.

    The official list lives in the CRT, which is not public. These codes sit in the ``FE-9xxxx`` range so
    they cannot be mistaken for official ones; ``schemas/reference-tables/functional-errors.csv`` carries
    them (marked provisional) and an official CRT replaces them by key.
    """

    INVALID_CONTENT = "FE-90001"
    """The message does not validate against the schema, or breaks a rule of the contract."""
    INVALID_IDENTIFIER = "FE-90002"
    """Duplicate element ID or a reference to an ID the message does not hold."""
    MESSAGE_ID_MISMATCH = "FE-90003"
    """The message ID's type code or Member State codes do not fit the message or the parties."""
    UNKNOWN_CORRELATION = "FE-90004"
    """``ResponseTo`` names no message the gateway sent (or may answer)."""
    DUPLICATE_MESSAGE_ID = "FE-90005"
    """A message ID seen before, with different content."""
    UNKNOWN_CODE = "FE-90006"
    """A code missing from the reference tables (strict mode only)."""
    UNKNOWN_PERSON_SCOPE = "FE-90007"
    """The person is outside what the Luxembourg register can answer for (not a national, not found)."""
    RELATIONSHIP_NOT_ALLOWED = "FE-90008"
    """A ``ConvictionRelationship`` of a type other than the four the contract allows."""
    UNSUPPORTED_MESSAGE = "FE-90009"
    """A message the gateway does not process (e.g. a Push variant when fingerprints are not accepted)."""

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class ReferenceCode:
    """One row of a table. ``key`` is the gateway's own name for a meaning it maps to this code."""

    table: Table
    code: str
    label: str = ""
    provisional: bool = False
    source: str = ""
    key: str | None = None


@dataclass(frozen=True, slots=True)
class CodeCheck:
    """The verdict on one code: ``error`` (not well-formed, or unknown in strict mode) or ``flag``."""

    table: Table
    code: str
    error: str | None = None
    flag: str | None = None


@dataclass(frozen=True)
class ReferenceTables:
    """A loaded, versioned set of tables. Immutable; build a new one to change it."""

    version: str
    source: str
    codes: Mapping[Table, Mapping[str, ReferenceCode]] = field(default_factory=dict)

    @classmethod
    def of(cls, version: str, source: str, rows: Iterable[ReferenceCode]) -> ReferenceTables:
        tables: dict[Table, dict[str, ReferenceCode]] = {}
        for row in rows:
            tables.setdefault(row.table, {})[row.code] = row
        return cls(version, source, tables)

    def get(self, table: Table, code: str) -> ReferenceCode | None:
        return self.codes.get(table, {}).get(code)

    def knows(self, table: Table, code: str) -> bool:
        return code in self.codes.get(table, {})

    def rows(self, table: Table) -> list[ReferenceCode]:
        return list(self.codes.get(table, {}).values())

    def code_for(self, table: Table, key: str) -> str:
        """The code the tables give for one of the gateway's meanings (e.g. ``imprisonment``)."""
        for row in self.codes.get(table, {}).values():
            if row.key == key:
                return row.code
        raise KeyError(f"no code for {key!r} in table {table.value}")

    def check(self, table: Table, code: str, *, strict: bool = False) -> CodeCheck:
        """Well-formed and known → ok; well-formed, unknown → flag (error when strict); else error."""
        if TABLE_PATTERNS[table].fullmatch(code) is None:
            return CodeCheck(table, code, error=f"{code!r} is not a well-formed {table.value} code")
        if self.get(table, code) is None:
            message = f"{code} is not in the {table.value} table (version {self.version})"
            return CodeCheck(table, code, error=message) if strict else CodeCheck(table, code, flag=message)
        return CodeCheck(table, code)
