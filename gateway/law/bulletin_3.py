"""Bulletin N°3 (Loi du 29 mars 2013, Art 8-1), for natural persons (8-1(1)) and legal persons
(8-1(2)).

The rules below follow the article's order: the universe, exclusions 1) to 7) (1) to 5) for legal
persons), the time rules of the following paragraphs, then contagion. RULES.md §A.2 "N°3";
AMB-4 to AMB-9. Legal persons have neither the five-year rule nor the twelve-month rule: both are
in paragraph (1), which is for natural persons only.
"""

from __future__ import annotations

from gateway.law.bulletin_2 import (
    default_not_notified,
    driving_ban_being_executed,
    fine_under_pending_sursis,
    legal_person_measure,
    measure_not_expired,
    measure_ruling,
    non_avenue,
    suspension_of_pronouncement,
)
from gateway.law.bulletin_common import (
    Context,
    SursisStatus,
    decide_by_penalties,
    full_sursis_status,
    is_crimcorr,
    not_live,
    removed_by_later_decision,
)
from gateway.law.fines import fines_at_most, fines_total_text
from gateway.law.periods import anniversary
from gateway.law.ruling import Ruling
from gateway.law.wording import day, euros, penalty_name
from gateway.model.conviction import (
    Closure,
    CommunityService,
    Decision,
    DeprivationOfRights,
    Dissolution,
    DrivingBan,
    Fine,
    FineNature,
    Imprisonment,
    MinorsActivityBan,
    Penalty,
    PlacementMeasure,
    PublicProcurementExclusion,
)

SUSPENDED_IMPRISONMENT_MONTHS = 24
SMALL_FINE_EUR = 2500
LEGAL_PERSON_SMALL_FINE_EUR = 25000
FIVE_YEARS = 5
SHORT_IMPRISONMENT_MONTHS = 12

# ---------------------------------------------------------------- Art 8-1(1): natural persons


def universe(decision: Decision, article: str) -> Ruling | None:
    """Art 8-1(1) and 8-1(2), first sentence — decisions pronouncing criminal or correctional
    penalties. Placements are not on N°3."""
    if is_crimcorr(decision):
        return None
    return Ruling(False, "pas une condamnation à une peine criminelle ou correctionnelle", article)


def suspended_imprisonment_up_to_24_months(
    penalty: Imprisonment, status: SursisStatus | None
) -> Ruling | None:
    """Art 8-1(1) 1) — imprisonment of at most twenty-four months with a sursis simple or
    probatoire is not shown, "à moins que le sursis ne soit déchu ou révoqué". A partial sursis is
    not a sursis here (AMB-7)."""
    if status is SursisStatus.PENDING and penalty.months <= SUSPENDED_IMPRISONMENT_MONTHS:
        return Ruling(
            False,
            f"emprisonnement de {penalty.months} mois (au plus 24) assorti d'un sursis ni déchu ni révoqué",
            "8-1(1) 1)",
        )
    return None


def small_fines(decision: Decision, threshold: int, article: str) -> Ruling | None:
    """Art 8-1(1) 5) and 8-1(2) 4) — a fine of at most 2,500 EUR (25,000 EUR for a legal person),
    or several fines totalling at most that, is not shown. Every fine pronounced counts, suspended
    or not (AMB-32); a fine with no euro value exceeds every threshold (AMB-29)."""
    if fines_at_most(decision, threshold):
        return Ruling(False, f"{fines_total_text(decision)} (au plus {euros(threshold)})", article)
    return None


def community_service() -> Ruling:
    """Art 8-1(1) 7) — a travail d'intérêt général is never shown on its own merits."""
    return _TIG


_TIG = Ruling(False, "travail d'intérêt général", "8-1(1) 7)")


