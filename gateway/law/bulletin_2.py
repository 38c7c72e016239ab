"""Bulletin N°2 (Loi du 29 mars 2013, Art 7), for natural persons (7(1)) and legal persons (7(2)).

The rules below follow the article's order: the universe, exclusions 1) to 4), then the time rules
of the following paragraphs, then contagion. RULES.md §A.2 "N°2"; AMB-4, AMB-5, AMB-6.
"""

from __future__ import annotations

from datetime import date

from gateway.law.bulletin_common import (
    Context,
    SursisStatus,
    decide_by_penalties,
    full_sursis_status,
    is_crimcorr,
    measure_running,
    not_live,
    removed_by_later_decision,
    still_to_execute,
)
from gateway.law.fines import cited_fine, fines_at_most, fines_total_text
from gateway.law.periods import anniversary
from gateway.law.ruling import Ruling
from gateway.law.wording import day, euros, penalty_name
from gateway.model.conviction import (
    Closure,
    CommunityService,
    Decision,
    DecisionKind,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    MinorsActivityBan,
    Penalty,
    PublicProcurementExclusion,
    RightsSubtype,
)

SMALL_FINE_EUR = 1000
FIVE_YEARS = 5

# ---------------------------------------------------------------- Art 7(1): natural persons


def universe_natural(decision: Decision) -> Ruling | None:
    """Art 7(1), first sentence — decisions pronouncing criminal or correctional penalties, or
    ordering a placement in criminal proceedings. None when the decision belongs to N°2."""
    if decision.kind is DecisionKind.PLACEMENT or is_crimcorr(decision):
        return None
    return _OUTSIDE_NATURAL


_OUTSIDE_NATURAL = Ruling(
    False,
    "ni condamnation à une peine criminelle ou correctionnelle, ni mesure de placement ordonnée à "
    "l'occasion d'une procédure pénale",
    "7(1)",
)


def fine_under_pending_sursis(penalty: Penalty, status: SursisStatus | None, article: str) -> Ruling | None:
    """Art 7(1) 1) and 7(2) 1) — a fine with a (full) sursis simple or probatoire is not shown,
    "à moins que le sursis ne soit déchu ou révoqué"."""
    if isinstance(penalty, Fine) and status is SursisStatus.PENDING:
        return Ruling(False, "amende assortie d'un sursis ni déchu ni révoqué", article)
    return None


def suspension_of_pronouncement(decision: Decision, article: str) -> Ruling | None:
    """Art 7(1) 2) and 7(2) 2) — decisions suspending the pronouncement are not shown."""
    if decision.kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT:
        return Ruling(False, "décision ordonnant la suspension du prononcé de la condamnation", article)
    return None


def non_avenue(status: SursisStatus | None, article: str) -> Ruling | None:
    """Art 7(1) 3) and 7(2) 3) — a penalty with a sursis is not shown once it is deemed non avenue."""
    if status is SursisStatus.NON_AVENUE:
        return Ruling(False, "peine assortie d'un sursis, désormais considérée comme non avenue", article)
    return None


def default_not_notified(decision: Decision, article: str) -> Ruling | None:
    """Art 7(1) 4) and 7(2) 4) — decisions given by default and not served on the person."""
    if decision.by_default_not_notified:
        return Ruling(False, "décision rendue par défaut et non notifiée à personne", article)
    return None


def small_fine_or_tig_window(penalty: Fine | CommunityService, decision: Decision, ctx: Context) -> Ruling:
    """Art 7(1) al.2 — a fine of at most 1,000 EUR (the decision's fines summed, AMB-31; a fine
    with no euro value is never that small, AMB-29) and a travail d'intérêt général are no longer
    shown after five years from the day the conviction became final; the anniversary day is still
    inside (AMB-4)."""
    assert decision.final_date is not None  # a live decision is final
    last_day = anniversary(decision.final_date, FIVE_YEARS)
    what = (
        f"{fines_total_text(decision)} (au plus {euros(SMALL_FINE_EUR)})"
        if isinstance(penalty, Fine)
        else "travail d'intérêt général"
    )
    if ctx.on <= last_day:
        return Ruling(
            True,
            f"{what}, dans les cinq ans du jour où la condamnation a acquis force de chose jugée "
            f"(jusqu'au {day(last_day)})",
            "7(1) al.2",
        )
    return Ruling(
        False,
        f"{what}, plus de cinq ans après le jour où la condamnation a acquis force de chose jugée "
        f"(délai échu le {day(last_day)})",
        "7(1) al.2",
    )


