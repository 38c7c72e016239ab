"""The ECRIS endpoint: a plain WSGI application serving ``POST /ecris`` and ``GET /ecris?wsdl``.

What gets what (issue 4, §5):
- wrong content type → SOAP 1.2 Fault, HTTP 415; wrong action, not well-formed, hostile, too large, not an
  ECRIS message, schema-invalid, not addressed to us by another State → Fault ``env:Sender``, HTTP 400;
  not a SOAP 1.2 Envelope → ``env:VersionMismatch`` with ``env:Upgrade`` (in SOAP 1.1 for a ``text/xml``
  request holding a SOAP 1.1 Envelope, Part 1 Appendix A), a header block we must but do not understand →
  ``env:MustUnderstand`` with ``env:NotUnderstood``, both HTTP 500 (SOAP 1.2 Part 2 §7.5.1).
  Journalled either way. A body may be UTF-8 or UTF-16 and gzip-coded (``content_coding.py``).
- schema-valid → journalled (durable commit), then HTTP 202 with an empty body; ``isAlive`` gets 200 and
  its answer. Business checks come after, in the inbox processor, and answer with a FunctionalErrorMessage.

``SoapEndpoint.accept`` is the whole accept path without HTTP (tests and benchmarks call it directly).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from lxml import etree

from adapters.db.inbox_journal import Arrival, GroupCommitJournal
from adapters.db.messaging import InboundEntry
from adapters.soap.content_coding import decoded_body
from adapters.soap.envelope import (
    SOAP11_NS,
    Misaddressed,
    NotSoap12,
    SchemaInvalid,
    SoapRejected,
    Unwrapped,
    WrongContentType,
    action_of,
    check_action,
    is_soap11_request,
    unwrap,
)
from adapters.soap.faults import FAULT_MEDIA_TYPE, Fault, fault_for
from adapters.xml.parsing import XmlRejected, XmlTooLarge, parse_untrusted
from adapters.xml.schemas import PROJECT_SCHEMA_DIR, EcrisSchemas
from gateway.clock import Clock
from gateway.model.exchange import MessageId
from gateway.ports import InboxState
from gateway.services.inbound import misaddressing

log = logging.getLogger("ecris.server")

KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "soapaction", "user-agent",
                "transfer-encoding", "x-forwarded-for", "remote-addr")
WSDL_FILE = "ecris-service.wsdl"
_WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
_SOAP12_WSDL_NS = "http://schemas.xmlsoap.org/wsdl/soap12/"
_XSD_NS = "http://www.w3.org/2001/XMLSchema"

SOAP11_ENVELOPE = f"{{{SOAP11_NS}}}Envelope"

IsAliveAnswer = Callable[[Unwrapped], bytes]
"""Builds the envelope answering an isAlive request."""

StructuralCheck = Callable[[etree._Element], list[str]]
"""Checks a schema cannot make (element-content xsd:ID/IDREF); problems make a Sender fault."""


@dataclass(frozen=True, slots=True)
class HttpResponse:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


STATUS_TEXT = {200: "OK", 202: "Accepted", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
               413: "Payload Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error",
               503: "Service Unavailable"}


def _fault_response(fault: Fault, *, close: bool = False) -> HttpResponse:
    headers = [("Content-Type", fault.media_type)]
    if close:
        headers.append(("Connection", "close"))
    return HttpResponse(fault.http_status, headers, fault.to_bytes())


class SoapEndpoint:
    """The accept path: checks, journal commit, answer."""

    def __init__(
        self,
        *,
        journal: GroupCommitJournal,
        schemas: EcrisSchemas,
        clock: Clock,
        max_bytes: int,
        member_state: str,
        is_alive: IsAliveAnswer | None = None,
        structural_check: StructuralCheck | None = None,
    ) -> None:
        self._journal = journal
        self._member_state = member_state
        self._schemas = schemas
        self._clock = clock
        self.max_bytes = max_bytes
        self._is_alive = is_alive
        self._structural_check = structural_check

    def accept(self, body: bytes, headers: Mapping[str, str]) -> HttpResponse:
        """Check, journal and answer one POSTed message (``headers`` with lowercase names).

        One parse for the whole envelope; the message element is validated where it lies (no copy), its
        IDs read off the tree, its digest taken once; then one journal commit of its own (group commit
        when requests come together), and the answer after that commit.
        """
        arrival = self._journal.arriving()
        try:
            return self._accept(body, headers, arrival)
        finally:
            if arrival.expected:
                self._journal.withdraw(arrival)

    def _accept(self, body: bytes, headers: Mapping[str, str], arrival: Arrival) -> HttpResponse:
        received_at = self._clock.now()
        kept = {name: headers[name] for name in KEPT_HEADERS if name in headers}
        unwrapped: Unwrapped | None = None
        try:
            try:
                action = action_of(headers.get("content-type", ""), headers.get("soapaction"))
            except WrongContentType:
                if self._soap11_envelope(body, headers):
                    raise NotSoap12("SOAP 1.1 envelope; this binding is SOAP 1.2", soap11_peer=True) from None
                raise
            # From here on the body is the decompressed one: what is parsed is what is journalled.
            body = decoded_body(body, headers.get("content-encoding"), max_bytes=self.max_bytes)
            unwrapped = unwrap(parse_untrusted(body, max_bytes=self.max_bytes))
            check_action(action, unwrapped)
            problems = self._schemas.validate(unwrapped.message)
            if not problems and self._structural_check is not None:
                problems = self._structural_check(unwrapped.message)
            if problems:
                shown = "; ".join(problems[:3])
                raise SchemaInvalid(f"schema validation failed ({len(problems)} error(s)): {shown}"[:2000])
            self._check_addressing(unwrapped)
        except (SoapRejected, XmlRejected) as error:
            return self._refuse(error, body, kept, received_at=received_at, unwrapped=unwrapped,
                                arrival=arrival)
        state = self._journal.record(
            InboundEntry(body, kept, received_at, unwrapped.message_id, unwrapped.element_name,
                         unwrapped.sender, unwrapped.response_to),
            arrival=arrival,
        )
        if unwrapped.element_name == "IsAliveMessage" and self._is_alive is not None:
            return HttpResponse(200, [("Content-Type", FAULT_MEDIA_TYPE)], self._is_alive(unwrapped))
        if state is InboxState.QUARANTINED:
            log.warning("message %s quarantined: same ID, different content", unwrapped.message_id)
        return HttpResponse(202)

    def _soap11_envelope(self, body: bytes, headers: Mapping[str, str]) -> bool:
        """Whether a ``text/xml`` request holds a SOAP 1.1 Envelope (anything else there keeps its 415)."""
        if not is_soap11_request(headers.get("content-type", "")):
            return False
        try:
            decoded = decoded_body(body, headers.get("content-encoding"), max_bytes=self.max_bytes)
            return bool(parse_untrusted(decoded, max_bytes=self.max_bytes).tag == SOAP11_ENVELOPE)
        except (SoapRejected, XmlRejected):
            return False

    def _check_addressing(self, unwrapped: Unwrapped) -> None:
        """Only messages another Member State addresses to ours get in (and get answered)."""
        try:
            message_id = MessageId.parse(unwrapped.message_id or "")
        except ValueError:
            raise Misaddressed("the message ID cannot be read (SS-RR-TTT-nnnnnnnnnnnnnnn)") from None
        reason = misaddressing(message_id, self._member_state)
        if reason is not None:
            raise Misaddressed(reason)

    def _refuse(self, error: SoapRejected | XmlRejected, body: bytes, kept: dict[str, str], *,
                received_at: datetime, unwrapped: Unwrapped | None, arrival: Arrival) -> HttpResponse:
        fault = fault_for(error)
        self._journal.record(
            InboundEntry(
                body=body,
                headers=kept,
                received_at=received_at,
                message_id=None if unwrapped is None else unwrapped.message_id,
                type=None if unwrapped is None else unwrapped.element_name,
                counterpart=None if unwrapped is None else unwrapped.sender,
                response_to=None if unwrapped is None else unwrapped.response_to,
                rejected=f"{fault.subcode}: {fault.reason}",
            ),
            arrival=arrival,
        )
        log.info("refused %s: %s %s", unwrapped.message_id if unwrapped else "a message",
                 fault.subcode, fault.http_status)
        return _fault_response(fault)

    def close(self) -> None:
        """Give back the journal's database connection (the endpoint stays usable)."""
        self._journal.close()

    def refuse_too_large(self, announced: int, headers: Mapping[str, str]) -> HttpResponse:
        """A body announced larger than the limit: journalled without its content, never read."""
        fault = fault_for(XmlTooLarge(f"XML input of {announced} bytes exceeds the limit of "
                                            f"{self.max_bytes} bytes"))
        kept = {name: headers[name] for name in KEPT_HEADERS if name in headers}
        self._journal.record(InboundEntry(body=b"", headers=kept, received_at=self._clock.now(),
                                          rejected=f"{fault.subcode}: {fault.reason}"))
        return _fault_response(fault, close=True)


