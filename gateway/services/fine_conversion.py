"""Foreign fines in euros (AMB-29): converted once, at import, with the ECB rate of the decision's date."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from gateway.model.conviction import Decision, Fine, Penalty
from gateway.model.person import Person
from gateway.ports import EuroRates

CENT = Decimal("0.01")
EURO = "EUR"


def fine_in_euros(fine: Fine, decision: Decision, rates: EuroRates) -> Fine:
    """AMB-29 — a fine pronounced in another currency is converted to euros at the European Central
    Bank reference rate of the decision date, or of the nearest earlier day the ECB published one;
    the rate and the day it was published for are kept with the fine. An ``amount_eur`` given by
    the register wins. With no rate, ``amount_eur`` stays None: the fine is never treated as small
    and its decision is listed for a clerk."""
    if fine.amount_eur is not None or fine.amount is None:
        return fine
    if fine.currency in (None, EURO):
        return replace(fine, amount_eur=fine.amount)
    assert fine.currency is not None
    rate = rates.rate_on(fine.currency, decision.decision_date)
    if rate is None:
        return fine
    amount_eur = (fine.amount / rate.rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return replace(fine, amount_eur=amount_eur, eur_rate=rate.rate, eur_rate_date=rate.day)


def _converted(penalty: Penalty, decision: Decision, rates: EuroRates) -> Penalty:
    return fine_in_euros(penalty, decision, rates) if isinstance(penalty, Fine) else penalty


def decision_in_euros(decision: Decision, rates: EuroRates) -> Decision:
    """The decision with every fine in euros where a rate allows (``fine_in_euros``)."""
    if not any(isinstance(p, Fine) and p.amount_eur is None for p in decision.penalties):
        return decision
    return replace(decision, penalties=tuple(_converted(p, decision, rates) for p in decision.penalties))


def with_fines_in_euros(person: Person, rates: EuroRates) -> Person:
    """The person with every fine of every decision in euros where a rate allows (``fine_in_euros``)."""
    decisions = tuple(decision_in_euros(d, rates) for d in person.decisions)
    return person if decisions == person.decisions else replace(person, decisions=decisions)


def has_unconverted_fine(decision: Decision) -> bool:
    """AMB-29 — a fine with no amount in euros (no ECB rate converts it): the decision is listed for a clerk."""
    return decision.fines_total_eur() is None


def decisions_with_unconverted_fines(person: Person) -> list[str]:
    """``PERSON_ID/DECISION_ID`` of each decision holding a fine with no amount in euros (AMB-29)."""
    return [f"{person.id}/{d.id}" for d in person.decisions if has_unconverted_fine(d)]
