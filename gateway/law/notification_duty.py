"""Whom Luxembourg notifies of its convictions (Art 12(1), Loi du 29 mars 2013; FD 2009/315 Art 4(2))."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

from gateway.law.ruling import Ruling
from gateway.law.wording import day
from gateway.model.conviction import Decision, DecisionKind, Imprisonment, LaterDecisionType
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


class NotificationAct(enum.StrEnum):
    """What Luxembourg sends a Member State about one conviction."""

    NOTIFICATION = "notification"
    UPDATE = "update"
    DELETION = "deletion"


@dataclass(frozen=True, slots=True)
class NotificationOwed:
    """The verdict of ``notification_owed``: the act owed (None: nothing), why, under which article."""

    act: NotificationAct | None
    reason: str
    article: str


def notification_owed(
    person: Person | None,
    decision: Decision | None,
    receiver: str,
    *,
    on: date,
    notified: bool,
    changed: bool,
) -> NotificationOwed:
    """Art 12(1) and 12(2) — what ``receiver`` is owed on ``on`` about a decision.

    ``person``/``decision``: as the register holds them now (None: erased, removed). ``notified``:
    ``receiver`` holds the conviction (notified and not deleted since); ``changed``: what the register
    holds of it differs from what ``receiver`` was last sent.

    - Not notified: a first notification when ``receiver`` is a Member State of the person's
      nationality and the decision is notifiable (Art 12(1), ``states_to_notify``), so a nationality
      acquired brings the existing final convictions once; otherwise nothing.
    - Notified, the decision no longer in the register (erasure at death or at 100 years, AMB-14;
      annulment on revision, removal by the register) or no longer a notifiable conviction: a deletion
      (Art 12(2), "suppression").
    - Notified and changed (a later decision modifying the enforcement — pardon, amnesty, conditional
      release and its revocation, end of sentence, sursis revoked, forfeited or *non avenue* —, a
      correction of the data): an update (Art 12(1) "décisions ultérieures", 12(2) "modification").
      A state notified keeps receiving them after the person lost its nationality: nothing notified is
      withdrawn (R-NOT-2: "every authority previously notified").
    """
    if not notified:
        if person is None or decision is None or receiver not in states_to_notify(person, decision, on=on):
            return NotificationOwed(None, "rien à notifier à cet État", "12(1)")
        return NotificationOwed(NotificationAct.NOTIFICATION, "condamnation définitive d'un ressortissant", "12(1)")
    if person is None:
        return NotificationOwed(NotificationAct.DELETION, "inscriptions effacées du casier (AMB-14)", "12(2)")
    if decision is None:
        return NotificationOwed(NotificationAct.DELETION, "décision supprimée du casier", "12(2)")
    ruling = notifiable_decision(person, decision, on=on)
    if not ruling.included:
        return NotificationOwed(
            NotificationAct.DELETION, f"la décision n'est plus notifiable : {ruling.reason}", "12(2)"
        )
    if changed:
        return NotificationOwed(
            NotificationAct.UPDATE, "décision ultérieure ou modification des données inscrites", "12(1), 12(2)"
        )
    return NotificationOwed(None, "déjà notifiée, inchangée", "12(1)")


_LATER_DECISIONS = {
    LaterDecisionType.PARDON: "grâce",
    LaterDecisionType.REVISION: "révision",
    LaterDecisionType.AMNESTY: "amnistie",
    LaterDecisionType.REHABILITATION: "réhabilitation",
    LaterDecisionType.CONDITIONAL_RELEASE: "libération conditionnelle",
    LaterDecisionType.RELEASE_REVOKED: "révocation de la libération conditionnelle",
    LaterDecisionType.SENTENCE_END: "fin de l'exécution de la peine",
}


def update_grounds(notified: Decision | None, current: Decision) -> tuple[str, ...]:
    """Art 12(1) "décisions ultérieures modifiant l'exécution des peines" and 12(2) "modification" —
    what an update tells the receiving state changed since ``notified`` (the decision as the register
    held it before the change; None when not known): each later decision added, each sursis revoked,
    forfeited or become *non avenue*, each conditional release revoked, and any other change of the
    data inscribed (the person's identity included) as a correction. Never empty: an update is sent
    only when something changed."""
    if notified is None:
        return ("modification des données inscrites",)
    grounds = [
        f"{_LATER_DECISIONS[later.type]} du {day(later.date)}"
        for later in current.later_decisions
        if later not in notified.later_decisions
    ]
    for index, penalty in enumerate(current.penalties):
        before = notified.penalties[index] if index < len(notified.penalties) else None
        if before is None or type(before) is not type(penalty):
            continue
        sursis, old = penalty.sursis, before.sursis
        if sursis is not None:
            for when, was, text in (
                (sursis.revoked_on, old.revoked_on if old else None, "sursis révoqué le"),
                (sursis.forfeited_on, old.forfeited_on if old else None, "déchéance du sursis le"),
                (sursis.non_avenue_on, old.non_avenue_on if old else None, "condamnation non avenue le"),
            ):
                if when is not None and when != was:
                    grounds.append(f"{text} {day(when)}")
        if isinstance(penalty, Imprisonment) and isinstance(before, Imprisonment):
            release, was_release = penalty.conditional_release, before.conditional_release
            revoked = release.revoked_on if release else None
            if revoked is not None and revoked != (was_release.revoked_on if was_release else None):
                grounds.append(f"libération conditionnelle révoquée le {day(revoked)}")
    explained = bool(grounds)
    if not explained or _differs_beyond(notified, current):
        grounds.append("rectification des données inscrites")
    return tuple(grounds)


def _differs_beyond(notified: Decision, current: Decision) -> bool:
    """Whether the decisions differ in more than their later decisions and the dates of the events
    of their sentences (sursis, conditional release): a correction besides."""

    def events_removed(decision: Decision) -> tuple[object, ...]:
        penalties: list[object] = []
        for penalty in decision.penalties:
            sursis = penalty.sursis
            if sursis is not None:
                sursis = replace(sursis, revoked_on=None, forfeited_on=None, non_avenue_on=None)
            plain = replace(penalty, sursis=sursis)
            if isinstance(plain, Imprisonment) and plain.conditional_release is not None:
                plain = replace(plain, conditional_release=replace(plain.conditional_release, revoked_on=None))
            penalties.append(plain)
        return (replace(decision, later_decisions=(), penalties=(), ecris_conviction_id=None), tuple(penalties))

    withdrawn = any(later not in current.later_decisions for later in notified.later_decisions)
    return withdrawn or events_removed(notified) != events_removed(current)
