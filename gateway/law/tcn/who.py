"""Who has an ECRIS-TCN record (Art 12-1(1) and (4); Reg 2019/816 Arts 2, 3; RULES.md R-TCN-1)."""

from __future__ import annotations

from datetime import date

from gateway.law.bulletin_common import not_live
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision, DecisionKind
from gateway.model.member_states import LUXEMBOURG, is_member_state
from gateway.model.person import STATELESS, UNKNOWN_NATIONALITY, LegalPerson, NaturalPerson, Person
from gateway.model.tcn import NationalityStatus


def nationality_status(person: NaturalPerson) -> NationalityStatus:
    """Reg Art 5(1)(a)(i), Art 12-1(4) — stateless, of unknown nationality (no nationality recorded counts
    as unknown), or of known nationalities."""
    if person.is_stateless:
        return NationalityStatus.STATELESS
    if person.nationality_unknown:
        return NationalityStatus.UNKNOWN
    return NationalityStatus.KNOWN


def known_nationalities(person: NaturalPerson) -> tuple[str, ...]:
    """The country codes recorded, without the STATELESS / UNKNOWN markers."""
    return tuple(n for n in person.nationalities if n not in (STATELESS, UNKNOWN_NATIONALITY))


def third_country_nationalities(person: NaturalPerson) -> tuple[str, ...]:
    return tuple(n for n in known_nationalities(person) if not is_member_state(n))


def member_state_nationalities(person: NaturalPerson) -> tuple[str, ...]:
    return tuple(n for n in known_nationalities(person) if is_member_state(n))


def assimilated_third_country_national(person: Person) -> Ruling:
    """Art 12-1(4); Reg Art 3 and Art 2 (as replaced by Reg 2021/1151) — a natural person who is a
    third-country national, stateless or of unknown nationality, or a Member-State national (Luxembourg
    included) who also holds a third-country nationality. Never a legal person."""
    if isinstance(person, LegalPerson):
        return Ruling(False, "personne morale : ECRIS-TCN ne concerne que les personnes physiques", "12-1(1)")
    status = nationality_status(person)
    if status is NationalityStatus.STATELESS:
        return Ruling(True, "apatride, assimilé à un ressortissant de pays tiers", "12-1(4)")
    if status is NationalityStatus.UNKNOWN:
        return Ruling(True, "nationalité inconnue, assimilé à un ressortissant de pays tiers", "12-1(4)")
    third = third_country_nationalities(person)
    eu = member_state_nationalities(person)
    if third and eu:
        return Ruling(
            True,
            f"ressortissant d'un État membre ({', '.join(eu)}) ayant aussi la nationalité d'un pays tiers "
            f"({', '.join(third)})",
            "12-1(4)",
        )
    if third:
        return Ruling(True, f"ressortissant d'un pays tiers ({', '.join(third)})", "12-1(1)")
    return Ruling(False, f"ressortissant de l'Union européenne ({', '.join(eu)}) sans autre nationalité", "12-1(1)")


def counts_for_tcn_record(decision: Decision, on: date) -> bool:
    """Art 12-1(1) "condamnée"; Reg Art 3 "conviction": a final decision of a Luxembourg criminal court
    inscribed in the register on ``on`` (final by then, not erased). Foreign decisions never count (the
    record is the convicting State's), nor suspensions of the pronouncement or placements (not a
    *condamnation*, AMB-13)."""
    return (
        decision.kind is DecisionKind.CONVICTION
        and decision.is_national
        and decision.court_country == LUXEMBOURG
        and not_live(decision, on) is None
    )


def luxembourg_convictions(person: Person, on: date) -> tuple[Decision, ...]:
    """The person's convictions that call for a record on ``on`` (``counts_for_tcn_record``)."""
    return tuple(d for d in person.decisions if counts_for_tcn_record(d, on))


def tcn_record_required(person: Person | None, on: date) -> Ruling:
    """Art 12-1(1), (4) and (5); Reg Arts 5 and 8 (R-TCN-1, R-TCN-6) — a record is kept for a natural
    person assimilated to a third-country national (``assimilated_third_country_national``) while one
    Luxembourg conviction of theirs is in the register; none once their inscriptions are erased (Art 3,
    ``person`` None) or their last conviction is gone."""
    if person is None:
        return Ruling(False, "inscriptions effacées du casier (art. 3)", "12-1(5)")
    who = assimilated_third_country_national(person)
    if not who.included:
        return who
    convictions = luxembourg_convictions(person, on)
    if not convictions:
        return Ruling(False, f"{who.reason}, sans condamnation luxembourgeoise inscrite", "12-1(1)")
    return Ruling(True, f"{who.reason}, condamné au Luxembourg ({len(convictions)} condamnation(s))", who.article)
