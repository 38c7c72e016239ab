"""What every bulletin procedure shares (Loi du 29 mars 2013, Arts 5 to 8-4; RULES.md §A.2
"Common definitions").

- A decision is *live* at D when its type is inscribable (Art 1(1), 1(4)), it became final on or
  before D and the person's inscriptions have not been erased (Art 3; checked by the service for the
  whole person). The issuing-court test of Art 1(2) is taken at inscription (AMB-1) and not decided
  again on the day of issue.
- The status of a sursis at D: revoked, forfeited (déchu), non avenue, or pending.
- The qualification model (AMB-6): whole-decision exclusions first, then each penalty is tested
  on its own; a decision is shown iff one penalty qualifies, and then with all its penalties
  (contagion: Art 7(1) al.5, 7(2) al.2-3, 8-1(1) al.6, 8-1(2) al.2-3).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date

from gateway.law.register import inscribable_decision_type
from gateway.law.ruling import Ruling
from gateway.law.wording import day, penalty_name
from gateway.model.conviction import (
    ACCESSORY_PENALTY_TYPES,
    Decision,
    DecisionKind,
    LaterDecisionType,
    Penalty,
    PenaltyLevel,
    Sursis,
    SursisScope,
)
from gateway.model.person import Person


class SursisStatus(enum.StrEnum):
    PENDING = "pending"
    REVOKED = "revoked"
    FORFEITED = "forfeited"
    NON_AVENUE = "non_avenue"


def sursis_status(sursis: Sursis, on: date) -> SursisStatus:
    """RULES.md §A.2 "Sursis status at D": revoked if ``revoked_on ≤ D``, forfeited (déchu) if
    ``forfeited_on ≤ D``, non avenue if ``non_avenue_on ≤ D``, otherwise pending."""
    if sursis.revoked_on is not None and sursis.revoked_on <= on:
        return SursisStatus.REVOKED
    if sursis.forfeited_on is not None and sursis.forfeited_on <= on:
        return SursisStatus.FORFEITED
    if sursis.non_avenue_on is not None and sursis.non_avenue_on <= on:
        return SursisStatus.NON_AVENUE
    return SursisStatus.PENDING


def full_sursis_status(penalty: Penalty, on: date) -> SursisStatus | None:
    """Art 7(1) 1), 8-1(1) 1)-2) "assortie du sursis" — the status at D of a penalty's sursis when it
    covers the whole penalty; None for a firm penalty or a partial sursis (AMB-7: a partial sursis
    does not count as one)."""
    sursis = penalty.sursis
    if sursis is None or sursis.scope is not SursisScope.FULL:
        return None
    return sursis_status(sursis, on)


def is_crimcorr(decision: Decision) -> bool:
    """``crimcorr(d)``: a conviction to criminal or correctional penalties (Arts 7, 8-1, first
    sentence). Police penalties, placements and suspensions are not."""
    return decision.kind is DecisionKind.CONVICTION and decision.penalty_level in _CRIMCORR


_CRIMCORR = frozenset({PenaltyLevel.CRIMINAL, PenaltyLevel.CORRECTIONAL})


def not_live(decision: Decision, on: date) -> Ruling | None:
    """Art 5 and Art 1 — None when the decision is inscribed at D, else the ruling excluding it:
    no force de chose jugée yet at D, or a type the register does not inscribe (Art 1(1))."""
    final = decision.final_date
    if final is None:
        return _NOT_FINAL
    if final > on:
        return Ruling(
            False, f"pas encore coulée en force de chose jugée à cette date (le {day(final)})", "1(1)"
        )
    by_type = inscribable_decision_type(decision)
    return None if by_type.included else Ruling(False, f"non inscrite : {by_type.reason}", by_type.article)


_NOT_FINAL = Ruling(False, "la décision n'a pas de date de coulée en force de chose jugée", "1(1)")


def removed_by_later_decision(decision: Decision, on: date) -> Ruling | None:
    """RULES.md §D 28 — an amnesty or a rehabilitation dated on or before D removes the decision
    from bulletins N°2 to N°5 (outside Arts 1-16; effect to be confirmed with the Parquet général).
    Bulletin N°1 keeps it with the annotation (Art 2 5))."""
    for later in decision.later_decisions:
        if later.date <= on:
            if later.type is LaterDecisionType.AMNESTY:
                return Ruling(False, f"amnistiée le {day(later.date)}", "2 5)")
            if later.type is LaterDecisionType.REHABILITATION:
                return Ruling(False, f"réhabilitée le {day(later.date)}", "RULES §D 28")
    return None


def measure_running(end_date: date | None, perpetual: bool, on: date) -> bool:
    """Art 7(1) al.4, 8-1(1) al.5 — « tant que la durée fixée pour cette mesure n'est pas
    expirée » (AMB-5): the recorded last day is still inside. A perpetual measure always runs; a
    measure without a recorded end runs."""
    return perpetual or end_date is None or on <= end_date


def still_to_execute(execution_end_date: date | None, on: date) -> bool:
    """Art 7(1) al.3, 8-1(1) al.4 — « tant que tout ou partie de cette peine reste à exécuter »
    (AMB-5): up to and including the recorded last day of execution; a ban whose end is not
    recorded is still to execute."""
    return execution_end_date is None or on <= execution_end_date


class Context:
    """What the rules need to know about the person at D, computed at most once per bulletin."""

    __slots__ = ("_live_convictions", "on", "person")

    def __init__(self, person: Person, on: date) -> None:
        self.person = person
        self.on = on
        self._live_convictions = -1

    @property
    def live_convictions(self) -> int:
        """AMB-8 — how many convictions the person has at D, to decide whether one is the
        "condamnation unique" of Art 8-1(1) al.3 (see ``counts_as_conviction``)."""
        if self._live_convictions < 0:
            on = self.on
            self._live_convictions = sum(1 for d in self.person.decisions if counts_as_conviction(d, on))
        return self._live_convictions


def counts_as_conviction(decision: Decision, on: date) -> bool:
    """AMB-8 — a decision counted when deciding whether a conviction is the person's only one
    ("condamnation unique", Art 8-1(1) al.3): a decision of kind conviction (any penalty level,
    national or foreign) that is live at D. Not counted: suspensions of the pronouncement and
    placements (not convictions); convictions becoming final after D; convictions amnestied or
    rehabilitated by D (RULES.md §D 28); convictions whose every penalty had a full sursis that is
    non avenue at D ("considérées comme non avenues")."""
    if decision.kind is not DecisionKind.CONVICTION or not_live(decision, on) is not None:
        return False
    if removed_by_later_decision(decision, on) is not None:
        return False
    penalties = decision.penalties
    return not penalties or any(full_sursis_status(p, on) is not SursisStatus.NON_AVENUE for p in penalties)


PenaltyRule = Callable[[Penalty, Decision, Context], Ruling]


def accessory_penalty(penalty: Penalty) -> Ruling | None:
    """Art 2 3), AMB-30 — an accessory penalty (confiscation, publication, professional ban, other) is
    inscribed and shown with its decision, but never by itself keeps the decision on N°2 to N°5."""
    if isinstance(penalty, ACCESSORY_PENALTY_TYPES):
        return Ruling(
            False,
            f"peine accessoire ({penalty_name(penalty.type)}) : portée avec sa décision, jamais à elle seule",
            "2 3)",
        )
    return None


def decide_by_penalties(
    decision: Decision, ctx: Context, qualifies: PenaltyRule, contagion_article: str
) -> Ruling:
    """AMB-6 and the contagion sentences — test each penalty; the decision is shown iff one
    qualifies, with all its penalties; otherwise the exclusions of its penalties are the reason."""
    penalties = decision.penalties
    if not penalties:
        return Ruling(False, "la décision ne comporte aucune peine à porter au bulletin", contagion_article)
    excluded: list[Ruling] = []
    for penalty in penalties:
        ruling = accessory_penalty(penalty) or qualifies(penalty, decision, ctx)
        if ruling.included:
            if len(penalties) == 1:
                return ruling
            return Ruling(
                True,
                f"{ruling.reason} ; la décision est portée avec toutes ses peines ({contagion_article})",
                ruling.article,
            )
        excluded.append(ruling)
    if len(excluded) == 1:
        return excluded[0]
    articles = list(dict.fromkeys(r.article for r in excluded))
    return Ruling(False, " ; ".join(r.reason for r in excluded), ", ".join(articles))
