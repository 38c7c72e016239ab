"""Mandatory fingerprints, facial images and photographs (Art 12-2; Reg 2019/816 Art 2, Art 5(1)(b)(ii);
RULES.md R-TCN-3, AMB-19)."""

from __future__ import annotations

from datetime import date

from gateway.law.ruling import Ruling
from gateway.law.tcn.who import luxembourg_convictions, member_state_nationalities, nationality_status
from gateway.model.conviction import Imprisonment, SursisScope
from gateway.model.person import LegalPerson, Person
from gateway.model.tcn import NationalityStatus

MIN_CUSTODIAL_MONTHS = 6
ARTICLE = "12-2(1)"


def fingerprints_required(person: Person | None, on: date) -> Ruling:
    """Art 12-2(1) — the Police grand-ducale takes the fingerprints, facial images and photographs of a
    third-country national convicted by a final decision to a custodial sentence of at least six months;
    stateless persons and persons of unknown nationality are assimilated, nationals of a Member State who
    also hold a third-country nationality are excluded. The sentence pronounced counts, suspended or not
    (AMB-19)."""
    if person is None or isinstance(person, LegalPerson):
        return Ruling(False, "ni personne physique inscrite", ARTICLE)
    eu = member_state_nationalities(person)
    if eu:
        return Ruling(False, f"ressortissant d'un État membre ({', '.join(eu)}) : exclu (art. 12-2(1) al. 3)",
                      ARTICLE)
    status = nationality_status(person)
    who = {
        NationalityStatus.STATELESS: "apatride",
        NationalityStatus.UNKNOWN: "de nationalité inconnue",
    }.get(status, "ressortissant d'un pays tiers")
    for decision in luxembourg_convictions(person, on):
        for penalty in decision.penalties:
            if isinstance(penalty, Imprisonment) and penalty.months >= MIN_CUSTODIAL_MONTHS:
                suspended = "" if penalty.sursis is None else (
                    " (avec sursis, AMB-19)" if penalty.sursis.scope is SursisScope.FULL
                    else " (avec sursis partiel, AMB-19)")
                return Ruling(
                    True,
                    f"{who} condamné par la décision {decision.id} à {penalty.months} mois d'emprisonnement"
                    f"{suspended}, au moins {MIN_CUSTODIAL_MONTHS} mois",
                    ARTICLE,
                )
    return Ruling(False, f"{who} sans condamnation définitive à au moins {MIN_CUSTODIAL_MONTHS} mois "
                         "d'emprisonnement", ARTICLE)
