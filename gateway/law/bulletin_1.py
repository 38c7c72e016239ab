"""Bulletin N°1 (Loi du 29 mars 2013, Art 5): the full statement of the register.

"Le bulletin N° 1 est le relevé des condamnations et des décisions inscrites au casier judiciaire au
titre de l'article 1er." Every live inscription is shown: convictions (police and traffic ones
included), suspensions of the pronouncement, suspended sentences (non avenue ones included),
default judgments with their mention, placements, with their Art 2 5) annotations. It is "néant"
only after erasure (Art 3) or when nothing was ever inscribed (Art 8-4).
"""

from __future__ import annotations

from gateway.law.bulletin_common import Context, not_live
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind

_SHOWN = {
    DecisionKind.CONVICTION: Ruling(True, "conviction inscribed in the register", "5"),
    DecisionKind.SUSPENSION_OF_PRONOUNCEMENT: Ruling(
        True, "suspension of the pronouncement inscribed in the register", "5"
    ),
    DecisionKind.PLACEMENT: Ruling(True, "placement inscribed in the register", "5"),
}


def decide(decision: Decision, ctx: Context) -> Ruling:
    """Art 5 — every decision inscribed under Art 1 and final at D is on bulletin N°1."""
    return not_live(decision, ctx.on) or _SHOWN[decision.kind]
