"""Whom Luxembourg notifies of its convictions (Art 12(1), Loi du 29 mars 2013; FD 2009/315 Art 4(2))."""

from __future__ import annotations

from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import LegalPerson, Person


def notifiable_decision(person: Person, decision: Decision) -> Ruling:
    """Art 12(1) — a Luxembourg conviction of a natural person is notified; not a legal person's
    (FD Art 2(a): a conviction concerns a natural person), not a foreign decision (its convicting
    state notifies it), not a suspension of the pronouncement (AMB-13: no *condamnation*), not a
    placement measure."""
    if isinstance(person, LegalPerson):
        return Ruling(False, "les condamnations de personnes morales ne sont pas notifiées", "12(1)")
    if not decision.is_national or decision.court_country != LUXEMBOURG:
        return Ruling(False, "une décision étrangère est notifiée par l'État de condamnation", "12(1)")
    if decision.kind is not DecisionKind.CONVICTION:
        return Ruling(
            False, f"{_NOT_CONVICTIONS[decision.kind]} n'est pas une condamnation (AMB-13)", "12(1)"
        )
    return Ruling(True, "condamnation luxembourgeoise d'une personne physique", "12(1)")


_NOT_CONVICTIONS = {
    DecisionKind.SUSPENSION_OF_PRONOUNCEMENT: "une suspension du prononcé",
    DecisionKind.PLACEMENT: "une mesure de placement",
}


def states_to_notify(person: Person, decision: Decision) -> tuple[str, ...]:
    """Art 12(1) — every other Member State whose nationality the person holds, even when the
    person is also Luxembourgish (FD Art 4(2)); none when the decision is not notifiable."""
    if not notifiable_decision(person, decision).included or isinstance(person, LegalPerson):
        return ()
    states = ("GR" if n == "EL" else n for n in person.nationalities)
    return tuple(dict.fromkeys(s for s in states if is_member_state(s) and s != LUXEMBOURG))