def correctional_fine_window(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(1) al.2 — a correctional fine is no longer shown after five years from the day the
    conviction became final; the anniversary day is still inside (AMB-4)."""
    assert decision.final_date is not None  # a live decision is final
    last_day = anniversary(decision.final_date, FIVE_YEARS)
    if ctx.on <= last_day:
        return Ruling(
            True,
            f"amende correctionnelle, {fines_total_text(decision)}, dans les cinq ans du jour où la "
            f"condamnation a acquis force de chose jugée (jusqu'au {day(last_day)})",
            "8-1(1) al.2",
        )
    return Ruling(
        False,
        f"amende correctionnelle, plus de cinq ans après le jour où la condamnation a acquis force de chose jugée "
        f"(délai échu le {day(last_day)})",
        "8-1(1) al.2",
    )


def single_short_imprisonment(penalty: Imprisonment, ctx: Context) -> Ruling:
    """Art 8-1(1) al.3 — the person's only conviction ("condamnation unique", AMB-8: counted by
    ``Context.live_convictions``) to imprisonment of at most twelve months is no longer shown from
    the day it was executed or, after a conditional or early release that was not revoked, from the
    day the release's probation period expired (AMB-9: the recorded ``probation_expiry_date``);
    that day itself is outside (AMB-5)."""
    on = ctx.on
    months = penalty.months
    release = penalty.conditional_release
    if (
        release is not None
        and release.released_on is not None
        and release.released_on <= on
        and not (release.revoked_on is not None and release.revoked_on <= on)
    ):
        expiry = release.probation_expiry_date
        if expiry is not None and expiry <= on:
            return Ruling(
                False,
                f"condamnation unique, emprisonnement de {months} mois (au plus 12) : délai d'épreuve de la "
                f"libération conditionnelle expiré le {day(expiry)} sans révocation",
                "8-1(1) al.3",
            )
        return Ruling(
            True,
            f"condamnation unique, emprisonnement de {months} mois (au plus 12) : libération conditionnelle, "
            f"délai d'épreuve en cours ({f'expire le {day(expiry)}' if expiry else 'fin non enregistrée'})",
            "8-1(1) al.3",
        )
    executed = penalty.executed_on
    if executed is not None and executed <= on:
        return Ruling(
            False,
            f"condamnation unique, emprisonnement de {months} mois (au plus 12), exécuté le {day(executed)}",
            "8-1(1) al.3",
        )
    return Ruling(
        True,
        f"condamnation unique, emprisonnement de {months} mois (au plus 12), pas encore exécuté",
        "8-1(1) al.3",
    )


def imprisonment(penalty: Imprisonment, status: SursisStatus | None, ctx: Context) -> Ruling:
    """Art 8-1(1) 1) and al.3 — imprisonment: a suspended sentence of at most 24 months is out; a
    suspended one of more, or one whose sursis was forfeited or revoked, or a firm one (partial
    sursis included, AMB-7) is shown, unless the twelve-month rule of al.3 takes it out."""
    excluded = suspended_imprisonment_up_to_24_months(penalty, status)
    if excluded:
        return excluded
    months = penalty.months
    if months <= SHORT_IMPRISONMENT_MONTHS:
        convictions = ctx.live_convictions
        if convictions <= 1:
            return single_short_imprisonment(penalty, ctx)
        return Ruling(
            True,
            f"emprisonnement de {months} mois (au plus 12), mais pas la seule condamnation de la personne "
            f"({convictions} condamnations)",
            "8-1(1) al.3",
        )
    if status is SursisStatus.PENDING:
        return Ruling(
            True, f"emprisonnement de {months} mois assorti d'un sursis (plus de 24 mois)", "8-1(1) 1)"
        )
    if status is SursisStatus.REVOKED:
        return Ruling(True, f"emprisonnement de {months} mois, sursis révoqué", "8-1(1) 1)")
    if status is SursisStatus.FORFEITED:
        return Ruling(True, f"emprisonnement de {months} mois, sursis déchu", "8-1(1) 1)")
    return Ruling(True, f"emprisonnement de {months} mois", "8-1(1)")


def fine(penalty: Fine, status: SursisStatus | None, decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(1) 2), 5) and al.2 — a fine under a pending sursis is out; fines totalling at most
    2,500 EUR are out; a correctional fine is out after five years; otherwise shown."""
    excluded = fine_under_pending_sursis(penalty, status, "8-1(1) 2)") or small_fines(
        decision, SMALL_FINE_EUR, "8-1(1) 5)"
    )
    if excluded:
        return excluded
    if penalty.nature is FineNature.CORRECTIONNELLE:
        return correctional_fine_window(decision, ctx)
    return Ruling(True, f"amende {penalty.nature.value}, {fines_total_text(decision)}", "8-1(1)")


