"""Issue an extract: the bulletin of the day (or « néant », Art 8-4), its content composed, digested,
signed into the QR payload and entered in the register of issued extracts, in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from gateway.clock import Clock
from gateway.errors import InvalidRequest, NotFound
from gateway.law.extract_delivery import CONTENT_ARTICLE, extract_allowed
from gateway.law.extract_retention import retention_limits
from gateway.model.person import LegalPerson, Person
from gateway.ports import JournalEntry
from gateway.services.bulletin import Bulletin, issue_bulletin
from gateway.services.extract.content import ExtractContent, ExtractText
from gateway.services.extract.payload import PayloadFields, Sign, b64url, sign_payload
from gateway.services.extract.register import ExtractUnitOfWork, IssuedExtract

Compose = Callable[[Bulletin, Person | None], ExtractText]
"""The person and the decisions of a bulletin, in French (the text adapter)."""

TITLES = {3: "Bulletin N°3 du casier judiciaire", 4: "Bulletin N°4 du casier judiciaire",
          5: "Bulletin N°5 du casier judiciaire"}

_DOCUMENT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_document_number(on: date) -> str:
    """``CJ-YYYY-XXXX-XXXX``: the year and 8 random characters (40 bits), unguessable and unique in
    practice; the register's key refuses a repeat."""
    token = "".join(secrets.choice(_DOCUMENT_ALPHABET) for _ in range(8))
    return f"CJ-{on.year}-{token[:4]}-{token[4:]}"


@dataclass(frozen=True, slots=True)
class Extract:
    """An extract as issued: its content, the register's row and the URL its QR code holds."""

    content: ExtractContent
    record: IssuedExtract
    verify_url: str


def refuse_unless_allowed(number: int) -> None:
    """Arts 6, 8: N°1 and N°2 are never handed to the person (InvalidRequest naming the article)."""
    ruling = extract_allowed(number)
    if not ruling.included:
        raise InvalidRequest(f"extrait N°{number} refusé (art. {ruling.article}) : {ruling.reason}")


def bulletin_or_nil(uow: ExtractUnitOfWork, person_id: str, number: int, on: date) -> tuple[Bulletin, Person | None]:
    """Art 8-4 — a person the register does not hold has nothing inscribed: the bulletin bears
    « néant », never an error."""
    try:
        return issue_bulletin(uow.persons, person_id, number, on)
    except NotFound:
        return Bulletin(person_id, number, on, True, (), ()), None


def issue_extract(
    uow_factory: Callable[[], ExtractUnitOfWork],
    *,
    person_id: str,
    number: int,
    on: date,
    clock: Clock,
    official: str,
    sign: Sign,
    compose: Compose,
    verify_base_url: str,
    place: str = "Luxembourg",
    with_foreign_answers: Callable[[Bulletin], Bulletin] = lambda bulletin: bulletin,
    document_number: Callable[[date], str] = new_document_number,
) -> Extract:
    """Issue extract N°``number`` of ``person_id`` on day ``on``; N°1 and N°2 refused (Arts 6, 8), a
    refusal journalled (Art 9). The journal records who issued which document, never its content."""
    ruling = extract_allowed(number)
    if not ruling.included:
        with uow_factory() as uow:
            uow.journal.append(JournalEntry(at=clock.now(), official=official, action="extract.refuse",
                                            subject=person_id, reason=f"extract N°{number}: art. {ruling.article}"))
            uow.commit()
        refuse_unless_allowed(number)
    with uow_factory() as uow:
        bulletin, person = bulletin_or_nil(uow, person_id, number, on)
    bulletin = with_foreign_answers(bulletin)
    ruling = extract_allowed(number, legal_person=isinstance(person, LegalPerson))
    text = compose(bulletin, person)
    issued_at = clock.now()
    content = ExtractContent(
        document_number=document_number(on), bulletin_number=number, person_id=person_id, issued_on=on,
        issued_at=issued_at, place=place, nil=bulletin.nil, title=TITLES[number],
        legal_basis=ruling.article, delivered_to=ruling.reason, content_article=CONTENT_ARTICLE[number], text=text,
        retention=tuple((limit.article, limit.text) for limit in retention_limits(number)),
    )
    digest = b64url(content.digest())
    # « néant » for whoever checks the QR code: nothing at all shown, the answers of other States included
    nil = bulletin.nil and not any(answer.convictions for answer in bulletin.foreign_answers)
    fields = PayloadFields(content.document_number, number, text.surname, text.forenames, text.birth, on, nil,
                           digest)
    payload = sign_payload(fields, sign)
    record = IssuedExtract(content.document_number, person_id, number, on, issued_at, official, nil, digest,
                           payload)
    with uow_factory() as uow:
        uow.extracts.add(record)
        uow.journal.append(JournalEntry(
            at=issued_at, official=official, action="extract.issue", subject=person_id,
            reason=f"extract N°{number} as of {on.isoformat()}",
            details={"document": content.document_number, "nil": str(nil).lower()},
        ))
        uow.commit()
    return Extract(content, record, f"{verify_base_url.rstrip('/')}/verify/{payload}")
