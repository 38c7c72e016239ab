"""The gateway's client of the ECRIS-TCN central system (``gateway.ports.TcnCentralSystem``).

Transport (documented in ``schemas/ecris-tcn/README.md``): one plain HTTP POST of the ECRIS-TCN v1 document
to ``tcn_central_url``, ``Content-Type: application/xml``; the answer is one document. ``requests`` (already
the transport of the SOAP client) with a time-out. A connection failure, a time-out, an HTTP 5xx or an
answer that is not a valid document raise ``TcnCentralUnavailable`` (worth retrying); an ``ErrorAnswer``
raises ``TcnCentralRefused`` with its code. Messages never repeat personal data.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from adapters.settings import Settings
from adapters.tcn import codec
from adapters.tcn.codec import Acknowledgement, ErrorAnswer, TcnDocument, TcnDocumentRejected
from gateway.errors import GatewayError
from gateway.model.tcn import CONVICTING_STATE, TcnQuery, TcnQueryResult, TcnRecord
from gateway.ports import TcnCentralRefused, TcnCentralUnavailable

MEDIA_TYPE = "application/xml; charset=utf-8"
MAX_ANSWER_BYTES = 1024 * 1024


class TcnCentralNotConfigured(GatewayError):
    """No ``tcn_central_url`` setting."""


class HttpTcnCentralSystem:
    """The central system at ``url``, one POST per call."""

    def __init__(self, url: str, *, timeout_seconds: float = 10.0, convicting_state: str = CONVICTING_STATE,
                 session: requests.Session | None = None) -> None:
        if urlsplit(url).scheme not in {"http", "https"}:
            raise TcnCentralNotConfigured("tcn_central_url must be an http or https URL")
        self.url = url
        self.timeout = timeout_seconds
        self.convicting_state = convicting_state
        self._session = session or requests.Session()

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpTcnCentralSystem:
        if not settings.tcn_central_url:
            raise TcnCentralNotConfigured(
                "no ECRIS-TCN central system is configured: set tcn_central_url (ECRIS_GATEWAY_TCN_CENTRAL_URL)")
        return cls(settings.tcn_central_url, timeout_seconds=settings.tcn_timeout_seconds,
                   convicting_state=settings.member_state)

    def _post(self, document: bytes, what: str) -> TcnDocument:
        try:
            response = self._session.post(self.url, data=document, headers={"Content-Type": MEDIA_TYPE},
                                          timeout=self.timeout)
        except requests.Timeout:
            raise TcnCentralUnavailable(f"{what}: the central system did not answer within {self.timeout:g} s") \
                from None
        except requests.RequestException as error:
            raise TcnCentralUnavailable(f"{what}: the central system cannot be reached "
                                        f"({type(error).__name__})") from None
        if response.status_code >= 500 and not response.content.lstrip().startswith(b"<"):
            raise TcnCentralUnavailable(f"{what}: the central system answered HTTP {response.status_code}")
        try:
            answer = codec.decode(response.content, max_bytes=MAX_ANSWER_BYTES)
        except TcnDocumentRejected as error:
            raise TcnCentralUnavailable(f"{what}: the central system's answer (HTTP {response.status_code}) "
                                        f"is not usable: {error}") from None
        if isinstance(answer, ErrorAnswer):
            if response.status_code >= 500:
                raise TcnCentralUnavailable(f"{what}: the central system failed ({answer.code}): {answer.reason}")
            raise TcnCentralRefused(f"{what}: refused by the central system ({answer.code}): {answer.reason}",
                                    code=answer.code)
        if response.status_code != 200:
            raise TcnCentralUnavailable(f"{what}: the central system answered HTTP {response.status_code}")
        return answer

    @staticmethod
    def _acknowledged(answer: TcnDocument, operation: str, state: str, reference: str) -> None:
        if answer != Acknowledgement(operation, state, reference):
            raise TcnCentralUnavailable(f"{operation}: the central system's answer does not acknowledge it")

    def create(self, record: TcnRecord) -> None:
        answer = self._post(codec.encode_record(record, operation="create"), "create")
        self._acknowledged(answer, "create", record.convicting_state, record.reference)

    def update(self, record: TcnRecord) -> None:
        answer = self._post(codec.encode_record(record, operation="update"), "update")
        self._acknowledged(answer, "update", record.convicting_state, record.reference)

    def delete(self, reference: str) -> None:
        answer = self._post(codec.encode_delete(self.convicting_state, reference), "delete")
        self._acknowledged(answer, "delete", self.convicting_state, reference)

    def query(self, query: TcnQuery) -> TcnQueryResult:
        answer = self._post(codec.encode_query(query), "query")
        if not isinstance(answer, TcnQueryResult):
            raise TcnCentralUnavailable("query: the central system's answer is not a QueryAnswer")
        return answer