def penalty_qualifies_natural(penalty: Penalty, decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(1) — whether one penalty of a natural person's decision is to be shown on N°3."""
    status = full_sursis_status(penalty, ctx.on)
    excluded = non_avenue(status, "8-1(1) 4)")
    if excluded:
        return excluded
    if isinstance(penalty, Imprisonment):
        return imprisonment(penalty, status, ctx)
    if isinstance(penalty, Fine):
        return fine(penalty, status, decision, ctx)
    if isinstance(penalty, CommunityService):
        return community_service()
    if isinstance(penalty, DrivingBan):
        ruling = driving_ban_being_executed(penalty, ctx)
        return Ruling(ruling.included, ruling.reason, "8-1(1) al.4")
    if isinstance(penalty, DeprivationOfRights | MinorsActivityBan):
        return measure_not_expired(penalty, ctx, "8-1(1) al.5")
    if isinstance(penalty, PlacementMeasure):
        return _PLACEMENT
    if isinstance(penalty, Dissolution):
        return Ruling(True, "dissolution", "8-1(1)")
    if isinstance(penalty, Closure | PublicProcurementExclusion):
        return measure_ruling(penalty_name(penalty.type), penalty.end_date, ctx, "8-1(1)")
    # accessory penalties never reach here: decide_by_penalties answers for them (AMB-30)
    return Ruling(False, f"{penalty_name(penalty.type)} : ne figure pas au bulletin N°3", "8-1(1)")


_PLACEMENT = Ruling(False, "mesure de placement (les placements ne figurent pas au bulletin N°3)", "8-1(1)")


def decide_natural(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(1) — bulletin N°3 of a natural person: whole-decision exclusions (3), 6)), then each
    penalty, then al.6: "toutes les peines y sont inscrites"."""
    excluded = (
        not_live(decision, ctx.on)
        or removed_by_later_decision(decision, ctx.on)
        or suspension_of_pronouncement(decision, "8-1(1) 3)")
        or universe(decision, "8-1(1)")
        or default_not_notified(decision, "8-1(1) 6)")
    )
    if excluded:
        return excluded
    return decide_by_penalties(decision, ctx, penalty_qualifies_natural, "8-1(1) al.6")


# ---------------------------------------------------------------- Art 8-1(2): legal persons


def penalty_qualifies_legal(penalty: Penalty, decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(2) — whether one penalty of a legal person's decision is to be shown on N°3: fines
    under a pending sursis (1)) or totalling at most 25,000 EUR (4)) are out; closure and
    dissolution are shown without limit (al.2); interdiction, déchéance, incapacité and exclusion
    from public procurement while they run (al.3)."""
    status = full_sursis_status(penalty, ctx.on)
    excluded = non_avenue(status, "8-1(2) 3)")
    if excluded:
        return excluded
    if isinstance(penalty, Fine):
        excluded = fine_under_pending_sursis(penalty, status, "8-1(2) 1)") or small_fines(
            decision, LEGAL_PERSON_SMALL_FINE_EUR, "8-1(2) 4)"
        )
        if excluded:
            return excluded
        return Ruling(
            True, f"{fines_total_text(decision)} (plus de {euros(LEGAL_PERSON_SMALL_FINE_EUR)})", "8-1(2)"
        )
    measure = legal_person_measure(penalty, ctx, "8-1(2)")
    if measure is not None:
        return measure
    return Ruling(True, penalty_name(penalty.type), "8-1(2)")


def decide_legal(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-1(2) — bulletin N°3 of a legal person (exclusions 2), 5) for the whole decision), then
    each penalty; al.2-3: all the decision's penalties are shown."""
    excluded = (
        not_live(decision, ctx.on)
        or removed_by_later_decision(decision, ctx.on)
        or suspension_of_pronouncement(decision, "8-1(2) 2)")
        or universe(decision, "8-1(2)")
        or default_not_notified(decision, "8-1(2) 5)")
    )
    if excluded:
        return excluded
    return decide_by_penalties(decision, ctx, penalty_qualifies_legal, "8-1(2) al.2-3")
