"""A record as a JSON document (stable English keys) and its digest: what the ledger keeps and the queue
carries, so that a record unchanged is known without asking the central system (Reg 2019/816 Art 9(2))."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from gateway.model.partial_date import PartialDate
from gateway.model.person import IdentityDocument, Name, Sex
from gateway.model.tcn import BiometricReference, NationalityStatus, TcnIdentity, TcnRecord


def _name(name: Name | None) -> dict[str, Any] | None:
    return None if name is None else {"surname": name.surname, "forenames": list(name.forenames)}


def _of_name(raw: dict[str, Any] | None) -> Name | None:
    return None if raw is None else Name(raw["surname"], tuple(raw["forenames"]))


def _biometric(reference: BiometricReference | None) -> dict[str, Any] | None:
    if reference is None:
        return None
    return {"reference": reference.reference, "collected_on": reference.collected_on.isoformat()}


def _of_biometric(raw: dict[str, Any] | None) -> BiometricReference | None:
    return None if raw is None else BiometricReference(raw["reference"], date.fromisoformat(raw["collected_on"]))


def identity_document(identity: TcnIdentity) -> dict[str, Any]:
    """The identity data of Reg Art 5(1)(a) as JSON."""
    return {
        "surname": identity.surname,
        "forenames": list(identity.forenames),
        "previous_names": [_name(n) for n in identity.previous_names],
        "aliases": [_name(n) for n in identity.aliases],
        "birth_date": None if identity.birth_date is None else str(identity.birth_date),
        "birth_town": identity.birth_town,
        "birth_country": identity.birth_country,
        "nationalities": list(identity.nationalities),
        "nationality_status": identity.nationality_status.value,
        "gender": identity.gender.value,
        "father": _name(identity.father),
        "mother": _name(identity.mother),
        "identity_documents": [
            {"category": d.category, "number": d.number, "issuing_authority": d.issuing_authority,
             "issuing_country": d.issuing_country}
            for d in identity.identity_documents
        ],
    }


def record_document(record: TcnRecord) -> dict[str, Any]:
    """The record as JSON: the fields of Reg Art 5 only (AMB-16)."""
    return {
        "reference": record.reference,
        "convicting_state": record.convicting_state,
        "identity": identity_document(record.identity),
        "etias_flag": record.etias_flag,
        "fingerprints": _biometric(record.fingerprints),
        "facial_images": [_biometric(f) for f in record.facial_images],
    }


def record_of_document(document: dict[str, Any]) -> TcnRecord:
    """The record a document describes (``record_document`` read back)."""
    raw = document["identity"]
    identity = TcnIdentity(
        surname=raw["surname"],
        forenames=tuple(raw["forenames"]),
        previous_names=tuple(n for n in map(_of_name, raw["previous_names"]) if n is not None),
        aliases=tuple(n for n in map(_of_name, raw["aliases"]) if n is not None),
        birth_date=None if raw["birth_date"] is None else PartialDate.parse(raw["birth_date"]),
        birth_town=raw["birth_town"],
        birth_country=raw["birth_country"],
        nationalities=tuple(raw["nationalities"]),
        nationality_status=NationalityStatus(raw["nationality_status"]),
        gender=Sex(raw["gender"]),
        father=_of_name(raw["father"]),
        mother=_of_name(raw["mother"]),
        identity_documents=tuple(
            IdentityDocument(d["category"], d["number"], d["issuing_authority"], d["issuing_country"])
            for d in raw["identity_documents"]
        ),
    )
    facial = tuple(f for f in map(_of_biometric, document["facial_images"]) if f is not None)
    return TcnRecord(
        reference=document["reference"],
        identity=identity,
        etias_flag=bool(document["etias_flag"]),
        fingerprints=_of_biometric(document["fingerprints"]),
        facial_images=facial,
        convicting_state=document["convicting_state"],
    )


def canonical_json(document: object) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same document always gives the same text."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_digest(document: object) -> str:
    """sha256 of the canonical JSON."""
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()
