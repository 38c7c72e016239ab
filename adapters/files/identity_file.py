"""An identity given as one person object of the register interchange format (``bulletin --identity FILE``).

The object is checked against the register schema like a person of an import; a register file holding exactly
one person is accepted too. Anything else is an ``IdentityFileError``: one line saying what is wrong.
"""

from __future__ import annotations

from typing import Any

from adapters.files.register_format import load_bytes, person_from_json
from adapters.files.register_schema import person_is_valid, person_problems
from gateway.errors import GatewayError
from gateway.model.person import Person


class IdentityFileError(GatewayError):
    """The identity file cannot be read as one person of the register format."""


def _person_object(document: Any, source: str) -> dict[str, Any]:
    if isinstance(document, dict) and "persons" in document:
        persons = document["persons"]
        if not isinstance(persons, list) or len(persons) != 1:
            raise IdentityFileError(f"{source}: a register file given as an identity must hold exactly one person")
        document = persons[0]
    if not isinstance(document, dict):
        raise IdentityFileError(f"{source}: expected one person object of the register format (a JSON object)")
    return document


def read_identity(data: bytes, *, source: str) -> Person:
    """The person ``data`` describes; ``IdentityFileError`` with the first problem found otherwise."""
    document, problems = load_bytes(data, source=source)
    if problems:
        raise IdentityFileError(str(problems[0]))
    raw = _person_object(document, source)
    if not person_is_valid(raw):
        found = person_problems(raw, 0)
        detail = str(found[0]) if found else "not a person of the register format"
        raise IdentityFileError(f"{source}: {detail}")
    person, found = person_from_json(raw)
    if found:
        raise IdentityFileError(f"{source}: {found[0]}")
    return person
