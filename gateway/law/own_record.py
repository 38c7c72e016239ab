"""Own-record requests Luxembourg forwards to other Member States (Loi du 29 mars 2013, Art 14, Art 16(2);
FD 2009/315 Art 6(2)-(3), Art 8(2)). RULES.md §A.5 R-OWN-1, R-OWN-2.

- ``own_record_states``: to which Member States the request of a national of another Member State is
  forwarded (Art 14(1));
- ``missing_answer_mention``: what the bulletin says of an answer still missing after the 20 working days
  of Art 16(2) (AMB-22).
"""

from __future__ import annotations

from datetime import date

from gateway.law.ruling import Ruling
from gateway.model.member_states import EU_MEMBER_STATES, LUXEMBOURG
from gateway.model.person import NaturalPerson, Person

OWN_RECORD_BULLETINS = (3, 4, 5)
"""Art 14(1): the person asks for "un bulletin N°3, N°4 ou N°5"."""

STATE_OF_FR: dict[str, str] = {
    "AT": "de l'Autriche", "BE": "de la Belgique", "BG": "de la Bulgarie", "CY": "de Chypre",
    "CZ": "de la Tchéquie", "DE": "de l'Allemagne", "DK": "du Danemark", "EE": "de l'Estonie",
    "ES": "de l'Espagne", "FI": "de la Finlande", "FR": "de la France", "GR": "de la Grèce",
    "HR": "de la Croatie", "HU": "de la Hongrie", "IE": "de l'Irlande", "IT": "de l'Italie",
    "LT": "de la Lituanie", "LU": "du Luxembourg", "LV": "de la Lettonie", "MT": "de Malte",
    "NL": "des Pays-Bas", "PL": "de la Pologne", "PT": "du Portugal", "RO": "de la Roumanie",
    "SE": "de la Suède", "SI": "de la Slovénie", "SK": "de la Slovaquie",
}  # fmt: skip
""""la réponse de …": each Member State with the French article its name takes."""


def of_state(state: str) -> str:
    """``de la France``, ``du Portugal``, ``des Pays-Bas``; ``de l'État XX`` for a code not in the table."""
    return STATE_OF_FR.get(state, f"de l'État {state}")


def _member_state(country: str | None) -> str | None:
    code = "GR" if country == "EL" else country
    return code if code in EU_MEMBER_STATES and code != LUXEMBOURG else None


def own_record_states(person: Person) -> tuple[str, ...]:
    """Art 14(1) — "la demande est répercutée" to the central authority of every Member State of which
    the person "est ou a été un résident ou un ressortissant", Luxembourg excluded: current and previous
    nationalities, then current and previous residences, each State once, in that order. Mandatory in
    Luxembourg ("est répercutée"), where FD Art 6(2) only says "may" (R-OWN-1). A legal person has
    none: the FD does not cover legal persons."""
    if not isinstance(person, NaturalPerson):
        return ()
    residences = [person.residence, *person.previous_residences]
    countries = [*person.nationalities, *person.previous_nationalities, *(r.country for r in residences if r)]
    return tuple(dict.fromkeys(s for s in (_member_state(c) for c in countries) if s))


def is_national_of_another_member_state(person: Person) -> bool:
    """Art 14(1) covers "un ressortissant d'un autre État membre"; anyone else (a third-country national,
    a stateless person) falls under Art 14(2): the States come from ECRIS-TCN (R-OWN-2)."""
    return isinstance(person, NaturalPerson) and any(_member_state(n) for n in person.nationalities)


def missing_answer_mention(state: str, *, expected_by: date, answered: bool, on: date) -> Ruling:
    """Art 14(1), Art 16(2), reading AMB-22 — an answer to a forwarded own-record request still missing
    once its 20 working days have run (``expected_by`` passed) does not hold the bulletin back: it is issued
    with the mention « réponse de [État] non parvenue ». ``included`` says whether the mention is due."""
    if answered:
        return Ruling(False, f"réponse {of_state(state)} reçue", "14(1)")
    if on <= expected_by:
        return Ruling(False, f"réponse {of_state(state)} attendue au plus tard le {expected_by:%d/%m/%Y}",
                      "16(2)")
    return Ruling(True, f"réponse {of_state(state)} non parvenue", "14(1), 16(2) (AMB-22)")
