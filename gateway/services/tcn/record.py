"""The ECRIS-TCN record of a person as the register makes it on a date (Art 12-1(1); Reg 2019/816 Art 5;
R-TCN-1, AMB-16 to AMB-19)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gateway.law.ruling import Ruling
from gateway.law.tcn.biometrics import fingerprints_required
from gateway.law.tcn.etias import EtiasFlag, etias_flag
from gateway.law.tcn.who import known_nationalities, nationality_status, tcn_record_required
from gateway.model.person import NaturalPerson, Person
from gateway.model.tcn import BiometricReference, TcnIdentity, TcnRecord
from gateway.ports import BiometricKind, PoliceBiometricFile


def tcn_identity_of(person: NaturalPerson) -> TcnIdentity:
    """Reg Art 5(1)(a) — names, previous names, aliases, birth, nationalities or stateless/unknown, gender,
    parents' names, identity documents. What Art 3 keeps beyond (spouse, residence, national number) stays
    national (AMB-16)."""
    return TcnIdentity(
        surname=person.surname,
        forenames=person.forenames,
        previous_names=person.previous_names,
        aliases=person.aliases,
        birth_date=person.birth.date,
        birth_town=person.birth.city,
        birth_country=person.birth.country,
        nationalities=known_nationalities(person),
        nationality_status=nationality_status(person),
        gender=person.sex,
        father=person.father,
        mother=person.mother,
        identity_documents=person.identity_documents,
    )


def _reference(file: PoliceBiometricFile) -> BiometricReference:
    return BiometricReference(file.reference, file.collected_on)


def tcn_record_of(person: Person | None, on: date, *, files: Sequence[PoliceBiometricFile] = ()) -> TcnRecord | None:
    """The record the register calls for on ``on`` (None when none is required, ``tcn_record_required``):
    Reg Art 5 fields only, the ETIAS flag of that day, the references of the police files received (the
    latest fingerprints, every facial image: Art 12-1(1), (2))."""
    if person is None or not isinstance(person, NaturalPerson) or not tcn_record_required(person, on).included:
        return None
    prints = [f for f in files if f.kind is BiometricKind.FINGERPRINTS]
    faces = [f for f in files if f.kind is BiometricKind.FACIAL_IMAGE]
    return TcnRecord(
        reference=person.id,
        identity=tcn_identity_of(person),
        etias_flag=etias_flag(person, on).flag,
        fingerprints=_reference(prints[-1]) if prints else None,
        facial_images=tuple(_reference(f) for f in faces),
    )


@dataclass(frozen=True, slots=True)
class TcnRecordView:
    """What a clerk is shown of a person on a date: whether a record is required and why, the record, the
    ETIAS flag with its ground, and the Art 12-2 duty."""

    person_id: str
    required: Ruling
    record: TcnRecord | None
    etias: EtiasFlag | None
    fingerprints: Ruling | None


def tcn_record_view(person: Person, on: date, *, files: Sequence[PoliceBiometricFile] = ()) -> TcnRecordView:
    required = tcn_record_required(person, on)
    record = tcn_record_of(person, on, files=files)
    if record is None:
        return TcnRecordView(person.id, required, None, None, None)
    return TcnRecordView(person.id, required, record, etias_flag(person, on), fingerprints_required(person, on))
