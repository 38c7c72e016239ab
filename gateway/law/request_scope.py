"""Whom a Member State's request may concern (Loi du 29 mars 2013, Art 15(1) and (2)). RULES.md §A.5
R-IN-1, step 1."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.law.recipients import ForeignSubject
from gateway.law.ruling import Ruling
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import LegalPerson, Person


@dataclass(frozen=True, slots=True)
class RequestSubject:
    """What the request and the register say of the person asked about: a legal person (and whether of
    Luxembourg law), or a natural person's nationalities and whether a Luxembourg court convicted them."""

    legal_person: bool
    nationalities: tuple[str, ...] = ()
    luxembourg_legal_person: bool = False
    convicted_in_luxembourg: bool = False


def subject_of(person: Person) -> RequestSubject:
    """The subject as the register holds it."""
    if isinstance(person, LegalPerson):
        return RequestSubject(legal_person=True, luxembourg_legal_person=person.is_luxembourg_legal_person)
    return RequestSubject(
        legal_person=False,
        nationalities=person.nationalities,
        convicted_in_luxembourg=any(d.court_country == LUXEMBOURG for d in person.decisions),
    )


def unheld_subject(nationalities: tuple[str, ...]) -> RequestSubject:
    """A natural person the register does not hold, with the nationalities the request gives: nothing
    inscribed, so never convicted in Luxembourg as far as the register knows."""
    return RequestSubject(legal_person=False, nationalities=nationalities)


def foreign_subject(subject: RequestSubject) -> ForeignSubject | None:
    """The case of Art 15 the subject falls under (the same cases as the recipients table's points
    3)/3bis) and 4)/4bis)), or None when Art 15 does not cover them."""
    if subject.legal_person:
        return ForeignSubject.LUXEMBOURG_LEGAL_PERSON if subject.luxembourg_legal_person else None
    if any(is_member_state(n) for n in subject.nationalities):
        return ForeignSubject.MEMBER_STATE_NATIONAL
    if subject.convicted_in_luxembourg:
        return ForeignSubject.THIRD_COUNTRY_NATIONAL
    return None


def request_in_scope(subject: RequestSubject) -> Ruling:
    """Art 15(1)-(2) — a request is answered about "une personne physique, ressortissante d'un État
    membre" (Luxembourg included, so a Luxembourg national with a third-country nationality too), "une
    personne morale de droit luxembourgeois", or a third-country national "à l'égard de laquelle une
    condamnation a été prononcée par les juridictions luxembourgeoises". A stateless person or one of
    unknown nationality is treated as a third-country national (Art 12-1(4)). The limb of a third-country
    conviction "transmise au procureur général d'État" has no effect: such a conviction cannot be
    inscribed (AMB-24)."""
    match foreign_subject(subject):
        case ForeignSubject.MEMBER_STATE_NATIONAL:
            states = ", ".join(n for n in subject.nationalities if is_member_state(n))
            return Ruling(True, f"ressortissant d'un État membre ({states})", "15")
        case ForeignSubject.LUXEMBOURG_LEGAL_PERSON:
            return Ruling(True, "personne morale de droit luxembourgeois", "15")
        case ForeignSubject.THIRD_COUNTRY_NATIONAL:
            return Ruling(
                True, "ressortissant d'un pays tiers condamné par les juridictions luxembourgeoises", "15"
            )
        case None if subject.legal_person:
            return Ruling(False, "personne morale qui n'est pas de droit luxembourgeois", "15")
        case _:
            return Ruling(
                False,
                "ressortissant d'un pays tiers sans condamnation prononcée par les juridictions "
                "luxembourgeoises",
                "15",
            )

