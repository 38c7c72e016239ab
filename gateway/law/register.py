"""What the register inscribes (Art 1) and when it erases (Art 3), Loi du 29 mars 2013."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from gateway.law.naturalisation import inscribable_under_art_14_3, inscribed_under_art_14_3
from gateway.law.periods import anniversary
from gateway.law.ruling import Ruling
from gateway.law.wording import day
from gateway.model.conviction import Decision, DecisionKind, PenaltyLevel
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import LegalPerson, NaturalPerson, Person

ERASURE_AGE_YEARS = 100


def inscribable_decision_type(decision: Decision) -> Ruling:
    """Art 1(1) 1) to 5) and 1(4) — which final decisions the register receives.

    Refused: decisions without force de chose jugée, police contraventions of the 3rd and 4th
    class (1) 2)) and police contraventions for parking (1) 3)).
    """
    if decision.final_date is None:
        return Ruling(False, "la décision n'a pas de date de coulée en force de chose jugée", "1(1)")
    if decision.kind is DecisionKind.PLACEMENT:
        return Ruling(True, "mesure de placement ordonnée à l'occasion d'une procédure pénale", "1(1) 5)")
    if decision.kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT:
        return Ruling(True, "suspension du prononcé de la condamnation", "1(4)")
    level = decision.penalty_level
    if decision.traffic_offence:
        if decision.parking_contravention and level in (PenaltyLevel.POLICE, None):
            return Ruling(False, "contravention de police en matière de stationnement", "1(1) 3)")
        return Ruling(True, "condamnation pour une infraction à la circulation routière", "1(1) 3)")
    if level in (PenaltyLevel.CRIMINAL, PenaltyLevel.CORRECTIONAL):
        if decision.military_code:
            return Ruling(
                True,
                "peine criminelle ou correctionnelle prononcée en vertu du Code pénal militaire",
                "1(1) 4)",
            )
        return Ruling(True, "peine criminelle ou correctionnelle", "1(1) 1)")
    if level is PenaltyLevel.POLICE:
        if decision.police_contravention_class in (3, 4):
            return Ruling(
                False,
                f"contravention de police de {decision.police_contravention_class}e classe",
                "1(1) 2)",
            )
        return Ruling(True, "peine de police", "1(1) 2)")
    return Ruling(
        False, "condamnation sans niveau de peine (criminelle, correctionnelle ou de police)", "1(1)"
    )


def inscribable_by_issuing_court(decision: Decision, person: Person) -> Ruling:
    """Art 1(2) — whose courts' decisions are inscribed.

    Luxembourg courts always; other Member States' courts for Luxembourg nationals and Luxembourg
    legal persons; third countries' courts for those persons when the decision was notified under
    an international convention and the act is a crime or délit under Luxembourg law.
    Nationality is taken at the date of inscription (AMB-1). A third country's decision inscribed under
    Art 14(3) (the naturalisation transfer) needs no convention (AMB-23, ``law/naturalisation.py``).
    """
    country = decision.court_country
    if country == LUXEMBOURG:
        return Ruling(True, "décision d'une juridiction luxembourgeoise", "1(2) 1)")
    luxembourgish = (
        LUXEMBOURG in person.nationalities
        if isinstance(person, NaturalPerson)
        else person.is_luxembourg_legal_person
    )
    subject = (
        "un ressortissant luxembourgeois"
        if isinstance(person, NaturalPerson)
        else "une personne morale de droit luxembourgeois"
    )
    if is_member_state(country):
        if luxembourgish:
            return Ruling(
                True, f"décision d'une juridiction d'un État membre concernant {subject}", "1(2) 2)"
            )
        return Ruling(
            False,
            f"décision d'une juridiction de {country} concernant une personne qui n'est pas {subject}",
            "1(2) 2)",
        )
    if not luxembourgish:
        return Ruling(
            False, f"décision d'un pays tiers concernant une personne qui n'est pas {subject}", "1(2) 3)"
        )
    if inscribed_under_art_14_3(decision):
        return inscribable_under_art_14_3(decision)
    if decision.notified_under_convention is not True:
        return Ruling(
            False,
            "décision d'un pays tiers non transmise en vertu d'une convention internationale",
            "1(2) 3)",
        )
    if decision.act_is_offence_in_lu is not True:
        return Ruling(
            False,
            "décision d'un pays tiers pour un fait qui n'est ni un crime ni un délit au Luxembourg",
            "1(2) 3)",
        )
    return Ruling(
        True, "décision d'un pays tiers transmise en vertu d'une convention internationale", "1(2) 3)"
    )


def may_be_inscribed(decision: Decision, person: Person) -> Ruling:
    """Art 1 — a decision is inscribed when both its type (1(1)) and its court (1(2)) allow it."""
    by_type = inscribable_decision_type(decision)
    if not by_type.included:
        return by_type
    by_court = inscribable_by_issuing_court(decision, person)
    return by_court if not by_court.included else by_type


class ErasureGround(enum.StrEnum):
    DEATH = "death"
    HUNDREDTH_BIRTHDAY = "hundredth_birthday"


@dataclass(frozen=True, slots=True)
class ErasureDue:
    ground: ErasureGround
    since: date
    article: str = "3 al.3"

    @property
    def reason(self) -> str:
        """In French, as the clerk reads it (« décès le 01/03/2026 »)."""
        if self.ground is ErasureGround.DEATH:
            return f"décès le {day(self.since)}"
        return f"100 ans après la naissance, atteints le {day(self.since)}"


def earliest_birth_date(person: NaturalPerson) -> date | None:
    """Art 3, last paragraph, AMB-2 — the earliest day the known part of the birth date allows:
    the date itself when complete, the 1st of the month for a year and month, 1 January for a year
    alone; None when the birth date is wholly unknown."""
    born = person.birth.date
    if born is None:
        return None
    return date(born.year, born.month or 1, born.day or 1)


def erasure_due(person: Person, on: date) -> ErasureDue | None:
    """Art 3, last paragraph — a natural person's inscriptions are erased at death and "au plus
    tard" 100 years after birth. A partial birth date is erased on the 100th anniversary of its
    earliest possible day, so that every birth date it allows is honoured (AMB-2, revised); a
    wholly unknown one never triggers automatic erasure (see ``needs_manual_erasure_review``). No
    rule for legal persons (AMB-3).
    """
    if isinstance(person, LegalPerson):
        return None
    if person.death_date is not None and person.death_date <= on:
        return ErasureDue(ErasureGround.DEATH, person.death_date)
    born = earliest_birth_date(person)
    if born is not None:
        hundredth = anniversary(born, ERASURE_AGE_YEARS)
        if hundredth <= on:
            return ErasureDue(ErasureGround.HUNDREDTH_BIRTHDAY, hundredth)
    return None


def needs_manual_erasure_review(person: Person, on: date) -> bool:
    """Art 3, last paragraph, AMB-2 (revised) — a natural person whose birth date is wholly unknown
    cannot be erased automatically at 100 years: unless already due (death), the person is on the
    clerk's list. A partial birth date is erased automatically (``erasure_due``)."""
    if isinstance(person, LegalPerson) or erasure_due(person, on) is not None:
        return False
    return person.birth.date is None
