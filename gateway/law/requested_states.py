"""To which Member States a Luxembourg request goes (Loi du 29 mars 2013, Arts 12-1(3)-(4), 13, 14;
Reg 2019/816 Art 7(1); FD 2009/315 Art 6; RULES.md §A.5 R-TCN-4, R-OUT-1, R-OWN-1, R-OWN-2).

- ``states_by_law``: the States the law names for a request, given the States ECRIS-TCN returned (None
  when the person is not one ECRIS-TCN is asked about, ``tcn_query_applies``);
- ``chosen_states``: the States finally asked, once the clerk's ``--to`` is checked against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gateway.errors import InvalidRequest
from gateway.law.own_record import is_national_of_another_member_state, own_record_states
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.model.person import NaturalPerson, Person


@dataclass(frozen=True, slots=True)
class StatesByLaw:
    """The States the law names (``states``) and the article it does so by; ``states`` None when the law
    names none and the clerk chooses (an Art 13 request about a Member-State national: FD Art 6(1))."""

    states: tuple[str, ...] | None
    article: str


def _other_member_state(country: str) -> str | None:
    code = "GR" if country == "EL" else country
    return code if code in EU_MEMBER_STATES and code != LUXEMBOURG else None


def member_states_of_nationality(person: Person) -> tuple[str, ...]:
    """The person's current nationalities that are Member States other than Luxembourg."""
    if not isinstance(person, NaturalPerson):
        return ()
    return tuple(dict.fromkeys(s for s in (_other_member_state(n) for n in person.nationalities) if s))


def _union(*groups: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group if s != LUXEMBOURG))


def states_by_law(person: Person, *, own_record: bool, tcn_hits: Sequence[str] | None) -> StatesByLaw:
    """Which States the law names for a request about ``person``; ``tcn_hits``: the States ECRIS-TCN
    returned, None when it was not asked (the person is no third-country national nor assimilated).

    - own-record request of a national of another Member State (Art 14(1)): every State of nationality or
      residence, past or present, and, for one who also holds a third-country nationality, the States
      ECRIS-TCN returned (Art 12-1(4), Reg Art 7(1) second subparagraph: the query is compulsory);
    - own-record request of a third-country national (Art 14(2), R-OWN-2): the States that hit;
    - any other request about a third-country national or assimilated person (Art 12-1(3), R-OUT-1): the
      States ECRIS-TCN returned and, for a Member-State national also holding a third-country nationality,
      the Member States of nationality (FD Art 6(1): they keep every conviction of their nationals);
    - any other request about a Member-State national: the clerk names the States (Art 13).
    Luxembourg is never asked."""
    if own_record:
        if is_national_of_another_member_state(person):
            return StatesByLaw(_union(own_record_states(person), tcn_hits or ()), "14(1)")
        return StatesByLaw(_union(tcn_hits or ()), "14(2)")
    if tcn_hits is None:
        return StatesByLaw(None, "13")
    return StatesByLaw(_union(tcn_hits, member_states_of_nationality(person)), "12-1(3)")


def chosen_states(by_law: StatesByLaw, *, named: Sequence[str], own_record: bool) -> tuple[str, ...]:
    """The States asked. Where the law names them, a State the clerk names (``named``) must be among them
    (refused otherwise, with the article); an own-record request goes to all of them ("est répercutée",
    Art 14), any other request to those the clerk names, or to all when none is named. Where the law names
    none, the clerk's States, each another Member State."""
    wanted = tuple(dict.fromkeys(s.strip().upper() for s in named))
    for state in wanted:
        if state not in EU_MEMBER_STATES or state == LUXEMBOURG:
            raise InvalidRequest(f"{state} n'est pas un autre État membre de l'Union : aucune demande ECRIS possible")
    if by_law.states is None:
        if not wanted:
            raise InvalidRequest("aucun État membre à interroger : nommez-les (--to)")
        return wanted
    outside = [s for s in wanted if s not in by_law.states]
    if outside:
        returned = ", ".join(by_law.states) or "aucun"
        raise InvalidRequest(
            f"{', '.join(outside)} : État non désigné par ECRIS-TCN ni par la loi pour cette personne "
            f"(art. {by_law.article}{'' if by_law.article == '12-1(3)' else ', 12-1(3)'} ; États retenus : "
            f"{returned}) — aucune demande envoyée")
    if own_record or not wanted:
        return by_law.states
    return wanted