class ServiceDescription:
    """The project's WSDL and schemas, served with the configured public address.

    ``?wsdl`` gives the WSDL whose port address is ``public_url`` and whose schema import points at
    ``public_url?xsd=ecris-service.xsd``; each ``?xsd=NAME`` document has its imports rewritten the same way.
    """

    def __init__(self, public_url: str, directory: Path = PROJECT_SCHEMA_DIR) -> None:
        self._public_url = public_url
        self._documents: dict[str, bytes] = {}
        names = sorted(p.name for p in directory.glob("*.xsd"))
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        for name in [WSDL_FILE, *names]:
            tree = etree.parse(str(directory / name), parser)
            for element in tree.iter(f"{{{_XSD_NS}}}import", f"{{{_XSD_NS}}}include"):
                location = element.get("schemaLocation")
                if location in names:
                    element.set("schemaLocation", f"{public_url}?xsd={location}")
            for address in tree.iter(f"{{{_SOAP12_WSDL_NS}}}address"):
                address.set("location", public_url)
            self._documents[name] = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)

    @property
    def wsdl(self) -> bytes:
        return self._documents[WSDL_FILE]

    def schema(self, name: str) -> bytes | None:
        return self._documents.get(name) if name.endswith(".xsd") else None


def _headers_of(environ: Mapping[str, Any]) -> dict[str, str]:
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    if environ.get("CONTENT_LENGTH"):
        headers["content-length"] = str(environ["CONTENT_LENGTH"])
    if environ.get("REMOTE_ADDR"):
        headers["remote-addr"] = str(environ["REMOTE_ADDR"])
    return headers


