"""The simulated ECRIS-TCN central system over HTTP: ``POST /tcn`` one document, one document back.

Every document is parsed by the hardened parser and validated against ``schemas/ecris-tcn/tcn-v1.xsd``
before anything is stored; a refused one gets an ``ErrorAnswer`` and changes nothing. ``GET /tcn`` returns
the schema (a liveness probe). Served by gunicorn like the simulated Member State (``tcn-central``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from adapters.soap.server import STATUS_TEXT, HttpResponse
from adapters.tcn import codec
from adapters.tcn.central_store import CentralStore
from adapters.tcn.codec import (
    Acknowledgement,
    DeleteDocument,
    ErrorAnswer,
    RecordDocument,
    TcnDocumentRejected,
)
from adapters.tcn.schema import SCHEMA_FILE
from gateway.clock import Clock
from gateway.model.tcn import TcnQuery, TcnQueryResult

log = logging.getLogger("ecris.tcn_central")

PATH = "/tcn"
MEDIA_TYPE = "application/xml; charset=utf-8"
ACCEPTED_MEDIA_TYPES = frozenset({"application/xml", "text/xml"})
DEFAULT_MAX_BYTES = 1024 * 1024
ERROR_STATUS = {"invalid-document": 400, "unknown-record": 404, "record-exists": 409, "too-large": 413,
                "unsupported-media-type": 415, "internal-error": 500}


def _error(code: str, reason: str) -> HttpResponse:
    return HttpResponse(ERROR_STATUS[code], [("Content-Type", MEDIA_TYPE)],
                        codec.encode_error(ErrorAnswer(code, reason)))


def _ok(body: bytes) -> HttpResponse:
    return HttpResponse(200, [("Content-Type", MEDIA_TYPE)], body)


class CentralSystemApp:
    """The WSGI application."""

    def __init__(self, store: CentralStore, clock: Clock, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.store = store
        self.clock = clock
        self.max_bytes = max_bytes

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            response = self._route(environ)
        except Exception:
            log.exception("unexpected error answering a request")
            response = _error("internal-error", "the central system failed to process the document")
        headers = [*response.headers, ("Content-Length", str(len(response.body)))]
        start_response(f"{response.status} {STATUS_TEXT.get(response.status, '')}".rstrip(), headers)
        return [response.body]

    def _route(self, environ: dict[str, Any]) -> HttpResponse:
        path = (environ.get("PATH_INFO") or "/").rstrip("/") or "/"
        if path != PATH:
            return HttpResponse(404, [("Content-Type", "text/plain")], b"not found\n")
        method = environ.get("REQUEST_METHOD", "GET")
        if method in {"GET", "HEAD"}:
            return _ok(SCHEMA_FILE.read_bytes())
        if method != "POST":
            return HttpResponse(405, [("Allow", "GET, POST"), ("Content-Type", "text/plain")],
                                b"POST an ECRIS-TCN document\n")
        media_type = str(environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if media_type not in ACCEPTED_MEDIA_TYPES:
            return _error("unsupported-media-type", "send the document as application/xml")
        try:
            announced = int(environ.get("CONTENT_LENGTH") or -1)
        except ValueError:
            announced = -1
        if announced > self.max_bytes:
            return _error("too-large", f"documents over {self.max_bytes} bytes are not accepted")
        stream = environ["wsgi.input"]
        body = stream.read(announced) if announced >= 0 else stream.read(self.max_bytes + 1)
        try:
            return self.handle(bytes(body))
        except TcnDocumentRejected as refused:
            log.info("refused a document: %s", refused.code)
            return _error(refused.code, str(refused))

    def handle(self, body: bytes) -> HttpResponse:
        """One document in, its answer out (raises ``TcnDocumentRejected``)."""
        document = codec.decode(body, max_bytes=self.max_bytes)
        now = self.clock.now()
        match document:
            case RecordDocument(operation="create", record=record):
                self.store.create(record, at=now)
                return _ok(codec.encode_acknowledgement(
                    Acknowledgement("create", record.convicting_state, record.reference)))
            case RecordDocument(record=record):
                self.store.update(record, at=now)
                return _ok(codec.encode_acknowledgement(
                    Acknowledgement("update", record.convicting_state, record.reference)))
            case DeleteDocument(convicting_state=state, reference=reference):
                self.store.delete(state, reference)
                return _ok(codec.encode_acknowledgement(Acknowledgement("delete", state, reference)))
            case TcnQuery():
                states = self.store.member_states_holding(document)
                return _ok(codec.encode_answer(TcnQueryResult(member_states=states, answered_at=now)))
            case _:
                raise TcnDocumentRejected("the central system accepts records, deletions and queries only")
