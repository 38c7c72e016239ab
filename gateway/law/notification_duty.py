"""Whom Luxembourg notifies of its convictions (Art 12(1), Loi du 29 mars 2013; FD 2009/315 Art 4(2))."""

from __future__ import annotations

from datetime import date

from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import LegalPerson, Person


def notifiable_decision(person: Person, decision: Decision, *, on: date) -> Ruling:
    """Art 12(1), with Art 1(1) — a Luxembourg conviction of a natural person is notified once it
    has force de chose jugée on ``on`` (a final date still to come: from that day); not a legal
    person's (FD Art 2(a): a conviction concerns a natural person), not a foreign decision (its
    convicting state notifies it), not a suspension of the pronouncement (AMB-13: no
    *condamnation*), not a placement measure."""
    if isinstance(person, LegalPerson):
        return Ruling(False, "les condamnations de personnes morales ne sont pas notifiées", "12(1)")
    if not decision.is_national or decision.court_country != LUXEMBOURG:
        return Ruling(False, "une décision étrangère est notifiée par l'État de condamnation", "12(1)")
    if decision.kind is not DecisionKind.CONVICTION:
        return Ruling(
            False, f"{_NOT_CONVICTIONS[decision.kind]} n'est pas une condamnation (AMB-13)", "12(1)"
        )
    if decision.final_date is None or decision.final_date > on:
        return Ruling(False, _not_yet_final(decision.final_date), "1(1), 12(1)")
    return Ruling(True, "condamnation luxembourgeoise d'une personne physique", "12(1)")


def _not_yet_final(final_date: date | None) -> str:
    if final_date is None:
        return "la décision n'a pas force de chose jugée"
    return f"la décision n'aura force de chose jugée que le {final_date:%d/%m/%Y}"


_NOT_CONVICTIONS = {
    DecisionKind.SUSPENSION_OF_PRONOUNCEMENT: "une suspension du prononcé",
    DecisionKind.PLACEMENT: "une mesure de placement",
}


def states_to_notify(person: Person, decision: Decision, *, on: date) -> tuple[str, ...]:
    """Art 12(1) — every other Member State whose nationality the person holds, even when the
    person is also Luxembourgish (FD Art 4(2)); none when the decision is not notifiable."""
    if not notifiable_decision(person, decision, on=on).included or isinstance(person, LegalPerson):
        return ()
    states = ("GR" if n == "EL" else n for n in person.nationalities)
    return tuple(dict.fromkeys(s for s in states if is_member_state(s) and s != LUXEMBOURG))
