"""zeep clients for the other Member States: one per State, DTDs forbidden, timeouts, TLS when configured.

Delivery of an outbox message posts the envelope the codec built (already schema-validated and stored
with its message ID) through the zeep client's transport — the same ``requests`` session, TLS client
certificate, CA and timeout — rather than rebuilding it with ``create_message``: zeep's builder costs about
2.5 ms per notification against the codec's fraction of that, checks no facets (ECRIS-NOTES §7.3), and would
produce bytes different from the ones journalled in the outbox. zeep's own operation call is used where
its reply parsing helps: ``isAlive``, the one operation with an answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from zeep import Client, Settings
from zeep.transports import Transport

from adapters.settings import PeerSettings
from adapters.soap.envelope import ACTION_PREFIX, ELEMENT_BY_OPERATION, OPERATION_BY_ELEMENT, request_headers
from adapters.soap.faults import fault_reason
from adapters.soap.server import WSDL_FILE
from adapters.xml.schemas import PROJECT_SCHEMA_DIR
from gateway.errors import GatewayError

log = logging.getLogger("ecris.client")

PROJECT_WSDL = PROJECT_SCHEMA_DIR / WSDL_FILE
RETRYABLE_STATUSES = frozenset({408, 425, 429})
PERMANENT_FAULT_CODES = frozenset({"VersionMismatch", "MustUnderstand"})
"""Answered with HTTP 500 (SOAP 1.2 Part 2 §7.5.1), yet the same envelope sent again cannot succeed."""


class PeerUnknown(GatewayError):
    """No ``[peers.XX]`` entry for the Member State a message is addressed to."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """The outcome of one POST: accepted, or refused for good (a fault), or worth retrying."""

    accepted: bool
    permanent: bool = False
    detail: str = ""


def zeep_settings() -> Settings:
    return Settings(strict=True, forbid_dtd=True, forbid_entities=True, forbid_external=True,
                    xml_huge_tree=False, raw_response=False)


def _session(peer: PeerSettings) -> requests.Session:
    session = requests.Session()
    if peer.client_cert is not None:
        session.cert = (str(peer.client_cert), str(peer.client_key)) if peer.client_key else str(peer.client_cert)
    if peer.ca is not None:
        session.verify = str(peer.ca)
    return session


class PeerClient:
    """The zeep client of one Member State's endpoint."""

    def __init__(self, peer: PeerSettings, *, wsdl: Path = PROJECT_WSDL) -> None:
        scheme = urlsplit(peer.url).scheme
        if scheme not in {"http", "https"}:
            raise PeerUnknown(f"peer {peer.state}: the url must be http or https")
        self.peer = peer
        self.transport = Transport(session=_session(peer), timeout=peer.timeout_seconds,
                                   operation_timeout=peer.timeout_seconds)
        self.client = Client(str(wsdl), transport=self.transport, settings=zeep_settings())
        binding = next(iter(next(iter(self.client.wsdl.services.values())).ports.values())).binding
        self.service = self.client.create_service(binding.name, peer.url)

    def post(self, envelope: bytes, *, element_name: str) -> Delivery:
        """POST a stored envelope; 200/202 is acceptance."""
        operation = OPERATION_BY_ELEMENT.get(element_name)
        if operation is None:
            return Delivery(False, permanent=True, detail=f"{element_name} is not an ECRIS message")
        try:
            response = self.transport.post(self.peer.url, envelope, dict(request_headers(operation)))
        except requests.Timeout:
            return Delivery(False, detail=f"no answer within {self.peer.timeout_seconds:g} s")
        except requests.RequestException as error:
            return Delivery(False, detail=f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
        status = response.status_code
        if status in (200, 202):
            return Delivery(True, detail=f"HTTP {status}")
        fault = fault_reason(response.content) if response.content else None
        detail = f"HTTP {status}" + (f" {fault[0]}: {fault[1][:300]}" if fault else "")
        permanent = (400 <= status < 500 and status not in RETRYABLE_STATUSES) or (
            fault is not None and fault[0].rpartition(":")[2] in PERMANENT_FAULT_CODES
        )
        return Delivery(False, permanent=permanent, detail=detail)

    def is_alive(self, *, message_id: str, timestamp: datetime) -> tuple[bool, str | None]:
        """Call ``isAlive`` with zeep; (IsAlive, the answer's message ID)."""
        answer: Any = self.service.isAlive(
            MessageMetaData={"MessageMetaDataMessageID": message_id,
                             "MessageMetaDataTimestamp": timestamp},
            MessageData={"IsAlive": True},
        )
        meta = getattr(answer, "MessageMetaData", None)
        data = getattr(answer, "MessageData", None)
        return bool(getattr(data, "IsAlive", False)), getattr(meta, "MessageMetaDataMessageID", None)


class PeerDirectory:
    """One ``PeerClient`` per Member State, built on first use (thread-safe)."""

    def __init__(self, peers: Mapping[str, PeerSettings], *, wsdl: Path = PROJECT_WSDL) -> None:
        self._peers = dict(peers)
        self._wsdl = wsdl
        self._clients: dict[str, PeerClient] = {}
        self._lock = threading.Lock()

    def __contains__(self, state: object) -> bool:
        return state in self._peers

    def client(self, state: str) -> PeerClient:
        with self._lock:
            client = self._clients.get(state)
            if client is None:
                peer = self._peers.get(state)
                if peer is None:
                    raise PeerUnknown(f"no peer is configured for {state} ([peers.{state}] url = …)")
                client = self._clients[state] = PeerClient(peer, wsdl=self._wsdl)
            return client


__all__ = ["ACTION_PREFIX", "ELEMENT_BY_OPERATION", "Delivery", "PeerClient", "PeerDirectory", "PeerUnknown"]
