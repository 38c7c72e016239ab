"""What the gateway would answer a Member State's request, sending nothing (Loi du 29 mars 2013, Arts 8-4,
15, 16(1)): the law's route (``gateway.law.request_routing``) applied to the register on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.law.request_purposes import RequestPurpose
from gateway.law.request_routing import GivenConsent, Outcome, answer_due_date, route_request
from gateway.law.request_scope import subject_of, unheld_subject
from gateway.ports import PersonRepository
from gateway.services.bulletin import compute_bulletin

NIL_ARTICLE = "8-4"


@dataclass(frozen=True, slots=True)
class RoutingDecision:
    """``bulletin`` is the one the answer carries (None for a refusal or an answer outside Art 15);
    ``due_date`` when the answer is due (Art 16(1))."""

    action: Outcome
    bulletin: int | None
    article: str
    reason: str
    due_date: date


def decide_request_route(
    persons: PersonRepository,
    *,
    person_id: str,
    purpose: RequestPurpose,
    consent: GivenConsent,
    on: date,
    nationalities: tuple[str, ...],
) -> RoutingDecision:
    """The route of a request received on ``on`` about ``person_id``. A person the register does not
    hold is not an error: a natural person of ``nationalities`` with nothing inscribed, whose answer,
    where the law lets one be given, bears « néant » (Art 8-4)."""
    person = persons.get(person_id)
    subject = subject_of(person) if person is not None else unheld_subject(nationalities)
    route = route_request(subject, purpose, consent)
    due = answer_due_date(on)
    ruling = route.ruling
    if route.outcome is Outcome.ANSWER and route.bulletin is not None:
        nil = person is None or compute_bulletin(person, route.bulletin, on).nil
        if nil:
            return RoutingDecision(
                Outcome.NO_INFORMATION,
                route.bulletin,
                f"{ruling.article}, {NIL_ARTICLE}",
                f"{ruling.reason} ; néant",
                due,
            )
    return RoutingDecision(route.outcome, route.bulletin, ruling.article, ruling.reason, due)
