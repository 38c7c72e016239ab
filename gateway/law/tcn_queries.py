"""Whom Luxembourg asks ECRIS-TCN about before requesting criminal-record information (Loi du 29 mars 2013,
Art 12-1(3)-(4); Reg 2019/816 Art 7; RULES.md §A.5 R-TCN-4, R-OUT-1, R-OWN-2)."""

from __future__ import annotations

from gateway.law.ruling import Ruling
from gateway.model.member_states import is_member_state
from gateway.model.person import STATELESS, UNKNOWN_NATIONALITY, NaturalPerson, Person


def third_country_nationalities(person: NaturalPerson) -> tuple[str, ...]:
    """The person's nationalities that are not of a Member State (the stateless and unknown markers aside)."""
    return tuple(n for n in person.nationalities
                 if n not in (STATELESS, UNKNOWN_NATIONALITY) and not is_member_state(n))


def tcn_query_applies(person: Person) -> Ruling:
    """Art 12-1(3)-(4) — the procureur général d'État uses ECRIS-TCN (Reg Art 7) for a third-country
    national, and, "pour l'inscription des données dans le système ECRIS-TCN et son utilisation", for a
    person assimilated to one: a Member-State national (Luxembourg included) who also holds a third-country
    nationality, a person whose nationality is unknown, a stateless person. Legal persons are outside
    ECRIS-TCN (Reg Art 2: natural persons)."""
    if not isinstance(person, NaturalPerson):
        return Ruling(False, "personne morale : ECRIS-TCN ne concerne que les personnes physiques", "12-1(3)")
    if person.is_stateless:
        return Ruling(True, "apatride, assimilé à un ressortissant de pays tiers", "12-1(4)")
    if person.nationality_unknown:
        return Ruling(True, "nationalité inconnue, assimilé à un ressortissant de pays tiers", "12-1(4)")
    third = third_country_nationalities(person)
    if not third:
        return Ruling(False, f"ressortissant d'un État membre uniquement ({', '.join(person.nationalities)})",
                      "12-1(3)")
    if len(third) < len(person.nationalities):
        return Ruling(True, f"ressortissant d'un État membre ayant aussi la nationalité d'un pays tiers "
                            f"({', '.join(third)})", "12-1(4)")
    return Ruling(True, f"ressortissant d'un pays tiers ({', '.join(third)})", "12-1(3)")
