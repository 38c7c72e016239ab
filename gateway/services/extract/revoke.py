"""Revoke an issued extract: it stays in the register, marked, and verification fails from then on."""

from __future__ import annotations

from collections.abc import Callable

from gateway.clock import Clock
from gateway.errors import InvalidRequest, NotFound
from gateway.ports import JournalEntry
from gateway.services.extract.register import ExtractUnitOfWork, IssuedExtract


def revoke_extract(uow_factory: Callable[[], ExtractUnitOfWork], document_number: str, *, reason: str,
                   clock: Clock, official: str) -> IssuedExtract:
    """NotFound for a number never issued; InvalidRequest for one already revoked or without a reason."""
    if not reason.strip():
        raise InvalidRequest("une révocation doit être motivée (--reason)")
    with uow_factory() as uow:
        record = uow.extracts.get(document_number)
        if record is None:
            raise NotFound(f"aucun extrait n°{document_number} dans le registre des extraits délivrés")
        if record.revoked_at is not None:
            raise InvalidRequest(f"l'extrait n°{document_number} est déjà révoqué")
        at = clock.now()
        uow.extracts.revoke(document_number, at=at, by=official, reason=reason.strip())
        uow.journal.append(JournalEntry(at=at, official=official, action="extract.revoke",
                                        subject=record.person_id, reason=f"extract {document_number} revoked",
                                        details={"document": document_number}))
        uow.commit()
        revoked = uow.extracts.get(document_number)
    assert revoked is not None
    return revoked
