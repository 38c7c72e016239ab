"""The ETIAS/VIS flag of an ECRIS-TCN record (Art 12-1(1) last sentence; Reg 2019/816 Art 5(1)(c), Art 8;
RULES.md R-TCN-2, AMB-17, AMB-18).

The flag is set on a date when the person has a Luxembourg conviction for a terrorist offence within the
last 25 years, or for another offence of the ETIAS Annex within the last 15 years, the offence being
punishable under Luxembourg law by a maximum custodial sentence of at least three years — the threshold
applied to terrorist offences too (AMB-17). The windows run from the decision date, the anniversary still
inside (AMB-18): recomputed each day, the flag turns off the day after its window closes. It depends on the
offence and its abstract maximum, never on the sentence pronounced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gateway.law.periods import anniversary
from gateway.law.tcn.etias_tables import (
    CRIMINAL_PENALTY_MIN_MAX_MONTHS,
    ETIAS_ANNEX,
    ETIAS_BY_ANNEX_A_CHAPTER,
    LU_MAX_CUSTODIAL_MONTHS_BY_CODE_PENAL_ARTICLE,
    TERRORIST,
)
from gateway.law.tcn.who import luxembourg_convictions
from gateway.law.wording import day
from gateway.model.conviction import Decision, Offence, PenaltyLevel
from gateway.model.person import Person

TERRORIST_WINDOW_YEARS = 25
OTHER_ANNEX_WINDOW_YEARS = 15
THRESHOLD_MONTHS = 36
ARTICLE = "12-1(1)"


def etias_category(offence: Offence) -> str | None:
    """Reg 2019/816 Art 5(1)(c), RULES.md R-TCN-2 "etias_category" — ``terrorist``, ``annex:N`` (N of the
    ETIAS Annex, item 1 being the terrorist offences) or None: the register's ``etias`` first (an item the
    Annex does not have, such as ``annex:30``, is none), else the ECRIS offence category's chapter
    (``ETIAS_BY_ANNEX_A_CHAPTER``)."""
    if offence.etias:
        if offence.etias in {TERRORIST, "annex:1"}:
            return TERRORIST
        number = offence.etias.removeprefix("annex:")
        return offence.etias if number.isdigit() and int(number) in ETIAS_ANNEX else None
    if offence.ecris_category:
        return ETIAS_BY_ANNEX_A_CHAPTER.get(offence.ecris_category[:2])
    return None


_ARTICLE_NUMBER = re.compile(r"\b(\d+(?:-\d+)?)\b")


def lu_max_custodial_months(offence: Offence, decision: Decision) -> int | None:
    """Art 12-1(1) "passible, en droit luxembourgeois, d'une peine privative de liberté d'une durée maximale"
    — the maximum in months: the register's ``lu_max_custodial_months`` first; else the largest the table
    gives for the Code pénal articles of ``legal_provisions``; else, for a decision pronouncing criminal
    penalties, the réclusion's least maximum (``CRIMINAL_PENALTY_MIN_MAX_MONTHS``); else unknown (None)."""
    if offence.lu_max_custodial_months is not None:
        return offence.lu_max_custodial_months
    provisions = offence.legal_provisions or ""
    if "code pénal" in provisions.lower():
        known = [
            LU_MAX_CUSTODIAL_MONTHS_BY_CODE_PENAL_ARTICLE[number]
            for number in _ARTICLE_NUMBER.findall(provisions)
            if number in LU_MAX_CUSTODIAL_MONTHS_BY_CODE_PENAL_ARTICLE
        ]
        if known:
            return max(known)
    if decision.penalty_level is PenaltyLevel.CRIMINAL:
        return CRIMINAL_PENALTY_MIN_MAX_MONTHS
    return None


def window_years(category: str) -> int:
    """Reg 2019/816 Art 5(1)(c) — 25 years for a terrorist offence, 15 for another Annex offence."""
    return TERRORIST_WINDOW_YEARS if category == TERRORIST else OTHER_ANNEX_WINDOW_YEARS


@dataclass(frozen=True, slots=True)
class EtiasGround:
    """One conviction that sets the flag: which, for what, until which day (inclusive)."""

    decision_id: str
    decision_date: date
    category: str
    max_months: int
    window_end: date

    @property
    def label(self) -> str:
        if self.category == TERRORIST:
            return "infraction terroriste"
        number = int(self.category.removeprefix("annex:"))
        return f"{ETIAS_ANNEX.get(number, self.category)} (annexe ETIAS, point {number})"

    @property
    def reason(self) -> str:
        """In French, as a clerk reads it."""
        years = window_years(self.category)
        return (
            f"condamnation {self.decision_id} du {day(self.decision_date)} pour {self.label}, passible d'une "
            f"peine privative de liberté maximale de {self.max_months} mois (au moins 36) ; indicateur "
            f"jusqu'au {day(self.window_end)} inclus ({years} ans après la décision, AMB-18)"
        )


def etias_grounds(decision: Decision) -> list[EtiasGround]:
    """Art 12-1(1) last sentence, AMB-17, AMB-18 — each offence of the decision that sets the flag for a
    while: an ETIAS category and a Luxembourg maximum of at least three years; its window runs from the
    decision date to its anniversary 25 (terrorist) or 15 (other Annex offence) years on, that day included
    (29 February falling on 28 February)."""
    grounds: list[EtiasGround] = []
    for offence in decision.offences:
        category = etias_category(offence)
        if category is None:
            continue
        months = lu_max_custodial_months(offence, decision)
        if months is None or months < THRESHOLD_MONTHS:
            continue
        end = anniversary(decision.decision_date, window_years(category))
        grounds.append(EtiasGround(decision.id, decision.decision_date, category, months, end))
    return grounds


def etias_ground(decision: Decision, on: date) -> EtiasGround | None:
    """The decision's ground whose window holds ``on`` and closes last; None when none does."""
    live = [g for g in etias_grounds(decision) if g.decision_date <= on <= g.window_end]
    return max(live, key=lambda g: g.window_end, default=None)


@dataclass(frozen=True, slots=True)
class EtiasFlag:
    """The verdict of ``etias_flag``: set or not, the ground with the latest window, why, the article."""

    flag: bool
    ground: EtiasGround | None
    reason: str
    article: str = ARTICLE


def etias_flag(person: Person, on: date) -> EtiasFlag:
    """Art 12-1(1) last sentence; Reg 2019/816 Art 5(1)(c), Art 8(2) — the flag on ``on``, from the person's
    Luxembourg convictions in the register that day (a conviction erased no longer counts: only the flag
    goes while the record stays for the others). When several convictions set it, the one whose window
    closes last is named."""
    convictions = luxembourg_convictions(person, on)
    grounds = [g for d in convictions if (g := etias_ground(d, on)) is not None]
    ground = max(grounds, key=lambda g: g.window_end, default=None)
    if ground is not None:
        return EtiasFlag(True, ground, ground.reason)
    closed = max((g for d in convictions for g in etias_grounds(d) if g.window_end < on),
                 key=lambda g: g.window_end, default=None)
    if closed is not None:
        return EtiasFlag(
            False, None,
            f"indicateur levé : la période de {window_years(closed.category)} ans de la condamnation "
            f"{closed.decision_id} du {day(closed.decision_date)} pour {closed.label} s'est close le "
            f"{day(closed.window_end)} (AMB-18)",
        )
    return EtiasFlag(
        False, None,
        "aucune condamnation pour une infraction terroriste dans les 25 ans ni pour une autre infraction "
        "de l'annexe ETIAS dans les 15 ans, passible d'au moins 3 ans d'emprisonnement",
    )