def driving_ban_being_executed(penalty: DrivingBan, ctx: Context) -> Ruling:
    """Art 7(1) al.3 — a driving ban is shown while all or part of it remains to be executed. A ban
    under a pending full sursis still remains to be executed (a revocation would make it
    executable, AMB-33); it leaves once non avenue (7(1) 3)) or once its last day has passed."""
    end = penalty.execution_end_date
    if still_to_execute(end, ctx.on):
        return Ruling(True, _ban_running_reason(end), "7(1) al.3")
    assert end is not None  # a ban without a recorded end is still to execute
    return Ruling(False, f"interdiction de conduire exécutée (dernier jour : {day(end)})", "7(1) al.3")


def _ban_running_reason(end: date | None) -> str:
    if end is None:
        return "interdiction de conduire restant à exécuter"
    return f"interdiction de conduire en cours d'exécution (dernier jour : {day(end)})"


def measure_not_expired(
    penalty: DeprivationOfRights | MinorsActivityBan, ctx: Context, article: str
) -> Ruling:
    """Art 7(1) al.4 — an interdiction, incapacité or déchéance (the ban on activities with minors
    included) is shown while its fixed duration has not expired; the last day is inside (AMB-5).
    A pending full sursis does not take it out before then (AMB-33)."""
    label = penalty_name(penalty.type) if isinstance(penalty, MinorsActivityBan) else RIGHTS[penalty.subtype]
    if penalty.perpetual:
        return Ruling(True, f"{label} à vie", article)
    return measure_ruling(label, penalty.end_date, ctx, article)


RIGHTS = {
    RightsSubtype.INTERDICTION: "interdiction",
    RightsSubtype.INCAPACITE: "incapacité",
    RightsSubtype.DECHEANCE: "déchéance",
}


def measure_ruling(label: str, end: date | None, ctx: Context, article: str) -> Ruling:
    """Art 7(1) al.4, 7(2) al.3 (and 8-1) — a measure of fixed duration is shown while it runs,
    its recorded last day included (AMB-5); one without a recorded end runs."""
    if measure_running(end, False, ctx.on):
        until = f" jusqu'au {day(end)}" if end else " (sans date de fin enregistrée)"
        return Ruling(True, f"{label} en cours{until}", article)
    assert end is not None
    return Ruling(False, f"{label} expirée (dernier jour : {day(end)})", article)


def legal_person_measure(penalty: Penalty, ctx: Context, paragraph: str) -> Ruling | None:
    """Art 7(2) al.2-3, repeated in Art 8-1(2) al.2-3 — for a legal person, closure of the
    undertaking or establishment and dissolution are shown without time limit (al.2); interdiction,
    déchéance, incapacité and exclusion from public procurement while they run (al.3). None for any
    other penalty. ``paragraph`` is ``7(2)`` or ``8-1(2)``."""
    if isinstance(penalty, Closure):
        return Ruling(True, "fermeture de l'entreprise ou de l'établissement", f"{paragraph} al.2")
    if isinstance(penalty, Dissolution):
        return Ruling(True, "dissolution", f"{paragraph} al.2")
    if isinstance(penalty, PublicProcurementExclusion):
        return measure_ruling(penalty_name(penalty.type), penalty.end_date, ctx, f"{paragraph} al.3")
    if isinstance(penalty, DeprivationOfRights | MinorsActivityBan):
        return measure_not_expired(penalty, ctx, f"{paragraph} al.3")
    return None


