"""A bulletin for an identity rather than a register key (issue 9 point 3; Loi du 29 mars 2013, Arts 3, 8-4).

    deliver_identity_bulletin(uow, identity=..., number=..., ...)   identify → bulletin → journal

The identity is looked up as a Member State's requested person is (``identify_claim_in_register``: the
national identification number, then names, birth date and place). One certain match: that person's
bulletin. No match: the person has nothing inscribed, so the bulletin bears « néant » (Art 8-4) — never an
error. Several or uncertain matches: ``UncertainIdentity`` naming the candidates; the register never guesses
(Art 3). A legal person is looked up by its register key alone (identification by names concerns natural
persons). Whatever the outcome, the consultation is journalled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from gateway.clock import Clock
from gateway.errors import UncertainIdentity
from gateway.law.identification import Identification, IdentityClaim, Outcome
from gateway.law.recipients import Recipient
from gateway.model.person import LegalPerson, NaturalPerson, Person
from gateway.ports import JournalEntry, UnitOfWork
from gateway.services.bulletin import Bulletin, compute_bulletin, issue_bulletin, record_delivery
from gateway.services.incoming_notification import identify_claim_in_register


@dataclass(frozen=True, slots=True)
class IdentityBulletin:
    """The bulletin issued; ``person`` the register's person it concerns, or the identity given when the
    register holds no one it describes (None for an erased person); ``identification`` how it was found."""

    bulletin: Bulletin
    person: Person | None
    identification: Identification


def claim_of(person: NaturalPerson) -> IdentityClaim:
    """The identity a register-format person gives, as a requested person's is compared: its key as the
    national identification number, current then former surnames, forenames, birth date and place."""
    return IdentityClaim(
        surnames=(person.surname, *(n.surname for n in person.previous_names)),
        forenames=person.forenames,
        birth_date=person.birth.date,
        birth_town=person.birth.city,
        birth_country=person.birth.country,
        identity_number=person.id,
    )


def _identify(uow: UnitOfWork, identity: Person) -> Identification:
    if isinstance(identity, NaturalPerson):
        return identify_claim_in_register(uow.persons, claim_of(identity))
    held = uow.persons.get(identity.id)
    if isinstance(held, LegalPerson):
        return Identification(Outcome.IDENTIFIED, "clé du registre de la personne morale", "3", person_id=held.id)
    return Identification(Outcome.UNKNOWN, "aucune personne morale du registre sous cette clé", "3")


def deliver_identity_bulletin(
    uow: UnitOfWork,
    *,
    identity: Person,
    number: int,
    on: date,
    clock: Clock,
    official: str,
    recipient: Recipient | None = None,
    consent: bool = False,
) -> IdentityBulletin:
    """Bulletin N°``number`` on ``on`` of the person ``identity`` describes (its decisions, if any, are not
    read: only the register's count). Raises ``UncertainIdentity`` when several or uncertain persons match
    (journalled), InvalidRequest as ``deliver_bulletin`` does."""
    with uow:
        found = _identify(uow, identity)
        if found.outcome is Outcome.UNCERTAIN:
            candidates = ", ".join(found.candidates)
            uow.journal.append(JournalEntry(
                at=clock.now(), official=official, action="bulletin.identity_uncertain", subject=identity.id,
                reason=f"bulletin N°{number}: {found.reason} (art. {found.article})",
                details={"candidates": candidates},
            ))
            uow.commit()
            raise UncertainIdentity(
                f"identité incertaine, aucun bulletin délivré : {found.reason} (art. {found.article}) ; "
                f"personnes candidates : {candidates or 'aucune'}"
            )
        person: Person | None
        if found.person_id is not None:
            bulletin, person = issue_bulletin(uow.persons, found.person_id, number, on)
        else:  # nothing inscribed on whoever this is: « néant » (Art 8-4)
            person = replace(identity, decisions=())
            bulletin = compute_bulletin(person, number, on)
        record_delivery(uow, bulletin, legal_person=isinstance(identity, LegalPerson), clock=clock,
                        official=official, recipient=recipient, consent=consent,
                        details={"identity": found.outcome.value})
    return IdentityBulletin(bulletin, person, found)
