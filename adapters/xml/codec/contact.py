"""The contact person of a message (``MessageDataContactPerson``), both ways."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import ContactPerson

from .namespaces import D, Element, M
from .reading import kids, one, required_text, text_of
from .texts import name_of, put_name
from .writer import Writer, put


def put_contact(w: Writer, contact: ContactPerson | None) -> None:
    if contact is None:
        return
    w.open(M.MessageDataContactPerson)
    put_name(w, D.Forename, contact.forename)
    put_name(w, D.Surname, contact.surname)
    put_name(w, D.SecondSurname, contact.second_surname)
    put(w, M.ContactPersonPhoneNumber, contact.phone)
    put(w, M.ContactPersonFaxNumber, contact.fax)
    w.leaf(M.ContactPersonEmail, contact.email)
    w.close()


def contact_of(grouped: dict[Any, list[Element]]) -> ContactPerson | None:
    element = one(grouped, M.MessageDataContactPerson)
    if element is None:
        return None
    contact = kids(element)
    return ContactPerson(
        email=required_text(contact, M.ContactPersonEmail),
        forename=name_of(one(contact, D.Forename)),
        surname=name_of(one(contact, D.Surname)),
        second_surname=name_of(one(contact, D.SecondSurname)),
        phone=text_of(contact, M.ContactPersonPhoneNumber),
        fax=text_of(contact, M.ContactPersonFaxNumber),
    )
