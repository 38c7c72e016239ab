"""``schemas/register-v1.schema.json``, the published contract of the register format, applied fast.

Every person is checked on its own, so one malformed person never hides the problems of the others.
A compiled validator (fastjsonschema) answers "valid or not" for the common case; only an invalid
person goes through jsonschema, which lists every error of it precisely. Both are built from the same
schema file: nothing here restates a field of the format.

fastjsonschema evaluates ``if``/``then`` by raising and catching an exception for every branch not
taken, which made the ten-branch ``penalty`` definition most of the cost. The fast path therefore
checks a penalty with the ``then`` of its own type only, taken from the schema's own branches.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from gateway.errors import Problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "register-v1.schema.json"
JsonObject = dict[str, Any]
FastCheck = Callable[[Any], Any]


@cache
def published_schema() -> JsonObject:
    schema: JsonObject = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _penalty_branches(schema: JsonObject) -> dict[str, JsonObject]:
    """``penalty type -> the schema that type must satisfy`` from the ``allOf`` of ``if``/``then``."""
    branches = {}
    for branch in schema["$defs"]["penalty"]["allOf"]:
        branches[branch["if"]["properties"]["type"]["const"]] = branch["then"]
    return branches


@dataclass(frozen=True, slots=True)
class _FastValidator:
    """The schema split for speed: persons and decisions without the penalty branches, then each
    penalty against the branch of its type (formats are left to the reader's real-date checks)."""

    person: FastCheck
    decision: FastCheck
    penalty_by_type: dict[str, FastCheck]

    def _penalties_valid(self, decisions: Iterable[JsonObject]) -> bool:
        for decision in decisions:
            for penalty in decision.get("penalties", ()):
                check = self.penalty_by_type.get(penalty["type"])
                if check is None:
                    return False
                check(penalty)
        return True

    def person_is_valid(self, raw: Any) -> bool:
        try:
            self.person(raw)
            return self._penalties_valid(raw.get("decisions", ()))
        except fastjsonschema.JsonSchemaException:
            return False

    def decision_is_valid(self, raw: Any) -> bool:
        try:
            self.decision(raw)
            return self._penalties_valid([raw])
        except fastjsonschema.JsonSchemaException:
            return False


def _no_remote_reference(uri: str) -> Any:
    raise fastjsonschema.JsonSchemaDefinitionException(f"{uri}: the register schema refers to nothing outside")


def compile_fast(schema: JsonObject) -> FastCheck:
    """fastjsonschema for ``schema`` (its ``$id`` dropped, so every reference resolves inside it),
    real-date formats left to the reader; it never fetches anything."""
    local = {key: value for key, value in schema.items() if key != "$id"}
    refuse = dict.fromkeys(("http", "https", "file", "ftp"), _no_remote_reference)
    check: FastCheck = fastjsonschema.compile(local, handlers=refuse, use_formats=False)
    return check


@cache
def _fast() -> _FastValidator:
    schema = published_schema()
    defs = copy.deepcopy(schema["$defs"])
    defs["penalty"] = {key: value for key, value in defs["penalty"].items() if key != "allOf"}
    return _FastValidator(
        person=compile_fast({"$defs": defs, "$ref": "#/$defs/person"}),
        decision=compile_fast({"$defs": defs, "$ref": "#/$defs/decision"}),
        penalty_by_type={
            kind: compile_fast({"$defs": defs, **then}) for kind, then in _penalty_branches(schema).items()
        },
    )


@cache
def _precise(definition: str | None) -> jsonschema.protocols.Validator:
    """jsonschema for the whole file (``None``) or for one ``$defs`` entry, with format checks."""
    schema = published_schema()
    root = schema if definition is None else {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    validator_class: Callable[..., jsonschema.protocols.Validator] = jsonschema.Draft202012Validator
    return validator_class(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def person_is_valid(raw: Any) -> bool:
    return _fast().person_is_valid(raw)


def decision_is_valid(raw: Any) -> bool:
    return _fast().decision_is_valid(raw)


# --- describing what is wrong ---------------------------------------------------------------------


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is missing")
    if error.validator in ("enum", "const"):
        return f"{error.instance!r} is not one of {error.validator_value!r}"
    if error.validator == "format":
        return f"{error.instance!r} is not a valid {error.validator_value}"
    if error.validator == "pattern":
        return f"{error.instance!r} is not in the expected form"
    return str(error.message)


def _leaf_errors(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    """The precise causes under an ``anyOf``/``if-then``, rather than the vague wrapper."""
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def _precise_errors(validator: jsonschema.protocols.Validator, instance: Any) -> Iterator[jsonschema.ValidationError]:
    for error in validator.iter_errors(instance):
        if error.validator != "anyOf":
            yield error
            continue
        # Under anyOf, report the one branch that is not merely "null expected".
        leaves = list(_leaf_errors(error))
        leaves = [e for e in leaves if not (e.validator == "type" and e.validator_value == "null")] or leaves
        yield leaves[0]


def _field(steps: list[Any]) -> str:
    field = ""
    for step in steps:
        field += f"[{step}]" if isinstance(step, int) else (f".{step}" if field else str(step))
    return field


def _person_place(raw: Any, index: int, path: list[Any]) -> str:
    """``PERSON_ID[/DECISION_ID][/field]`` for an error at ``path`` inside the person."""
    person_id = raw.get("id") if isinstance(raw, dict) else None
    place = person_id if isinstance(person_id, str) and person_id else f"persons[{index}]"
    if len(path) >= 2 and path[0] == "decisions" and isinstance(raw, dict):
        decision = raw["decisions"][path[1]]
        decision_id = decision.get("id") if isinstance(decision, dict) else None
        place += f"/{decision_id}" if isinstance(decision_id, str) and decision_id else f"/decisions[{path[1]}]"
        path = path[2:]
    field = _field(path)
    return f"{place}/{field}" if field else place


def person_problems(raw: Any, index: int) -> list[Problem]:
    """Every way the ``index``-th person of the file breaks the schema, each located."""
    return [
        Problem(_person_place(raw, index, list(error.absolute_path)), _message(error))
        for error in _precise_errors(_precise("person"), raw)
    ]


def envelope_problems(document: Any) -> list[Problem]:
    """What is wrong with the file around its persons (``format``, ``persons`` itself, extra keys)."""
    if isinstance(document, dict) and isinstance(document.get("persons"), list):
        document = {**document, "persons": []}
    return [
        Problem("file" + "".join(f"/{step}" for step in error.absolute_path), _message(error))
        for error in _precise_errors(_precise(None), document)
    ]
