"""What the gateway would answer a Member State's request, sending nothing (Loi du 29 mars 2013, Arts 8-4,
15, 16(1)): the law's route (``gateway.law.request_routing``) applied to the register on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.law.deadlines import answer_due_date
from gateway.law.empty_bulletin import erased_person
from gateway.law.request_purposes import RequestPurpose
from gateway.law.request_routing import GivenConsent, Outcome, route_request, sent_in_answer
from gateway.law.request_scope import subject_of, unheld_subject
from gateway.ports import PersonRepository
from gateway.services.bulletin import compute_bulletin

NIL_ARTICLE = "8-4"


@dataclass(frozen=True, slots=True)
class RoutingDecision:
    """``bulletin`` is the one the answer carries (None for a refusal or an answer outside Art 15);
    ``due_date`` when the answer is due (Art 16(1)); ``decisions`` the ids of the decisions the answer
    carries (those of the bulletin on that day, less the ones ``sent_in_answer`` leaves out) and
    ``restricted_by`` the States whose restricted decisions were left out, named in their place
    (FD 2009/315 Art 7(2))."""

    action: Outcome
    bulletin: int | None
    article: str
    reason: str
    due_date: date
    decisions: tuple[str, ...] = ()
    restricted_by: tuple[str, ...] = ()


def decide_request_route(
    persons: PersonRepository,
    *,
    person_id: str | None,
    purpose: RequestPurpose,
    consent: GivenConsent,
    on: date,
    nationalities: tuple[str, ...],
) -> RoutingDecision:
    """The route of a request received on ``on`` about ``person_id``. A person the register does not
    hold is not an error: a natural person of ``nationalities`` with nothing inscribed, whose answer,
    where the law lets one be given, bears « néant » (Art 8-4)."""
    person = None if person_id is None else persons.get(person_id)
    subject = subject_of(person) if person is not None else unheld_subject(nationalities)
    route = route_request(subject, purpose, consent)
    due = answer_due_date(on)
    ruling = route.ruling
    if route.outcome is not Outcome.ANSWER or route.bulletin is None:
        return RoutingDecision(route.outcome, route.bulletin, ruling.article, ruling.reason, due)
    if person is None:
        tombstone = None if person_id is None else persons.tombstone(person_id)
        why = "" if tombstone is None else f" ({erased_person(tombstone.erased_on, tombstone.reason).reason})"
        return _nothing(route.bulletin, ruling.article, f"{ruling.reason} ; néant{why}", due)
    bulletin = compute_bulletin(person, route.bulletin, on)
    if bulletin.nil:
        why = "" if bulletin.erasure is None else f" ({bulletin.erasure.reason})"
        return _nothing(route.bulletin, ruling.article, f"{ruling.reason} ; néant{why}", due)
    shown = [d for d in person.decisions if d.id in bulletin.decisions]
    sent = [d for d in shown if sent_in_answer(d, purpose).included]
    withheld = [(d, r) for d, r in ((d, sent_in_answer(d, purpose)) for d in shown) if not r.included]
    states = tuple(dict.fromkeys(s for s in (d.origin_state or d.court_country for d, _ in withheld) if s))
    if not sent:
        reasons = " ; ".join(dict.fromkeys(r.reason for _, r in withheld))
        return RoutingDecision(
            Outcome.NO_INFORMATION, route.bulletin, withheld[0][1].article, f"{ruling.reason} ; {reasons}", due,
            restricted_by=states,
        )
    return RoutingDecision(route.outcome, route.bulletin, ruling.article, ruling.reason, due,
                           decisions=tuple(d.id for d in sent), restricted_by=states)


def _nothing(bulletin: int, article: str, reason: str, due: date) -> RoutingDecision:
    """Art 8-4 — the bulletin bears « néant »: the answer carries no conviction."""
    return RoutingDecision(Outcome.NO_INFORMATION, bulletin, f"{article}, {NIL_ARTICLE}", reason, due)
