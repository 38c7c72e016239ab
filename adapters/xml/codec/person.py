"""``dm:PersonType``: names, sex, birth, nationalities, former names, parents, documents, addresses,
aliases, both ways."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import (
    UNKNOWN_COUNTRY,
    UNKNOWN_TEXT,
    EcrisPerson,
    EcrisSex,
    IdentificationDocument,
    ParentName,
    PersonAddress,
    PersonAlias,
    PersonName,
)

from .dates import partial_date_of, put_partial_date
from .errors import DecodeError
from .namespaces import D, Element
from .places import place_of, put_place
from .reading import collapsed, kids, need, one, required_text, text_of, unknown_to_none
from .texts import collapsed_ml_of, ml_of, name_of, names_of, put_ml, put_name
from .writer import Writer, put


def _put_person_name(w: Writer, name: PersonName) -> None:
    w.open(D.PersonName)
    put_name(w, D.Forename, name.forename)
    put_name(w, D.Surname, name.surname)
    put_name(w, D.SecondSurname, name.second_surname)
    put_name(w, D.FullName, name.full_name)
    w.close()


def _put_document(w: Writer, document: IdentificationDocument) -> None:
    w.open(D.PersonIdentificationDocument)
    w.leaf(D.IdentificationDocumentCategoryReference, document.category)
    put_ml(w, D.IdentificationDocumentType, document.type)
    w.leaf(D.IdentificationDocumentNumber, document.number or UNKNOWN_TEXT)
    put_ml(w, D.IdentificationDocumentIssuingAuthority, document.issuing_authority)
    put_partial_date(w, D.IdentificationDocumentIssuingDate, document.issuing_date)
    put_partial_date(w, D.IdentificationDocumentValidUntil, document.valid_until)
    w.close()


def _put_address(w: Writer, address: PersonAddress) -> None:
    w.open(D.PersonAddress)
    put_place(w, D.AddressPlace, address.place)
    put_ml(w, D.AddressStreet, address.street)
    put_ml(w, D.AddressHouseNumber, address.house_number)
    put_ml(w, D.AddressPostCode, address.post_code)
    put_ml(w, D.AddressFull, address.full)
    w.close()


_PARENT_TAGS = (
    (D.PersonFatherForename, D.PersonFatherSurname, D.PersonFatherSecondSurname),
    (D.PersonMotherForename, D.PersonMotherSurname, D.PersonMotherSecondSurname),
)


def _put_parents_and_papers(w: Writer, person: EcrisPerson | PersonAlias) -> None:
    for parent_name, (forename_tag, surname_tag, second_tag) in zip(
        (person.father, person.mother), _PARENT_TAGS, strict=True
    ):
        if parent_name is not None:
            put_name(w, forename_tag, parent_name.forename)
            put_name(w, surname_tag, parent_name.surname)
            put_name(w, second_tag, parent_name.second_surname)
    put(w, D.PersonIdentityNumber, person.identity_number)
    for document in person.identification_documents:
        _put_document(w, document)
    for address in person.addresses:
        _put_address(w, address)


def put_person(w: Writer, tag: str, person: EcrisPerson | None) -> None:
    """``dm:PersonType``; an unknown birth date is the year 1800, no nationality is CO-00-999-XXX."""
    if person is None:
        return
    w.open(tag)
    _put_person_name(w, person.name)
    w.leaf(D.PersonSex, str(int(person.sex)))
    put_partial_date(w, D.PersonBirthDate, person.birth_date, required=True)
    put_place(w, D.PersonBirthPlace, person.birth_place)
    nationality = D.PersonNationalityReference
    for country in person.nationalities or (UNKNOWN_COUNTRY,):
        w.leaf(nationality, country)
    for name in person.former_forenames:
        put_name(w, D.PersonFormerForename, name)
    for name in person.former_surnames:
        put_name(w, D.PersonFormerSurname, name)
    for name in person.former_second_surnames:
        put_name(w, D.PersonFormerSecondSurname, name)
    _put_parents_and_papers(w, person)
    for alias in person.aliases:
        w.open(D.PersonAlias)
        _put_person_name(w, alias.name)
        if alias.sex is not None:
            w.leaf(D.PersonSex, str(int(alias.sex)))
        put_partial_date(w, D.PersonBirthDate, alias.birth_date)
        put_place(w, D.PersonBirthPlace, alias.birth_place)
        for country in alias.nationalities:
            w.leaf(nationality, country)
        _put_parents_and_papers(w, alias)
        put_ml(w, D.PersonRemarks, alias.remarks)
        w.close()
    put_ml(w, D.PersonRemarks, person.remarks)
    w.close()


def _person_name_of(element: Element) -> PersonName:
    grouped = kids(element)
    forename = name_of(need(grouped, D.Forename))
    surname = name_of(need(grouped, D.Surname))
    assert forename is not None and surname is not None
    return PersonName(
        forename=forename,
        surname=surname,
        second_surname=name_of(one(grouped, D.SecondSurname)),
        full_name=name_of(one(grouped, D.FullName)),
    )


def _parent_of(grouped: dict[Any, list[Element]], tags: tuple[str, str, str]) -> ParentName | None:
    forename, surname, second = (name_of(one(grouped, tag)) for tag in tags)
    if forename is None and surname is None and second is None:
        return None
    return ParentName(forename, surname, second)


_FATHER = (D.PersonFatherForename, D.PersonFatherSurname, D.PersonFatherSecondSurname)
_MOTHER = (D.PersonMotherForename, D.PersonMotherSurname, D.PersonMotherSecondSurname)


def _document_of(element: Element) -> IdentificationDocument:
    grouped = kids(element)
    return IdentificationDocument(
        category=required_text(grouped, D.IdentificationDocumentCategoryReference),
        type=collapsed_ml_of(need(grouped, D.IdentificationDocumentType)),
        number=unknown_to_none(text_of(grouped, D.IdentificationDocumentNumber, UNKNOWN_TEXT)),
        issuing_authority=collapsed_ml_of(one(grouped, D.IdentificationDocumentIssuingAuthority)),
        issuing_date=partial_date_of(
            one(grouped, D.IdentificationDocumentIssuingDate), unknown_as_none=False
        ),
        valid_until=partial_date_of(one(grouped, D.IdentificationDocumentValidUntil), unknown_as_none=False),
    )


def _address_of(element: Element) -> PersonAddress:
    grouped = kids(element)
    place = place_of(need(grouped, D.AddressPlace))
    assert place is not None
    return PersonAddress(
        place=place,
        street=collapsed_ml_of(one(grouped, D.AddressStreet)),
        house_number=collapsed_ml_of(one(grouped, D.AddressHouseNumber)),
        post_code=collapsed_ml_of(one(grouped, D.AddressPostCode)),
        full=ml_of(one(grouped, D.AddressFull)),
    )


def _sex_of(value: str | None) -> EcrisSex | None:
    if value is None:
        return None
    try:
        return EcrisSex(int(value))
    except ValueError:
        raise DecodeError("PersonSex is not 0, 1 or 2") from None


def _nationalities(grouped: dict[Any, list[Element]], default: str | None) -> tuple[str, ...]:
    found = []
    for element in grouped.get(D.PersonNationalityReference, ()):
        value = collapsed(element) or default
        if value is not None:
            found.append(value)
    return tuple(found)


def person_of(element: Element | None) -> EcrisPerson | None:
    if element is None:
        return None
    grouped = kids(element)
    birth_place = place_of(need(grouped, D.PersonBirthPlace))
    assert birth_place is not None
    aliases = []
    for alias_element in grouped.get(D.PersonAlias, ()):
        alias = kids(alias_element)
        aliases.append(
            PersonAlias(
                name=_person_name_of(need(alias, D.PersonName)),
                sex=_sex_of(text_of(alias, D.PersonSex)),
                birth_date=partial_date_of(one(alias, D.PersonBirthDate), unknown_as_none=False),
                birth_place=place_of(one(alias, D.PersonBirthPlace)),
                nationalities=_nationalities(alias, None),
                father=_parent_of(alias, _FATHER),
                mother=_parent_of(alias, _MOTHER),
                identity_number=text_of(alias, D.PersonIdentityNumber),
                identification_documents=tuple(
                    _document_of(e) for e in alias.get(D.PersonIdentificationDocument, ())
                ),
                addresses=tuple(_address_of(e) for e in alias.get(D.PersonAddress, ())),
                remarks=ml_of(one(alias, D.PersonRemarks)),
            )
        )
    return EcrisPerson(
        name=_person_name_of(need(grouped, D.PersonName)),
        sex=_sex_of(text_of(grouped, D.PersonSex, "0")) or EcrisSex.UNKNOWN,
        birth_date=partial_date_of(need(grouped, D.PersonBirthDate), unknown_as_none=True),
        birth_place=birth_place,
        nationalities=_nationalities(grouped, UNKNOWN_COUNTRY),
        former_forenames=names_of(grouped.get(D.PersonFormerForename)),
        former_surnames=names_of(grouped.get(D.PersonFormerSurname)),
        former_second_surnames=names_of(grouped.get(D.PersonFormerSecondSurname)),
        father=_parent_of(grouped, _FATHER),
        mother=_parent_of(grouped, _MOTHER),
        identity_number=text_of(grouped, D.PersonIdentityNumber),
        identification_documents=tuple(
            _document_of(e) for e in grouped.get(D.PersonIdentificationDocument, ())
        ),
        addresses=tuple(_address_of(e) for e in grouped.get(D.PersonAddress, ())),
        aliases=tuple(aliases),
        remarks=ml_of(one(grouped, D.PersonRemarks)),
    )
