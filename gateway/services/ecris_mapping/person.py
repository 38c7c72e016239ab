"""``dm:PersonType`` of a natural person (a legal person raises ``LegalPersonNotSupported``)."""

from __future__ import annotations

from gateway.model.exchange import (
    UNKNOWN_COUNTRY,
    UNKNOWN_TEXT,
    EcrisPerson,
    EcrisSex,
    IdentificationDocument,
    NameText,
    ParentName,
    PersonAddress,
    PersonAlias,
    PersonName,
    Place,
    Text,
)
from gateway.model.person import (
    STATELESS,
    UNKNOWN_NATIONALITY,
    Address,
    IdentityDocument,
    LegalPerson,
    Name,
    NaturalPerson,
    Person,
    Sex,
)
from gateway.model.reference_tables import ReferenceTables
from gateway.services.ecris_mapping.codes import IDENTIFICATION_DOCUMENT_CODES, country_code
from gateway.services.ecris_mapping.errors import EcrisMappingError, LegalPersonNotSupported
from gateway.services.ecris_mapping.texts import _clean, _forenames, _ml, _name

_SEXES = {Sex.MALE: EcrisSex.MALE, Sex.FEMALE: EcrisSex.FEMALE}


def _natural(person: Person) -> NaturalPerson:
    if isinstance(person, LegalPerson):
        raise LegalPersonNotSupported(
            f"person {person.id} is a legal person: ECRIS v1.0 carries natural persons only"
        )
    return person


def _place(city: str | None, country: str | None, tables: ReferenceTables | None) -> Place:
    town = _ml(city, 200, None) or (Text(UNKNOWN_TEXT),)
    return Place(town_name=town, country=country_code(country, tables))


def _parent(name: Name | None) -> ParentName | None:
    if name is None:
        return None
    parent = ParentName(forename=_forenames(name.forenames), surname=_name(name.surname))
    return None if parent.forename is None and parent.surname is None else parent


def _alias(name: Name) -> PersonAlias | None:
    surname = _name(name.surname)
    if surname is None:
        return None
    return PersonAlias(name=PersonName(_forenames(name.forenames) or NameText(UNKNOWN_TEXT), surname))


def _document(document: IdentityDocument) -> IdentificationDocument:
    key = document.category.strip().lower().replace(" ", "_").replace("-", "_")
    code = IDENTIFICATION_DOCUMENT_CODES.get(key, IDENTIFICATION_DOCUMENT_CODES["other"])
    return IdentificationDocument(
        category=code,
        type=_ml(document.category, 200, None) or (Text(UNKNOWN_TEXT),),
        number=_clean(document.number, 50),
        issuing_authority=_ml(document.issuing_authority, 200, None),
    )


def _address(address: Address, tables: ReferenceTables | None) -> PersonAddress:
    return PersonAddress(
        place=_place(address.city, address.country, tables),
        full=_ml(address.address, 4000, None),
    )


def person_identity_of(person: Person, *, tables: ReferenceTables | None = None) -> EcrisPerson:
    """``dm:PersonType`` of a natural person: names, sex, birth, nationalities, parents, aliases, former
    names, identity number and documents, residence. A legal person raises ``LegalPersonNotSupported``."""
    natural = _natural(person)
    surname = _name(natural.surname)
    if surname is None:
        raise EcrisMappingError(f"person {natural.id} has no surname")
    remarks: list[str] = []
    nationalities: list[str] = []
    uncoded: list[str] = []
    for nationality in natural.nationalities:
        if nationality == STATELESS:
            remarks.append("Apatride.")
            continue
        code = country_code(nationality, tables)
        if code == UNKNOWN_COUNTRY and nationality != UNKNOWN_NATIONALITY:
            uncoded.append(nationality)
        if code not in nationalities:
            nationalities.append(code)
    if uncoded:
        remarks.append("Nationalité(s) sans code ECRIS : " + ", ".join(uncoded) + ".")
    current_forename = " ".join(natural.forenames)
    former_surnames = tuple(
        n for n in (_name(p.surname) for p in natural.previous_names if p.surname != natural.surname) if n
    )
    former_forenames = tuple(
        n
        for n in (
            _forenames(p.forenames)
            for p in natural.previous_names
            if " ".join(p.forenames) != current_forename
        )
        if n
    )
    return EcrisPerson(
        name=PersonName(_forenames(natural.forenames) or NameText(UNKNOWN_TEXT), surname),
        sex=_SEXES.get(natural.sex, EcrisSex.UNKNOWN),
        birth_date=natural.birth.date,
        birth_place=_place(natural.birth.city, natural.birth.country, tables),
        nationalities=tuple(nationalities) or (UNKNOWN_COUNTRY,),
        former_forenames=tuple(dict.fromkeys(former_forenames)),
        former_surnames=tuple(dict.fromkeys(former_surnames)),
        father=_parent(natural.father),
        mother=_parent(natural.mother),
        identity_number=_clean(natural.id, 50),
        identification_documents=tuple(_document(d) for d in natural.identity_documents),
        addresses=() if natural.residence is None else (_address(natural.residence, tables),),
        aliases=tuple(a for a in (_alias(n) for n in natural.aliases) if a is not None),
        remarks=_ml(" ".join(remarks), 4000),
    )
