"""Bulletin N°4 (Loi du 29 mars 2013, Art 8-2(1)), natural persons only.

"Le bulletin N° 4 d'une personne physique renseigne les décisions inscrites au bulletin N° 3, ainsi
que toutes condamnations prononçant une interdiction de conduire." The latter leave it three years
after the end of the ban's execution or, for a suspended ban, after it became non avenue.
RULES.md §A.2 "N°4"; AMB-4, AMB-10, AMB-11.
"""

from __future__ import annotations

from datetime import date

from gateway.law import bulletin_3
from gateway.law.bulletin_common import (
    Context,
    SursisStatus,
    not_live,
    removed_by_later_decision,
    sursis_status,
)
from gateway.law.periods import anniversary
from gateway.law.ruling import Ruling
from gateway.law.wording import day
from gateway.model.conviction import Decision, DecisionKind, DrivingBan, SursisScope

THREE_YEARS = 3


def on_bulletin_3(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-2(1), first limb — every decision shown on bulletin N°3 at D is on N°4."""
    return bulletin_3.decide_natural(decision, ctx)


def ban_reference_date(ban: DrivingBan, on: date) -> date | None:
    """Art 8-2(1) al.2 — the day the three years run from: the end of the ban's execution or, for a
    ban with a sursis, the day it became non avenue; for a partly suspended ban the later of the two
    (AMB-11). None while the ban is still to be executed or its sursis is pending (then it is shown).
    A sursis that was revoked or forfeited makes the ban executable: its execution end counts."""
    sursis = ban.sursis
    end = ban.execution_end_date
    if sursis is None:
        return end if end is not None and end <= on else None
    status = sursis_status(sursis, on)
    if sursis.scope is SursisScope.FULL:
        if status is SursisStatus.NON_AVENUE:
            return sursis.non_avenue_on
        if status is SursisStatus.PENDING:
            return None
        return end if end is not None and end <= on else None
    # partial sursis: the firm part must be executed and the suspended part become non avenue
    if end is None or end > on:
        return None
    if status is SursisStatus.NON_AVENUE:
        assert sursis.non_avenue_on is not None
        return max(end, sursis.non_avenue_on)
    if status is SursisStatus.PENDING:
        return None
    return end


def driving_ban_tail(ban: DrivingBan, ctx: Context) -> Ruling:
    """Art 8-2(1) al.2 — a conviction pronouncing a driving ban stays on N°4 until three years after
    its reference date (``ban_reference_date``); the anniversary day is still inside (AMB-4)."""
    reference = ban_reference_date(ban, ctx.on)
    if reference is None:
        return _BAN_RUNNING
    last_day = anniversary(reference, THREE_YEARS)
    if ctx.on <= last_day:
        return Ruling(
            True,
            f"interdiction de conduire, dans les trois ans du {day(reference)} (jusqu'au {day(last_day)})",
            "8-2(1) al.2",
        )
    return Ruling(
        False,
        f"interdiction de conduire, plus de trois ans après le {day(reference)} (délai échu le {day(last_day)})",
        "8-2(1) al.2",
    )


_BAN_RUNNING = Ruling(
    True, "interdiction de conduire restant à exécuter ou assortie d'un sursis en cours", "8-2(1)"
)


def decide(decision: Decision, ctx: Context) -> Ruling:
    """Art 8-2(1) — on N°3, or a live conviction pronouncing a driving ban within its three-year
    tail. "Toutes condamnations" is read literally (AMB-10): police-level convictions and default
    judgments count; suspensions of the pronouncement are not convictions."""
    excluded = not_live(decision, ctx.on) or removed_by_later_decision(decision, ctx.on)
    if excluded:
        return excluded
    on_n3 = on_bulletin_3(decision, ctx)
    if on_n3.included:
        return Ruling(True, f"figure au bulletin N°3 ({on_n3.article} : {on_n3.reason})", "8-2(1)")
    bans = [p for p in decision.penalties if isinstance(p, DrivingBan)]
    if not bans or decision.kind is not DecisionKind.CONVICTION:
        return Ruling(
            False,
            f"ne figure pas au bulletin N°3 ({on_n3.reason}) et aucune interdiction de conduire",
            on_n3.article,
        )
    last = on_n3
    for ban in bans:
        last = driving_ban_tail(ban, ctx)
        if last.included:
            return last
    return last
