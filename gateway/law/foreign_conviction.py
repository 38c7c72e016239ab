"""A Member State's conviction notified to Luxembourg, as the register inscribes it (Art 1, Art 2)."""

from __future__ import annotations

from datetime import date

from gateway.law.register import ErasureGround, erasure_due
from gateway.law.ruling import Ruling
from gateway.law.wording import day
from gateway.model.conviction import PenaltyLevel
from gateway.model.person import Person


def penalty_level_of_notified_conviction(*, non_criminal_ruling: bool) -> PenaltyLevel | None:
    """Art 1(1) 1) and Art 1(2) 2), reading AMB-23 — the penalty level under which a conviction notified by
    another Member State (FD 2009/315 Art 4(2)) is inscribed.

    ECRIS carries no Luxembourg penalty level and the law gives no mapping of foreign penalties (AMB-23 is
    open). A conviction notified under the Framework Decision is a criminal conviction of the convicting
    State: it is inscribed as correctional (Art 1(1) 1)), never as a police penalty, so that no bulletin
    drops it under a rule made for Luxembourg contraventions. A ruling the convicting State marks as
    non-criminal (``ConvictionNonCriminalRuling``) has no level: Art 1(1) does not inscribe it.
    """
    return None if non_criminal_ruling else PenaltyLevel.CORRECTIONAL


def inscribed_on_the_living(person: Person, *, on: date) -> Ruling:
    """Art 3, last paragraph — a natural person's inscriptions are erased at death: a conviction notified about
    a person the register knows to have died by ``on`` is not inscribed (the convicting State is told the
    person is deceased). The death is the one Art 3 reads (``erasure_due``)."""
    due = erasure_due(person, on)
    if due is not None and due.ground is ErasureGround.DEATH:
        return Ruling(False, f"personne décédée le {day(due.since)}", "3")
    return Ruling(True, "personne en vie selon le registre", "3")
