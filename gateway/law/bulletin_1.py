"""Bulletin N°1 (Loi du 29 mars 2013, Art 5): the full statement of the register.

"Le bulletin N° 1 est le relevé des condamnations et des décisions inscrites au casier judiciaire au
titre de l'article 1er." Every live inscription is shown: convictions (police and traffic ones
included), suspensions of the pronouncement, suspended sentences (non avenue ones included),
default judgments with their mention, placements, with their Art 2 5) annotations. It is "néant"
only after erasure (Art 3) or when nothing was ever inscribed (Art 8-4). Being the statement of the
inscriptions, it also gives what Art 1(3) and 1(4) inscribe with a decision (``mentions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from gateway.law.bulletin_common import Context, not_live
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind, Suspension, SuspensionType

_SHOWN = {
    DecisionKind.CONVICTION: Ruling(True, "condamnation inscrite au casier judiciaire", "5"),
    DecisionKind.SUSPENSION_OF_PRONOUNCEMENT: Ruling(
        True, "suspension du prononcé inscrite au casier judiciaire", "5"
    ),
    DecisionKind.PLACEMENT: Ruling(True, "mesure de placement inscrite au casier judiciaire", "5"),
}


def decide(decision: Decision, ctx: Context) -> Ruling:
    """Art 5 — every decision inscribed under Art 1 and final at D is on bulletin N°1."""
    return not_live(decision, ctx.on) or _SHOWN[decision.kind]


@dataclass(frozen=True, slots=True)
class SursisMention:
    """Art 1(4) — a penalty pronounced with a sursis simple or probatoire: the obligations imposed
    and their duration (``probation_years``). ``penalty_index`` is the penalty's place in the decision."""

    penalty_index: int
    penalty: str
    type: SuspensionType
    probation_years: int | None
    obligations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mentions:
    """Art 1(3)-(4) — what N°1 shows of a decision besides its penalties."""

    decision: str
    by_default_not_notified: bool
    opposition_decision: str | None
    suspension: Suspension | None
    sursis: tuple[SursisMention, ...]


def mentions(decision: Decision) -> Mentions:
    """Art 1(3) — a judgment by default not served on the person is inscribed "avec l'indication,
    tant de cette circonstance qu'éventuellement de la décision qui a été rendue sur opposition";
    Art 1(4) — a suspension of the pronouncement and a conviction with sursis are inscribed "avec la
    mention des obligations imposées par la décision et de leur durée"."""
    return Mentions(
        decision.id,
        decision.by_default_not_notified,
        decision.opposition_decision,
        decision.suspension,
        tuple(
            SursisMention(index, p.type, p.sursis.type, p.sursis.probation_years, p.sursis.obligations)
            for index, p in enumerate(decision.penalties)
            if p.sursis is not None
        ),
    )
