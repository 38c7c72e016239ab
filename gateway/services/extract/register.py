"""The register of issued extracts: what was issued under each document number, and its revocation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from gateway.ports import Journal, PersonRepository


@dataclass(frozen=True, slots=True)
class IssuedExtract:
    document_number: str
    person_id: str
    bulletin_number: int
    issued_on: date
    issued_at: datetime
    issued_by: str
    nil: bool
    digest: str
    payload: str
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    revocation_reason: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class ExtractRegister(Protocol):
    def add(self, extract: IssuedExtract) -> None: ...

    def get(self, document_number: str) -> IssuedExtract | None: ...

    def revoke(self, document_number: str, *, at: datetime, by: str, reason: str) -> None: ...

    def list(self) -> list[IssuedExtract]: ...


class ExtractUnitOfWork(Protocol):
    """The transaction an extract needs: the persons, the journal and the register of extracts."""

    @property
    def persons(self) -> PersonRepository: ...

    @property
    def journal(self) -> Journal: ...

    @property
    def extracts(self) -> ExtractRegister: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def commit(self) -> None: ...
