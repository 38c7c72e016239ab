"""Bulletin N°5 (Loi du 29 mars 2013, Art 8-3(1)), natural persons only.

The statement of every conviction and placement for acts committed against a minor or involving a
minor, where that element is constitutive of the offence or aggravates the penalty (al.1), and of
every decision banning activities that involve direct and regular contact with minors (al.2).
No exclusions and no time limits; suspensions of the pronouncement are not convictions and stay
out, non avenue convictions and default judgments stay in (AMB-12). RULES.md §A.2 "N°5".
"""

from __future__ import annotations

from gateway.law.bulletin_common import Context, not_live, removed_by_later_decision
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind, MinorInvolvement, MinorsActivityBan

_AGAINST_MINOR = frozenset({MinorInvolvement.CONSTITUTIVE, MinorInvolvement.AGGRAVATING})


def suspension_of_pronouncement(decision: Decision) -> Ruling | None:
    """Art 8-3(1) al.1 (AMB-12) — a suspension of the pronouncement is not a "condamnation"."""
    if decision.kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT:
        return _SUSPENSION
    return None


_SUSPENSION = Ruling(False, "suspension du prononcé : pas une condamnation (AMB-12)", "8-3(1)")


def acts_against_a_minor(decision: Decision) -> Ruling | None:
    """Art 8-3(1) al.1 — a conviction or placement for acts committed against or involving a minor,
    that element being constitutive of the offence or aggravating the penalty."""
    for offence in decision.offences:
        if offence.minor in _AGAINST_MINOR:
            what = (
                "un élément constitutif de l'infraction"
                if offence.minor is MinorInvolvement.CONSTITUTIVE
                else "une circonstance aggravante"
            )
            return Ruling(
                True, f"{offence.qualification} : le fait commis contre un mineur est {what}", "8-3(1) al.1"
            )
    return None


def minors_activity_ban(decision: Decision) -> Ruling | None:
    """Art 8-3(1) al.2 — every decision banning activities with direct and regular contact with
    minors, whatever the offence, and whether or not the ban is still running."""
    if any(isinstance(p, MinorsActivityBan) for p in decision.penalties):
        return _BAN
    return None


_BAN = Ruling(
    True,
    "interdiction d'exercer une activité impliquant un contact direct et régulier avec des mineurs",
    "8-3(1) al.2",
)
_NOTHING = Ruling(
    False,
    "ni fait commis contre un mineur ou l'impliquant, ni interdiction d'activités avec des mineurs",
    "8-3(1)",
)


def decide(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-3(1) — bulletin N°5: a live conviction or placement under al.1 or al.2."""
    return (
        not_live(decision, ctx.on)
        or removed_by_later_decision(decision, ctx.on)
        or suspension_of_pronouncement(decision)
        or acts_against_a_minor(decision)
        or minors_activity_ban(decision)
        or _NOTHING
    )
