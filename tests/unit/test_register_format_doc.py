"""docs/register-format.md documents the published schema: every field and every penalty type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from adapters.files.register_schema import published_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "register-format.md"


def _field_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                yield from value
            yield from _field_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _field_names(item)


def test_every_field_of_the_register_schema_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = sorted({name for name in _field_names(published_schema()) if f"`{name}`" not in text})
    assert missing == []


def test_every_penalty_type_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    types = published_schema()["$defs"]["penalty"]["properties"]["type"]["enum"]
    assert [t for t in types if f"| `{t}` |" not in text] == []
