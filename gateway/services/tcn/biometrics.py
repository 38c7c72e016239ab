"""The police's fingerprint and facial-image files for an ECRIS-TCN query (Art 12-1(2)-(3); R-TCN-4):
received, tied to the request they served, erased three months after Luxembourg's reply (AMB-20).

``purge_biometric_files`` is the daily job's function (the scheduler runs it): it erases the content of the
files due, keeps their rows with the time of erasure, and logs each erasure in the ECRIS-TCN processing log
(Reg Art 31), never the content. Run twice, it erases nothing the second time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from gateway.errors import NotFound
from gateway.law.tcn_biometrics import ARTICLE, biometric_files_erase_on
from gateway.model.tcn import TcnLogEntry, TcnOperation
from gateway.ports import BiometricFile, BiometricFileStore, BiometricKind, TcnProcessingLog

PURGE_PURPOSE = "effacement des fichiers biométriques de la Police trois mois après la réponse (art. 12-1(3))"


class BiometricsUnitOfWork(Protocol):
    @property
    def tcn_biometrics(self) -> BiometricFileStore: ...

    def commit(self) -> None: ...


def receive_biometric_file(store: BiometricFileStore, *, person_id: str, kind: BiometricKind, content: bytes,
                           request_id: str | None, at: datetime) -> BiometricFile:
    """Store a file the police sent for a query; when the reply to its request is already recorded, its
    erase date follows at once."""
    replied_on = next((f.replied_on for f in store.of_request(request_id) if f.replied_on is not None),
                      None) if request_id else None
    erase_on = None if replied_on is None else biometric_files_erase_on(replied_on)
    return store.add(person_id=person_id, kind=kind, content=content, received_at=at, request_id=request_id,
                     replied_on=replied_on, erase_on=erase_on)


def record_reply(store: BiometricFileStore, *, request_id: str, replied_on: date) -> list[BiometricFile]:
    """Luxembourg replied to ``request_id`` on ``replied_on``: each file that served it is to be erased three
    calendar months later (Art 12-1(3), AMB-20). ``NotFound`` when no file served that request."""
    files = store.of_request(request_id)
    if not files:
        raise NotFound(f"aucun fichier biométrique n'a servi à la demande {request_id}")
    erase_on = biometric_files_erase_on(replied_on)
    for file in files:
        if file.erased_at is None:
            store.set_reply(file.id, replied_on=replied_on, erase_on=erase_on)
    return store.of_request(request_id)


def purge_biometric_files(uow: BiometricsUnitOfWork, on: date, log: TcnProcessingLog, *, at: datetime,
                          official: str) -> list[BiometricFile]:
    """Erase the files due on or before ``on`` (Art 12-1(3), AMB-20), log each erasure (Reg Art 31), commit.
    The files erased, as they were before; none when run again."""
    store = uow.tcn_biometrics
    due = store.due(on)
    for file in due:
        store.erase(file.id, at=at)
        log.append(TcnLogEntry(
            operation=TcnOperation.PURGE,
            at=at,
            official=official,
            purpose=PURGE_PURPOSE,
            reference=file.person_id,
            query_data={"file": file.id, "kind": file.kind.value, "request": file.request_id,
                        "replied_on": None if file.replied_on is None else file.replied_on.isoformat(),
                        "erase_on": None if file.erase_on is None else file.erase_on.isoformat()},
            outcome=f"erased (art. {ARTICLE})",
        ))
    uow.commit()
    return due
