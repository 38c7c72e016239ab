"""Which procedure decides each bulletin number for each kind of person (Loi du 29 mars 2013,
Arts 5, 7, 8-1, 8-2, 8-3). N°4 (Art 8-2(1)) and N°5 (Art 8-3) exist for natural persons only."""

from __future__ import annotations

from collections.abc import Callable

from gateway.errors import InvalidRequest
from gateway.law import bulletin_1, bulletin_2, bulletin_3, bulletin_4, bulletin_5
from gateway.law.bulletin_common import Context
from gateway.law.ruling import Ruling
from gateway.model.conviction import Decision

DecisionRule = Callable[[Decision, Context], Ruling]

BULLETIN_NUMBERS = (1, 2, 3, 4, 5)

NATURAL_PERSON_RULES: dict[int, DecisionRule] = {
    1: bulletin_1.decide,  # Art 5
    2: bulletin_2.decide_natural,  # Art 7(1)
    3: bulletin_3.decide_natural,  # Art 8-1(1)
    4: bulletin_4.decide,  # Art 8-2(1)
    5: bulletin_5.decide,  # Art 8-3(1)
}

LEGAL_PERSON_RULES: dict[int, DecisionRule] = {
    1: bulletin_1.decide,  # Art 5
    2: bulletin_2.decide_legal,  # Art 7(2)
    3: bulletin_3.decide_legal,  # Art 8-1(2)
}

_NATURAL_ONLY = {4: "8-2(1)", 5: "8-3(1)"}


def rule_for(number: int, *, legal_person: bool) -> DecisionRule:
    """The procedure of bulletin ``number``; InvalidRequest for a number that does not exist or for
    N°4 and N°5 of a legal person (Arts 8-2(1) and 8-3(1) speak of natural persons only)."""
    if number not in BULLETIN_NUMBERS:
        raise InvalidRequest(f"there is no bulletin N°{number}: the law knows N°1 to N°5")
    if legal_person:
        rule = LEGAL_PERSON_RULES.get(number)
        if rule is None:
            raise InvalidRequest(
                f"bulletin N°{number} does not exist for a legal person (Art {_NATURAL_ONLY[number]})"
            )
        return rule
    return NATURAL_PERSON_RULES[number]
