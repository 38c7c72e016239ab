"""Dates of a person that contradict each other or the calendar: refused at import, never inscribed.

These are facts no decision can have (a decision final before it was given, an offence after its
judgment, a death before the birth, a decision dated in the future), not rules of the law. A final
date after today is no contradiction: the decision is held as not yet final until that day.
A partial date (year, or year and month) contradicts only when even its earliest possible day does.
"""

from __future__ import annotations

from datetime import date

from gateway.errors import Problem
from gateway.model.conviction import Decision
from gateway.model.partial_date import PartialDate
from gateway.model.person import NaturalPerson, Person


def _earliest_day(partial: PartialDate) -> date:
    return date(partial.year, partial.month or 1, partial.day or 1)


def _decision_contradictions(place: str, decision: Decision, today: date) -> list[Problem]:
    problems = []
    decided = decision.decision_date
    if decided > today:
        problems.append(Problem(f"{place}/decision_date", f"{decided} is after today ({today})"))
    if decision.final_date is not None and decision.final_date < decided:
        problems.append(
            Problem(f"{place}/final_date", f"{decision.final_date} is before the decision date ({decided})")
        )
    for index, offence in enumerate(decision.offences):
        if offence.date is None:
            continue
        committed = _earliest_day(offence.date)
        if committed > today:
            problems.append(Problem(f"{place}/offences[{index}].date", f"{offence.date} is after today ({today})"))
        elif committed > decided:
            problems.append(
                Problem(f"{place}/offences[{index}].date", f"{offence.date} is after the decision date ({decided})")
            )
    return problems


def contradictions(person: Person, today: date) -> list[Problem]:
    """Every date of ``person`` that contradicts another or ``today``, located like a file problem."""
    problems: list[Problem] = []
    if isinstance(person, NaturalPerson) and person.death_date is not None:
        born = person.birth.date
        if born is not None and person.death_date < _earliest_day(born):
            problems.append(Problem(f"{person.id}/death_date", f"{person.death_date} is before the birth ({born})"))
    for decision in person.decisions:
        problems.extend(_decision_contradictions(f"{person.id}/{decision.id}", decision, today))
    return problems
