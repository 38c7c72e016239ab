"""Import a register document: skip the persons the register holds exactly so, read and check the
others, then apply them all or nothing (``gateway.services.register_import``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adapters.files.register_format import Progress, load_file, person_ids, read_register
from gateway.clock import Clock
from gateway.errors import InvalidInput
from gateway.ports import EuroRates, MessagingUnitOfWork
from gateway.services.register_import import ImportReport, import_persons, stored_digests


@dataclass(frozen=True, slots=True)
class FileImport:
    persons_in_file: int
    report: ImportReport


def import_register_document(
    document: Any,
    *,
    source: str,
    uow: Callable[[], MessagingUnitOfWork],
    clock: Clock,
    official: str,
    rates: EuroRates,
    stage: Callable[[str], Progress | None] = lambda description: None,
    member_state: str = "LU",
) -> FileImport:
    """Import a parsed register document or raise ``InvalidInput`` with every problem of it;
    ``stage`` gives a progress callback for each step (a progress bar)."""
    known = stored_digests(uow(), person_ids(document))
    read = read_register(document, known_digests=known, progress=stage("reading"))
    report = import_persons(
        read.persons,
        uow=uow(),
        clock=clock,
        official=official,
        source=source,
        problems_in_file=read.problems,
        rates=rates,
        progress=stage("comparing with the register"),
        unchanged=read.unchanged,
        digests=read.digests,
        member_state=member_state,
    )
    return FileImport(len(read.persons) + len(read.unchanged), report)


def import_register_file(
    path: Path,
    *,
    uow: Callable[[], MessagingUnitOfWork],
    clock: Clock,
    official: str,
    rates: EuroRates,
    stage: Callable[[str], Progress | None] = lambda description: None,
    member_state: str = "LU",
) -> FileImport:
    """``import_register_document`` of the file at ``path``; a file that is not JSON is refused first."""
    document, problems = load_file(path)
    if problems:
        raise InvalidInput(problems)
    return import_register_document(
        document, source=path.name, uow=uow, clock=clock, official=official, rates=rates, stage=stage,
        member_state=member_state,
    )
