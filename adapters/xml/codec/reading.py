"""Reading a schema-valid element: children by tag, collapsed texts, integers, booleans, Yes/No/UNKNOWN.

Decoding applies the contract's defaults to empty or absent elements, turns the "unknown" sentinels into
``None`` and raises ``DecodeError`` for what it cannot represent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from gateway.model.exchange import UNKNOWN_TEXT, YesNoUnknown

from .errors import DecodeError
from .namespaces import Element

# --------------------------------------------------------------------------------------------- decode


def kids(element: Element) -> dict[Any, list[Element]]:
    """The children of an element grouped by tag, in document order."""
    grouped: dict[Any, list[Element]] = {}
    for child in element:
        grouped.setdefault(child.tag, []).append(child)
    return grouped


def one(grouped: dict[Any, list[Element]], tag: str) -> Element | None:
    found = grouped.get(tag)
    return found[0] if found else None


def need(grouped: dict[Any, list[Element]], tag: str) -> Element:
    found = grouped.get(tag)
    if not found:
        raise DecodeError(f"{tag.rpartition('}')[2]} is missing")
    return found[0]


def collapsed(element: Element | None) -> str | None:
    """The whitespace-collapsed text of an element; None when absent or empty."""
    if element is None:
        return None
    text = element.text
    if text is None:
        return None
    value = " ".join(text.split())
    return value or None


def text_of(grouped: dict[Any, list[Element]], tag: str, default: str | None = None) -> str | None:
    """A collapsed simple value; the schema default when the element is absent or empty."""
    value = collapsed(one(grouped, tag))
    return default if value is None else value


def required_text(grouped: dict[Any, list[Element]], tag: str, default: str | None = None) -> str:
    element = need(grouped, tag)
    value = collapsed(element)
    if value is None:
        if default is None:
            raise DecodeError(f"{tag.rpartition('}')[2]} is empty")
        return default
    return value


def unknown_to_none(value: str | None) -> str | None:
    return None if value == UNKNOWN_TEXT else value


def as_int(value: str | None, what: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise DecodeError(f"{what} is not an integer") from None


def as_bool(value: str | None, what: str) -> bool | None:
    if value is None:
        return None
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise DecodeError(f"{what} is not a boolean")


def yes_no(grouped: dict[Any, list[Element]], tag: str) -> YesNoUnknown:
    value = required_text(grouped, tag)
    try:
        return YesNoUnknown(value)
    except ValueError:
        raise DecodeError(f"{tag.rpartition('}')[2]} is not Yes, No or UNKNOWN") from None


T = TypeVar("T")


def tuple_of(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(items)
