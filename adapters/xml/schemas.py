"""The ECRIS message schemas, compiled once and validated against on the hot path (lxml only).

``EcrisSchemas.load()`` compiles the project's own schema (``schemas/ecris/``), written by the project with
the ECRIS namespaces and element names. ``EcrisSchemas.load(directory)`` compiles the official v1.0 package
instead (``ECRIS_GATEWAY_ECRIS_SCHEMAS=DIR``): its ``messages-v1.0.xsd`` has no global elements, so a small
wrapper declaring the 15 message elements is generated in memory and imports it by absolute location.

libxml2 does not check element-content ``xsd:ID``/``xsd:IDREF``; the codec's ``check_message`` does.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from gateway.errors import GatewayError
from gateway.model.exchange import MESSAGE_CLASSES

SERVICE_NS = "http://ec.europa.eu/ECRIS/service-v1.0"
MESSAGES_NS = "http://ec.europa.eu/ECRIS/messages-v1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

PROJECT_SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "ecris"
PROJECT_ENTRY = "ecris-service.xsd"
OFFICIAL_MESSAGES_XSD = "messages-v1.0.xsd"

MESSAGE_NAMES: tuple[str, ...] = tuple(cls.element_name for cls in MESSAGE_CLASSES)
_MESSAGE_QNAMES = frozenset(f"{{{SERVICE_NS}}}{name}" for name in MESSAGE_NAMES)


class SchemaUnavailable(GatewayError):
    """The schema directory does not hold a usable ECRIS schema."""


def official_type_name(element_name: str) -> str:
    """The official ``msg:`` type of a message element (``RequestPushMessage`` → ``RequestMessagePushType``)."""
    if element_name.endswith("PushMessage"):
        return element_name.removesuffix("PushMessage") + "MessagePushType"
    return element_name + "Type"


def _official_wrapper(directory: Path) -> etree._Element:
    """A schema document of our own making that declares the 15 elements over the official types."""
    xsd = f"{{{XSD_NS}}}"
    root = etree.Element(
        xsd + "schema",
        nsmap={"xsd": XSD_NS, "msg": MESSAGES_NS},
        targetNamespace=SERVICE_NS,
        elementFormDefault="qualified",
    )
    etree.SubElement(
        root,
        xsd + "import",
        namespace=MESSAGES_NS,
        schemaLocation=(directory / OFFICIAL_MESSAGES_XSD).resolve().as_uri(),
    )
    for name in MESSAGE_NAMES:
        etree.SubElement(root, xsd + "element", name=name, type="msg:" + official_type_name(name))
    return root


_VALUE = re.compile(r"(?:The value|value|Value) '.*?'(?= (?:is|has|does|of)\b)")
_LEADING_VALUE = re.compile(r"^'.*' (is not a valid value)")
_QUOTED_DATA = re.compile(r"'[^']*'(?= is not (?:a valid value|accepted|an element))")


def _safe_reason(message: str) -> str:
    """libxml2's message without the offending value (which may be personal data)."""
    element, sep, rest = message.partition("': ")
    if not sep:
        element, rest = "", message
    else:
        element += "'"
    rest = _VALUE.sub("The value", rest)
    rest = _LEADING_VALUE.sub(r"\1", rest)
    rest = _QUOTED_DATA.sub("the value", rest)
    return f"{element}: {rest}" if element else rest


class EcrisSchemas:
    """A compiled ECRIS schema set: ``validate(element)`` returns problems (empty list = valid)."""

    message_names: tuple[str, ...] = MESSAGE_NAMES

    def __init__(self, compile_schema: Callable[[], etree.XMLSchema], description: str) -> None:
        self._compile = compile_schema
        self.description = description
        self._local = threading.local()
        self._compile_for_thread()  # fail fast, in the caller's thread

    @classmethod
    def load(cls, directory: Path | None = None) -> EcrisSchemas:
        """The project's schema (``None``) or the official package in ``directory``; cached per directory."""
        return _load(None if directory is None else Path(directory).resolve())

    def _compile_for_thread(self) -> etree.XMLSchema:
        schema: etree.XMLSchema | None = getattr(self._local, "schema", None)
        if schema is None:
            schema = self._compile()
            self._local.schema = schema
        return schema

    def is_valid(self, element: etree._Element) -> bool:
        return element.tag in _MESSAGE_QNAMES and bool(self._compile_for_thread().validate(element))

    def validate(self, element: etree._Element) -> list[str]:
        """Problems found by the schema, each ``line N: /path: reason`` and free of the message's data."""
        if element.tag not in _MESSAGE_QNAMES:
            return [f"line {element.sourceline}: the root element is not an ECRIS message"]
        schema = self._compile_for_thread()
        if schema.validate(element):
            return []
        return [
            f"line {error.line}: {error.path}: {_safe_reason(error.message)}"
            for error in schema.error_log  # type: ignore[attr-defined]
        ]


@functools.lru_cache(maxsize=8)
def _load(directory: Path | None) -> EcrisSchemas:
    if directory is None:
        entry = PROJECT_SCHEMA_DIR / PROJECT_ENTRY
        if not entry.is_file():
            raise SchemaUnavailable(f"the project schema {entry} is missing")

        def compile_project() -> etree.XMLSchema:
            parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_comments=True)
            return etree.XMLSchema(etree.parse(str(entry), parser))

        return EcrisSchemas(compile_project, f"project schema {PROJECT_SCHEMA_DIR}")
    if not (directory / OFFICIAL_MESSAGES_XSD).is_file():
        raise SchemaUnavailable(f"{directory} holds no {OFFICIAL_MESSAGES_XSD}")

    def compile_official() -> etree.XMLSchema:
        wrapper = _official_wrapper(directory)
        return etree.XMLSchema(etree.ElementTree(wrapper))

    return EcrisSchemas(compile_official, f"official schema {directory}")
