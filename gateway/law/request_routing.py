"""How a Member State's request is answered (Loi du 29 mars 2013, Art 15): which bulletin, on which
consent, or a reasoned denial; the time to answer is Art 16's (``deadlines.py``). RULES.md §A.5 R-IN-1
and R-CONSENT.

The decision goes through the recipients table (``recipients.py``): the purpose names the national point
it is equivalent to (``request_purposes.py``), the table gives the central authority's point for the
person (Arts 6 3)/3bis), 8 4)/4bis), 8-1(3) 4)/4bis), 8-2(2) 3)/3bis), 8-3(2) 3)/3bis)), whether it may
concern a natural or a legal person (``may_receive``) and whether consent is needed
(``foreign_consent_required``). Nothing here says a second time who may receive what.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gateway.law.recipients import (
    foreign_central_authority_case,
    foreign_consent_required,
    may_receive,
    recipient,
)
from gateway.law.request_purposes import RequestPurpose
from gateway.law.request_scope import RequestSubject, foreign_subject, request_in_scope
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision


class GivenConsent(enum.StrEnum):
    """The request's ``ConcernedPersonConsent``."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Outcome(enum.StrEnum):
    ANSWER = "answer"
    NO_INFORMATION = "answer_no_information"
    REFUSE = "refuse"


@dataclass(frozen=True, slots=True)
class Route:
    """What the law lets Luxembourg answer: ``bulletin`` the one to send (None when none may be);
    ``ruling`` why, with the article that decides."""

    outcome: Outcome
    bulletin: int | None
    ruling: Ruling


def _person_kind(legal_person: bool) -> str:
    return "une personne morale" if legal_person else "une personne physique"


def route_request(subject: RequestSubject, purpose: RequestPurpose, consent: GivenConsent) -> Route:
    """Art 15 — the answer to a central authority's request about ``subject`` for ``purpose``.

    Outside Art 15 (step 1): a legal person not of Luxembourg law is refused; a third-country national no
    Luxembourg court convicted gets no information, Luxembourg holding none it may give (RULES.md R-IN-1).
    Criminal proceedings get the information of bulletin N°1 (15(1); Art 6 3)/3bis)). Any other purpose
    gets "le bulletin respectif" only when the conditions of its Luxembourg equivalent are met (15(2)):
    the point must concern this kind of person and, where the Luxembourg case needs the person's written
    or electronic consent, the request must say it was given (Art 8 last al., 8-1(3), 8-2(2), 8-3(2);
    R-CONSENT: a consent not stated is a consent missing). A purpose with no equivalent is refused; a
    request is never served in part (Art 9, R-SANCTION)."""
    scope = request_in_scope(subject)
    case = foreign_subject(subject)
    if case is None:
        outcome = Outcome.REFUSE if subject.legal_person else Outcome.NO_INFORMATION
        return Route(outcome, None, Ruling(False, f"hors du champ de l'article 15 : {scope.reason}", scope.article))
    if purpose.bulletin is None:
        return Route(
            Outcome.REFUSE,
            None,
            Ruling(False, f"finalité sans équivalent luxembourgeois ({purpose.label})", purpose.article),
        )
    legal = subject.legal_person
    if purpose.equivalent_point is not None:
        national = recipient(purpose.bulletin, purpose.equivalent_point)
        if not may_receive(national, legal_person=legal):
            return Route(
                Outcome.REFUSE,
                None,
                Ruling(
                    False,
                    f"le bulletin N°{purpose.bulletin} ({purpose.label}) ne peut concerner "
                    f"{_person_kind(legal)}",
                    national.article,
                ),
            )
    row = foreign_central_authority_case(purpose.bulletin, case)
    if row is None or not may_receive(row, legal_person=legal):
        return Route(
            Outcome.REFUSE,
            None,
            Ruling(
                False,
                f"le bulletin N°{purpose.bulletin} ne peut être délivré à une autorité centrale pour "
                f"{_person_kind(legal)}",
                row.article if row is not None else purpose.article,
            ),
        )
    if purpose.equivalent_point is not None and foreign_consent_required(
        purpose.bulletin, row.point, purpose.equivalent_point
    ):
        national = recipient(purpose.bulletin, purpose.equivalent_point)
        if consent is not GivenConsent.YES:
            missing = "refusé" if consent is GivenConsent.NO else "non indiqué dans la demande"
            return Route(
                Outcome.REFUSE,
                None,
                Ruling(
                    False,
                    f"consentement écrit ou électronique de la personne requis pour le bulletin "
                    f"N°{purpose.bulletin} ({purpose.label}) : {missing}",
                    national.article,
                ),
            )
        given = ", consentement de la personne donné"
    else:
        given = ""
    what = "informations du bulletin N°1" if purpose.bulletin == 1 else f"bulletin N°{purpose.bulletin}"
    return Route(
        Outcome.ANSWER,
        purpose.bulletin,
        Ruling(True, f"{purpose.label} : {what}{given} ; {scope.reason}", row.article),
    )


def sent_in_answer(decision: Decision, purpose: RequestPurpose) -> Ruling:
    """FD 2009/315 Art 7(2) (Art 15(2)) — a conviction another Member State notified with the restriction
    that it be passed on for criminal proceedings only is left out of an answer for any other purpose;
    the answer names that State instead, which the requesting authority may ask."""
    if decision.transmission_restriction is None or purpose.bulletin == 1:
        return Ruling(True, "décision transmissible", "15")
    state = decision.origin_state or decision.court_country
    return Ruling(
        False,
        f"décision de {state} transmise pour les seules procédures pénales : s'adresser à {state}",
        "15(2), DC 2009/315 art. 7(2)",
    )
