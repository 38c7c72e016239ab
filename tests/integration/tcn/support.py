"""Helpers for the ECRIS-TCN store tests: register documents of a Brazilian national, an import, and a small
recording implementation of the central system (the real simulator comes with the transport)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from adapters.bootstrap import App
from adapters.files.register_format import read_document
from adapters.settings import Settings
from gateway.model.tcn import TcnQuery, TcnQueryResult, TcnRecord
from gateway.ports import TcnCentralUnavailable
from gateway.services.register_import import ImportReport, import_persons
from tests.samples.register_documents import decision, natural_person, register

DRUGS = {"date": "2023-12-01", "qualification": "trafic de stupéfiants", "minor": "none", "etias": "annex:5",
         "lu_max_custodial_months": 60}
THEFT = {"date": "2023-12-01", "qualification": "vol", "minor": "none"}


def brazilian(person_id: str = "P-BR", *decisions: dict[str, Any], **fields: Any) -> dict[str, Any]:
    chosen = decisions or (decision("D1", decision_date="2024-03-01", final_date="2024-04-01", offences=[DRUGS],
                                    penalties=[{"type": "imprisonment", "months": 12}]),)
    base = {"surname": "Silva", "forenames": ["João"], "birth": {"date": "1990-02-03", "city": "São Paulo",
                                                                 "country": "BR"},
            "nationalities": ["BR"]}
    base.update(fields)
    return natural_person(person_id, *chosen, **base)


def import_(app: App, *persons: dict[str, Any]) -> ImportReport:
    read, problems = read_document(register(*persons))
    assert problems == []
    return import_persons(read, uow=app.uow(), clock=app.clock, official="clerk", source="test")


def app_at(app: App, instant: datetime) -> App:
    """The same store, its clock at ``instant``."""
    moved = App(Settings(db_url=app.settings.db_url, official="test-clerk", now=instant.astimezone(UTC)))
    moved.__dict__["engine"] = app.engine
    return moved


@dataclass
class RecordingCentral:
    """A ``TcnCentralSystem`` that records each call, and fails the next ``failures`` calls."""

    failures: int = 0
    calls: list[tuple[str, str, TcnRecord | None]] = field(default_factory=list)

    def _maybe_fail(self) -> None:
        if self.failures:
            self.failures -= 1
            raise TcnCentralUnavailable("central system unreachable")

    def create(self, record: TcnRecord) -> None:
        self._maybe_fail()
        self.calls.append(("create", record.reference, record))

    def update(self, record: TcnRecord) -> None:
        self._maybe_fail()
        self.calls.append(("update", record.reference, record))

    def delete(self, reference: str) -> None:
        self._maybe_fail()
        self.calls.append(("delete", reference, None))

    def query(self, query: TcnQuery) -> TcnQueryResult:
        raise AssertionError("not used here")
