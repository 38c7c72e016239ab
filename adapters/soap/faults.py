"""SOAP 1.2 Faults, and the one mapping from the gateway's errors to a fault kind and an HTTP status.

The ECRIS WSDL declares no faults; the kinds below follow SOAP 1.2 Part 1 §5.4.6 (``env:Sender`` for a
request that cannot succeed as sent, ``env:Receiver`` for a problem on our side, ``env:VersionMismatch`` and
``env:MustUnderstand`` with the headers §5.4.7–5.4.8 ask for) with a subcode of the gateway's own namespace
saying which check refused the request. The reason text never repeats the input.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from adapters.db.inbox_journal import JournalUnavailable
from adapters.soap.envelope import SOAP11_NS, SOAP12_NS, NotSoap12, NotUnderstood, SoapRejected
from adapters.xml.parsing import HostileXml, MalformedXml, XmlRejected, XmlTooLarge, parse_untrusted

FAULT_SUBCODE_NS = "urn:x-ecris-gateway:faults"
FAULT_MEDIA_TYPE = "application/soap+xml; charset=utf-8"
SOAP11_FAULT_MEDIA_TYPE = "text/xml; charset=utf-8"

_ENV = f"{{{SOAP12_NS}}}"


@dataclass(frozen=True, slots=True)
class Fault:
    """What goes back: ``code`` is ``Sender``, ``Receiver``, ``MustUnderstand`` or ``VersionMismatch``."""

    code: str
    subcode: str
    reason: str
    http_status: int
    not_understood: tuple[str, ...] = ()
    """For ``MustUnderstand``: the Clark names of the header blocks, each named in an ``env:NotUnderstood``."""
    soap11: bool = False
    """Answer a SOAP 1.1 peer's ``VersionMismatch`` in SOAP 1.1 (SOAP 1.2 Part 1 Appendix A)."""

    @property
    def media_type(self) -> str:
        return SOAP11_FAULT_MEDIA_TYPE if self.soap11 else FAULT_MEDIA_TYPE

    def to_bytes(self) -> bytes:
        if self.soap11:
            return self._soap11_bytes()
        envelope = etree.Element(_ENV + "Envelope", nsmap={"env": SOAP12_NS, "gw": FAULT_SUBCODE_NS})
        self._headers(envelope)
        fault = etree.SubElement(etree.SubElement(envelope, _ENV + "Body"), _ENV + "Fault")
        code = etree.SubElement(fault, _ENV + "Code")
        etree.SubElement(code, _ENV + "Value").text = f"env:{self.code}"
        subcode = etree.SubElement(code, _ENV + "Subcode")
        etree.SubElement(subcode, _ENV + "Value").text = f"gw:{self.subcode}"
        reason = etree.SubElement(fault, _ENV + "Reason")
        text = etree.SubElement(reason, _ENV + "Text")
        text.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
        text.text = self.reason
        return etree.tostring(envelope, encoding="UTF-8", xml_declaration=True)

    def _soap11_bytes(self) -> bytes:
        """A SOAP 1.1 Fault whose ``env:Upgrade`` header (SOAP 1.2's namespace) names the SOAP 1.2 Envelope
        as the one supported: the form SOAP 1.2 Part 1 Appendix A gives."""
        env = f"{{{SOAP11_NS}}}"
        envelope = etree.Element(env + "Envelope", nsmap={"env": SOAP11_NS})
        upgrade = etree.SubElement(etree.SubElement(envelope, env + "Header"), _ENV + "Upgrade",
                                   nsmap={"upg": SOAP12_NS})
        supported = etree.SubElement(upgrade, _ENV + "SupportedEnvelope")
        supported.set("qname", "upg:Envelope")
        fault = etree.SubElement(etree.SubElement(envelope, env + "Body"), env + "Fault")
        etree.SubElement(fault, "faultcode").text = f"env:{self.code}"
        etree.SubElement(fault, "faultstring").text = self.reason
        return etree.tostring(envelope, encoding="UTF-8", xml_declaration=True)

    def _headers(self, envelope: etree._Element) -> None:
        """SOAP 1.2 Part 1 §5.4.7–5.4.8: ``env:Upgrade`` names the envelope we support, ``env:NotUnderstood``
        each block we did not process (its qname attribute a prefixed name declared on the element)."""
        if self.code == "VersionMismatch":
            upgrade = etree.SubElement(etree.SubElement(envelope, _ENV + "Header"), _ENV + "Upgrade")
            supported = etree.SubElement(upgrade, _ENV + "SupportedEnvelope")
            supported.set("qname", "env:Envelope")
        elif self.not_understood:
            header = etree.SubElement(envelope, _ENV + "Header")
            for clark in self.not_understood:
                name = etree.QName(clark)
                nsmap = {"nu": name.namespace} if name.namespace else None
                element = etree.SubElement(header, _ENV + "NotUnderstood", nsmap=nsmap)
                element.set("qname", f"nu:{name.localname}" if name.namespace else name.localname)


_XML_SUBCODES: tuple[tuple[type[XmlRejected], str], ...] = (
    (XmlTooLarge, "TooLarge"),
    (HostileXml, "HostileXml"),
    (MalformedXml, "NotWellFormed"),
)


def fault_for(error: BaseException) -> Fault:
    """The fault answering ``error``: refusals of the request are ``Sender`` faults, the rest ``Receiver``."""
    if isinstance(error, NotUnderstood):
        return Fault(error.fault_code, error.subcode, str(error), error.http_status, error.blocks)
    if isinstance(error, NotSoap12):
        return Fault(error.fault_code, error.subcode, str(error), error.http_status, soap11=error.soap11_peer)
    if isinstance(error, SoapRejected):
        return Fault(error.fault_code, error.subcode, str(error), error.http_status)
    if isinstance(error, XmlRejected):
        subcode = next((name for kind, name in _XML_SUBCODES if isinstance(error, kind)), "NotWellFormed")
        return Fault("Sender", subcode, str(error), 400)
    if isinstance(error, JournalUnavailable):
        return Fault("Receiver", "Unavailable", str(error), 503)
    return Fault("Receiver", "InternalError", "the gateway could not take the message; send it again later", 500)


def fault_reason(body: bytes) -> tuple[str, str] | None:
    """(code, reason) of a SOAP 1.2 fault answer we received, for logs and tests; None if not a fault."""
    try:
        root = parse_untrusted(body, max_bytes=1024 * 1024)
    except XmlRejected:
        return None
    value = root.find(f"{_ENV}Body/{_ENV}Fault/{_ENV}Code/{_ENV}Value")
    text = root.find(f"{_ENV}Body/{_ENV}Fault/{_ENV}Reason/{_ENV}Text")
    if value is None:  # a SOAP 1.1 fault, as a SOAP 1.1-only peer answers
        value = root.find(f"{{{SOAP11_NS}}}Body/{{{SOAP11_NS}}}Fault/faultcode")
        text = root.find(f"{{{SOAP11_NS}}}Body/{{{SOAP11_NS}}}Fault/faultstring")
    if value is None:
        return None
    return (value.text or "").strip(), ("" if text is None else (text.text or "").strip())
