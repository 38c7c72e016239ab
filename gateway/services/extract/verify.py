"""Is an extract authentic? Three checks, each with its reason in French: the authority's signature,
the register of issued extracts (this payload was issued under this number), and revocation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.clock import legal_date
from gateway.law.wording import day
from gateway.services.extract.payload import CheckSignature, MalformedPayload, PayloadFields, read_payload
from gateway.services.extract.register import ExtractRegister


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    """``payload``, ``signature``, ``register`` or ``revocation``."""
    ok: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Verification:
    authentic: bool
    checks: tuple[Check, ...]
    document: PayloadFields | None
    revocation_reason: str | None = None

    def to_json(self, *, public: bool) -> dict[str, Any]:
        """``{"authentic", "reasons": [{"check", "ok", "reason"}], "document": {…} | null}``; ``public``
        (the server) leaves out the clerk's reason for a revocation: only what the payload holds."""
        document = None
        if self.document is not None:
            d = self.document
            document = {"document_number": d.document_number, "bulletin_number": d.bulletin_number,
                        "surname": d.surname, "forenames": d.forenames, "birth_date": d.birth,
                        "issued_on": d.issued_on.isoformat(), "nil": d.nil, "digest": d.digest}
        shape: dict[str, Any] = {
            "authentic": self.authentic,
            "reasons": [{"check": c.name, "ok": c.ok, "reason": c.reason} for c in self.checks],
            "document": document,
        }
        if not public and self.revocation_reason is not None:
            shape["revocation_reason"] = self.revocation_reason
        return shape


def verify_payload(payload: str, *, check_signature: CheckSignature, register: ExtractRegister) -> Verification:
    """Authentic when the signature is the authority's, the register holds this very payload under its
    document number, and the document is not revoked."""
    try:
        fields, body, signature = read_payload(payload)
    except MalformedPayload as error:
        return Verification(False, (Check("payload", False, f"code de vérification illisible : {error}"),), None)
    checks = []
    if check_signature(body, signature):
        checks.append(Check("signature", True, "signature du Service du casier judiciaire valide"))
    else:
        checks.append(Check("signature", False, "signature non valide : le code a été modifié ou n'a pas été "
                                                 "signé par le Service du casier judiciaire"))
    record = register.get(fields.document_number)
    reason = None
    if record is None:
        checks.append(Check("register", False, f"aucun extrait n°{fields.document_number} n'a été délivré"))
    elif record.payload != payload.strip() or record.digest != fields.digest:
        checks.append(Check("register", False, f"le contenu ne correspond pas à l'extrait n°"
                                               f"{record.document_number} délivré le {day(record.issued_on)}"))
    else:
        checks.append(Check("register", True, f"conforme à l'extrait n°{record.document_number} délivré le "
                                              f"{day(record.issued_on)}"))
    if record is not None and record.revoked_at is not None:
        checks.append(Check("revocation", False, f"extrait révoqué le {day(legal_date(record.revoked_at))}"))
        reason = record.revocation_reason
    elif record is not None:
        checks.append(Check("revocation", True, "extrait non révoqué"))
    return Verification(all(c.ok for c in checks), tuple(checks), fields, reason)
