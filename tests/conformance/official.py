"""The other side of the contract, built only from the official ECRIS v1.0 package in ``../shared`` (read
there, never copied): its validators (lxml and xmlschema), a zeep client of its WSDL, and a receiver that
plays a Member State's endpoint and validates everything the gateway sends it.

zeep 4.3 writes a gMonth as ``--7`` (python-zeep #1150, ECRIS-NOTES §7.3), which the official schema
refuses: a zeep-based peer must patch it (``zeep_gmonth_patched``), and the gateway is right to refuse it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from lxml import etree
from zeep import Client, Settings
from zeep.xsd.types import builtins as zeep_builtins

from adapters.soap.envelope import envelope_bytes
from adapters.xml import codec
from adapters.xml.codec import to_bytes
from adapters.xml.schemas import EcrisSchemas, _official_wrapper
from gateway.model.exchange import IsAlive, MessageId, MessageMetadata, MessageType
from tests.conftest import SHARED

OFFICIAL_DIR = SHARED / "ecris-v1.0"
OFFICIAL_WSDL = OFFICIAL_DIR / "ecris-service-v1.0.wsdl"
SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope"
ACTION_PREFIX = "http://ec.europa.eu/ECRIS/"


@functools.cache
def official_lxml() -> EcrisSchemas:
    return EcrisSchemas.load(OFFICIAL_DIR)


@functools.cache
def official_xmlschema() -> Any:
    import xmlschema

    wrapper = etree.tostring(_official_wrapper(OFFICIAL_DIR)).decode()
    return xmlschema.XMLSchema(wrapper, base_url=str(OFFICIAL_DIR))


def official_problems(element: etree._Element) -> list[str]:
    """What the official XSDs say against a message element: lxml, then xmlschema (which also enforces
    xsd:ID/IDREF); empty when both accept it."""
    problems = list(official_lxml().validate(element))
    problems += [str(error.reason) for error in official_xmlschema().iter_errors(to_bytes(element))]
    return problems


@contextmanager
def zeep_gmonth_patched() -> Iterator[None]:
    """zeep writes gMonth 7 as ``--7``; the documented patch writes ``--07`` (restored on exit)."""
    original = zeep_builtins.gMonth.xmlvalue

    def xmlvalue(self: Any, value: Any) -> str:
        return f"--{value[0]:02d}{zeep_builtins._unparse_timezone(value[1])}"

    zeep_builtins.gMonth.xmlvalue = xmlvalue
    try:
        yield
    finally:
        zeep_builtins.gMonth.xmlvalue = original


@functools.cache
def _official_operations() -> dict[str, str]:
    """Clark name of each Body element → its operation, as the official WSDL binds them."""
    _, binding = official_client("http://127.0.0.1/unused")
    return {operation.input.body.qname.text: name for name, operation in binding._operations.items()}


def official_client(address: str) -> tuple[Any, Any]:
    """A zeep client of the official WSDL bound to ``address``: (service proxy, binding)."""
    client = Client(str(OFFICIAL_WSDL), settings=Settings(strict=True, forbid_dtd=True, forbid_entities=True))
    binding = next(iter(next(iter(client.wsdl.services.values())).ports.values())).binding
    return client.create_service(binding.name, address), binding


# ----------------------------------------------------------------------------------------- receiver


@dataclass(frozen=True)
class Received:
    """One POST the receiver got: the Body element's name, its message ID, what the official XSDs say."""

    element_name: str
    message_id: str | None
    problems: list[str]


@dataclass
class OfficialReceiver:
    """A Member State's endpoint (``state``) that checks every request against the official contract:
    SOAP 1.2 Envelope, action matching the Body element, Body element valid against the official XSDs.
    One-way operations get 202; isAlive gets its answer, addressed back to the asking State."""

    state: str
    received: list[Received] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        element, problems = self._check(body, environ.get("CONTENT_TYPE", ""))
        name = "" if element is None else etree.QName(element).localname
        message_id = None if element is None else element.findtext(
            "{http://ec.europa.eu/ECRIS/messages-v1.0}MessageMetaData/"
            "{http://ec.europa.eu/ECRIS/messages-v1.0}MessageMetaDataMessageID")
        with self._lock:
            self.received.append(Received(name, message_id, problems))
        if name == "IsAliveMessage" and not problems and message_id:
            answer = self._is_alive_answer(MessageId.parse(message_id))
            start_response("200 OK", [("Content-Type", "application/soap+xml; charset=utf-8"),
                                      ("Content-Length", str(len(answer)))])
            return [answer]
        start_response("202 Accepted", [("Content-Length", "0")])
        return [b""]

    def _check(self, body: bytes, content_type: str) -> tuple[etree._Element | None, list[str]]:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(body, parser)
        except etree.XMLSyntaxError as error:
            return None, [f"not XML: {error}"]
        body_element = root.find(f"{{{SOAP12_NS}}}Body")
        if root.tag != f"{{{SOAP12_NS}}}Envelope" or body_element is None or len(body_element) != 1:
            return None, ["not a SOAP 1.2 Envelope with one Body element"]
        element = body_element[0]
        problems = official_problems(element)
        operation = _official_operations().get(element.tag)
        header = EmailMessage()
        header["Content-Type"] = content_type
        if header.get_content_type() != "application/soap+xml" or operation is None or (
            header.get_param("action") != f"{ACTION_PREFIX}{operation}"
        ):
            problems.append(f"content type {content_type!r} does not name the operation {operation}")
        return element, problems

    def _is_alive_answer(self, asked: MessageId) -> bytes:
        answer_id = MessageId(self.state, asked.sender, MessageType.IS_ALIVE, asked.serial)
        answer = IsAlive(metadata=MessageMetadata(answer_id, datetime.now(UTC)), is_alive=True)
        return envelope_bytes(codec.encode(answer))


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def receiving(receiver: OfficialReceiver) -> Iterator[str]:
    """Serve ``receiver`` on a free port of 127.0.0.1 in a thread; yields its URL."""
    server: WSGIServer = make_server("127.0.0.1", 0, receiver, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/ecris"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