class EcrisWsgiApp:
    """The WSGI application: routes ``/ecris`` to the endpoint and the service description."""

    def __init__(self, endpoint: SoapEndpoint, description: ServiceDescription | None, *,
                 path: str = "/ecris", before_accept: Callable[[], HttpResponse | None] | None = None,
                 after_accept: Callable[[HttpResponse], None] | None = None) -> None:
        self.endpoint = endpoint
        self._description = description
        self._path = path.rstrip("/") or "/"
        self._before_accept = before_accept
        self._after_accept = after_accept

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            response = self._route(environ)
        except Exception as error:  # the WSGI server would answer a bare 500: answer a fault instead
            log.exception("unexpected error answering a request")
            response = _fault_response(fault_for(error))
        headers = [*response.headers, ("Content-Length", str(len(response.body)))]
        start_response(f"{response.status} {STATUS_TEXT.get(response.status, '')}".rstrip(), headers)
        return [response.body]

    def _route(self, environ: dict[str, Any]) -> HttpResponse:
        path = (environ.get("PATH_INFO") or "/").rstrip("/") or "/"
        if path != self._path:
            return HttpResponse(404, [("Content-Type", "text/plain")], b"not found\n")
        method = environ.get("REQUEST_METHOD", "GET")
        if method in {"GET", "HEAD"}:
            return self._describe(environ.get("QUERY_STRING", ""))
        if method != "POST":
            return HttpResponse(405, [("Allow", "GET, POST"), ("Content-Type", "text/plain")],
                                b"POST an ECRIS message, or GET ?wsdl\n")
        if self._before_accept is not None:
            early = self._before_accept()
            if early is not None:
                return early
        headers = _headers_of(environ)
        limit = self.endpoint.max_bytes
        try:
            announced = int(environ.get("CONTENT_LENGTH") or -1)
        except ValueError:
            announced = -1
        if announced > limit:
            return self.endpoint.refuse_too_large(announced, headers)
        stream = environ["wsgi.input"]
        body = stream.read(announced) if announced >= 0 else stream.read(limit + 1)
        response = self.endpoint.accept(bytes(body), headers)
        if self._after_accept is not None:
            self._after_accept(response)
        return response

    def _describe(self, query: str) -> HttpResponse:
        params = parse_qs(query, keep_blank_values=True)
        if self._description is None:
            return HttpResponse(404, [("Content-Type", "text/plain")], b"no service description\n")
        if "wsdl" in params or "WSDL" in params:
            return HttpResponse(200, [("Content-Type", "text/xml; charset=utf-8")], self._description.wsdl)
        if "xsd" in params:
            document = self._description.schema(params["xsd"][0])
            if document is not None:
                return HttpResponse(200, [("Content-Type", "text/xml; charset=utf-8")], document)
            return HttpResponse(404, [("Content-Type", "text/plain")], b"no such schema\n")
        return HttpResponse(405, [("Allow", "GET, POST"), ("Content-Type", "text/plain")],
                            b"POST an ECRIS message, or GET ?wsdl\n")
