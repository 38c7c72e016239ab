"""``schemas/naturalisation-v1.schema.json`` applied: a compiled validator (fastjsonschema) says "valid or not"
for each line; only an invalid line goes through jsonschema, which locates every error. The register format's
definitions it refers to (``register-v1.schema.json#/$defs/…``) are merged in, never restated."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from adapters.files.register_schema import compile_fast, published_schema
from gateway.errors import Problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "naturalisation-v1.schema.json"
REGISTER_REFERENCE = "register-v1.schema.json#/$defs/"
JsonObject = dict[str, Any]


def _local_references(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: (value.replace(REGISTER_REFERENCE, "#/$defs/") if key == "$ref" else _local_references(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_local_references(item) for item in node]
    return node


@cache
def merged_definitions() -> JsonObject:
    """The transfer's definitions and the register's, in one ``$defs`` (the register's names are kept)."""
    own: JsonObject = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs: JsonObject = copy.deepcopy(published_schema()["$defs"])
    defs.update(_local_references(own["$defs"]))
    return defs


@cache
def _fast(definition: str) -> Any:
    return compile_fast({"$defs": merged_definitions(), "$ref": f"#/$defs/{definition}"})


@cache
def _precise(definition: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator({"$defs": merged_definitions(), "$ref": f"#/$defs/{definition}"})


def _leaf(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    while error.context:
        branches = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        error = min(branches or error.context, key=lambda e: len(list(e.absolute_path)), default=error)
        if not error.context:
            break
    return error


def _field(steps: list[Any]) -> str:
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def line_problems(raw: Any, *, line: int, definition: str = "person_row") -> list[Problem]:
    """Nothing when ``raw`` is valid (the compiled check); else every error, ``line N/field: message``."""
    try:
        _fast(definition)(raw)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    for error in _precise(definition).iter_errors(raw):
        leaf = _leaf(error)
        where = _field(list(leaf.absolute_path))
        message = str(leaf.message).replace("is a required property", "is missing")
        problems.append(Problem(f"line {line}" + (f"/{where}" if where else ""), message))
    return problems or [Problem(f"line {line}", "does not match the transfer schema")]
