"""What Luxembourg asks the requesting State when a request's person cannot be identified with certainty
(Art 15; RULES.md R-IN-1 point 2: "If identification needs more data, send a request for additional
information directly to the requesting State"; the clock restarts on the reply, Art 16(1)).

One rule, ``information_to_ask``: the items of the contract's closed list (``AdditionalInformation``) that
``gateway.law.identification.identify`` decides on and the request did not give, so that the reply can tell
the candidates apart. Nothing is asked that identification would not use.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.law.identification import IdentityClaim, name_key, person_keys
from gateway.model.exchange import AdditionalInformation
from gateway.model.person import Person


def information_to_ask(claim: IdentityClaim, candidates: Sequence[Person]) -> tuple[AdditionalInformation, ...]:
    """Art 15, Art 3 — the identification data to ask for, in the contract's order:

    1. the identity number, when the request gives none (the register's key decides first, Art 3);
    2. the birth date, when the request's is unknown or partial, or when the request gave an identity
       number and the person is still uncertain (the date settles whether the number or the names are wrong);
    3. the birth place, when the request names no birth town;
    4. former names, when a candidate bears another surname than the request's (a change of name);
    5. the forename, when the request gives none.
    The identity number is asked whenever nothing else is (a request can always be told apart by it).
    """
    wanted: set[AdditionalInformation] = set()
    if not claim.identity_number:
        wanted.add(AdditionalInformation.IDENTITY_NUMBER)
    if claim.birth_date is None or not claim.birth_date.is_complete or claim.identity_number:
        wanted.add(AdditionalInformation.BIRTH_DATE)
    if not claim.birth_town or name_key(claim.birth_town) in ("", "unknown"):
        wanted.add(AdditionalInformation.BIRTH_PLACE)
    surnames = {name_key(s) for s in claim.surnames if name_key(s)}
    if any(not surnames & set(person_keys(p)[0]) for p in candidates):
        wanted.add(AdditionalInformation.FORMER_NAME)
    if not claim.forenames:
        wanted.add(AdditionalInformation.FORENAME)
    if not wanted:
        wanted.add(AdditionalInformation.IDENTITY_NUMBER)
    return tuple(item for item in AdditionalInformation if item in wanted)