def penalty_qualifies_natural(penalty: Penalty, decision: Decision, ctx: Context) -> Ruling:
    """Art 7(1) — whether one penalty of a natural person's decision is to be shown on N°2."""
    status = full_sursis_status(penalty, ctx.on)
    excluded = non_avenue(status, "7(1) 3)") or fine_under_pending_sursis(penalty, status, "7(1) 1)")
    if excluded:
        return excluded
    if isinstance(penalty, Fine):
        if fines_at_most(decision, SMALL_FINE_EUR):
            return small_fine_or_tig_window(penalty, decision, ctx)
        return Ruling(True, f"{fines_total_text(decision)} (plus de {euros(SMALL_FINE_EUR)})", "7(1)")
    if isinstance(penalty, CommunityService):
        return small_fine_or_tig_window(penalty, decision, ctx)
    if isinstance(penalty, DrivingBan):
        return driving_ban_being_executed(penalty, ctx)
    if isinstance(penalty, DeprivationOfRights | MinorsActivityBan):
        return measure_not_expired(penalty, ctx, "7(1) al.4")
    if isinstance(penalty, Closure | PublicProcurementExclusion):
        return measure_ruling(penalty_name(penalty.type), penalty.end_date, ctx, "7(1)")
    if isinstance(penalty, Dissolution):
        return Ruling(True, "dissolution", "7(1)")
    return _ALWAYS_NATURAL[penalty.type]


_ALWAYS_NATURAL = {
    "imprisonment": Ruling(True, "emprisonnement (aucune exclusion au bulletin N°2)", "7(1)"),
    "placement": Ruling(True, "mesure de placement ordonnée à l'occasion d'une procédure pénale", "7(1)"),
}


def decide_natural(decision: Decision, ctx: Context) -> Ruling:
    """Art 7(1) — bulletin N°2 of a natural person: whole-decision exclusions, then each penalty,
    then al.5: "toutes les peines y sont inscrites"."""
    excluded = (
        not_live(decision, ctx.on)
        or removed_by_later_decision(decision, ctx.on)
        or suspension_of_pronouncement(decision, "7(1) 2)")
        or universe_natural(decision)
        or default_not_notified(decision, "7(1) 4)")
    )
    if excluded:
        return excluded
    if decision.kind is DecisionKind.PLACEMENT and not decision.penalties:
        return Ruling(True, "placement ordonné à l'occasion d'une procédure pénale", "7(1)")
    return decide_by_penalties(decision, ctx, penalty_qualifies_natural, "7(1) al.5")


# ---------------------------------------------------------------- Art 7(2): legal persons


def universe_legal(decision: Decision) -> Ruling | None:
    """Art 7(2), first sentence — decisions pronouncing criminal or correctional penalties."""
    return None if is_crimcorr(decision) else _OUTSIDE_LEGAL


_OUTSIDE_LEGAL = Ruling(False, "pas une condamnation à une peine criminelle ou correctionnelle", "7(2)")


def penalty_qualifies_legal(penalty: Penalty, decision: Decision, ctx: Context) -> Ruling:
    """Art 7(2) — whether one penalty of a legal person's decision is to be shown on N°2: closure
    and dissolution without time limit (al.2); interdiction, déchéance, incapacité and exclusion
    from public procurement while they run (al.3); fines unless under a pending sursis (1)), with no
    amount threshold and no time limit."""
    status = full_sursis_status(penalty, ctx.on)
    excluded = non_avenue(status, "7(2) 3)") or fine_under_pending_sursis(penalty, status, "7(2) 1)")
    if excluded:
        return excluded
    measure = legal_person_measure(penalty, ctx, "7(2)")
    if measure is not None:
        return measure
    if isinstance(penalty, Fine):
        return Ruling(True, f"amende de {cited_fine(penalty)}", "7(2)")
    return Ruling(True, penalty_name(penalty.type), "7(2)")


def decide_legal(decision: Decision, ctx: Context) -> Ruling:
    """Art 7(2) — bulletin N°2 of a legal person; al.2-3: all the decision's penalties are shown."""
    excluded = (
        not_live(decision, ctx.on)
        or removed_by_later_decision(decision, ctx.on)
        or suspension_of_pronouncement(decision, "7(2) 2)")
        or universe_legal(decision)
        or default_not_notified(decision, "7(2) 4)")
    )
    if excluded:
        return excluded
    return decide_by_penalties(decision, ctx, penalty_qualifies_legal, "7(2) al.2-3")
