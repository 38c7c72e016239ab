"""The project's ECRIS-TCN schema (``schemas/ecris-tcn/tcn-v1.xsd``), compiled once per thread (lxml)."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from lxml import etree

from adapters.xml.schemas import SchemaUnavailable, _safe_reason

TCN_NS = "urn:ecris-gateway:tcn:v1"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schemas" / "ecris-tcn" / "tcn-v1.xsd"
MESSAGE_NAMES = ("CreateRecord", "UpdateRecord", "DeleteRecord", "Acknowledgement", "IdentityQuery",
                 "QueryAnswer", "ErrorAnswer")
_MESSAGE_TAGS = frozenset(f"{{{TCN_NS}}}{name}" for name in MESSAGE_NAMES)


class TcnSchema:
    """``validate(element)`` gives the problems found (empty: valid), each free of the document's data."""

    def __init__(self, path: Path = SCHEMA_FILE) -> None:
        if not path.is_file():
            raise SchemaUnavailable(f"the ECRIS-TCN schema {path} is missing")
        self._path = path
        self._local = threading.local()
        self._schema()  # fail fast, in the caller's thread

    def _schema(self) -> etree.XMLSchema:
        schema: etree.XMLSchema | None = getattr(self._local, "schema", None)
        if schema is None:
            parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_comments=True)
            schema = etree.XMLSchema(etree.parse(str(self._path), parser))
            self._local.schema = schema
        return schema

    def validate(self, element: etree._Element) -> list[str]:
        if element.tag not in _MESSAGE_TAGS:
            return ["the root element is not an ECRIS-TCN v1 message"]
        schema = self._schema()
        if schema.validate(element):
            return []
        return [f"line {error.line}: {error.path}: {_safe_reason(error.message)}"
                for error in schema.error_log]  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1)
def tcn_schema() -> TcnSchema:
    return TcnSchema()
