"""Messaging parts built from the settings (used by the composition root, ``adapters/bootstrap.py``).

Everything is built on first use, so commands that never touch ECRIS never compile its schema.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from adapters.db.inbox_journal import GroupCommitJournal
from adapters.db.messaging import allocate_serials
from adapters.files.reference_tables import load_reference_tables
from adapters.settings import Settings
from adapters.soap.client import PeerDirectory
from adapters.soap.envelope import Unwrapped, envelope_bytes
from adapters.soap.messages import MessageReader, MessageWriter, project_reference_tables
from adapters.soap.server import EcrisWsgiApp, HttpResponse, ServiceDescription, SoapEndpoint
from adapters.xml import codec
from adapters.xml.schemas import EcrisSchemas
from gateway.clock import Clock
from gateway.model.exchange import EcrisMessage, IsAlive, MessageId, MessageMetadata, MessageType
from gateway.model.reference_tables import ReferenceTables
from gateway.ports import EuroRates, InboxState
from gateway.services.inbound import DEFAULT_HANDLERS, Handler, InboundService

if TYPE_CHECKING:
    from adapters.db.unit_of_work import SqlUnitOfWork
    from adapters.inbox_processor import InboxProcessor
    from adapters.outbox_sender import OutboxSender


@dataclass
class Messaging:
    settings: Settings
    clock: Clock
    rates: EuroRates | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def schemas(self) -> EcrisSchemas:
        return EcrisSchemas.load(self.settings.ecris_schemas)

    @cached_property
    def _writer(self) -> MessageWriter:
        return MessageWriter(self.schemas)

    def writer(self, message: EcrisMessage) -> bytes:
        """Envelope bytes of a built, validated message (the outbox's writer)."""
        return self._writer(message)

    @cached_property
    def reference_tables(self) -> ReferenceTables | None:
        """The tables inbound codes are checked against: the ``reference_tables`` setting (an official CRT
        file laid over the project's data, or a directory in the project's format), else the project's.
        A configured location that cannot be read stops the gateway rather than check against other data."""
        location = self.settings.reference_tables
        if location is None:
            return project_reference_tables()
        return load_reference_tables(location)

    @cached_property
    def reader(self) -> MessageReader:
        return MessageReader(max_bytes=self.settings.max_message_bytes, member_state=self.settings.member_state,
                             strict_codes=self.settings.strict_codes, tables=self.reference_tables)

    @cached_property
    def peers(self) -> PeerDirectory:
        return PeerDirectory(self.settings.peers)

    def inbound_service(self, handlers: Mapping[str, Handler] | None = None) -> InboundService:
        return InboundService(member_state=self.settings.member_state, clock=self.clock, rates=self.rates,
                              official=self.settings.official,
                              handlers=dict(DEFAULT_HANDLERS if handlers is None else handlers))

    def is_alive_answer(self, engine: Engine) -> Callable[[Unwrapped], bytes]:
        member_state = self.settings.member_state

        def answer(request: Unwrapped) -> bytes:
            # The endpoint took the request only if it reads as another State's message to ours: the
            # answer is always ours, towards the asking State.
            asked = MessageId.parse(request.message_id or "")
            with engine.begin() as connection:
                serial = allocate_serials(connection, 1)[0]
            message_id = MessageId(member_state, asked.sender, MessageType.IS_ALIVE, serial)
            reply = IsAlive(metadata=MessageMetadata(message_id, self.clock.now()), is_alive=True)
            element = codec.encode(reply)
            return envelope_bytes(element)

        return answer

    def endpoint(self, engine: Engine, *, on_commit: Callable[[list[InboxState]], None] | None = None
                 ) -> SoapEndpoint:
        journal = GroupCommitJournal(engine, on_commit=on_commit)
        return SoapEndpoint(journal=journal, schemas=self.schemas, clock=self.clock,
                            max_bytes=self.settings.max_message_bytes,
                            member_state=self.settings.member_state, is_alive=self.is_alive_answer(engine),
                            structural_check=None)

    def wsgi_app(self, engine: Engine, *, on_commit: Callable[[list[InboxState]], None] | None = None,
                 before_accept: Callable[[], HttpResponse | None] | None = None,
                 after_accept: Callable[[HttpResponse], None] | None = None) -> EcrisWsgiApp:
        return EcrisWsgiApp(self.endpoint(engine, on_commit=on_commit),
                            ServiceDescription(self.settings.public_url),
                            before_accept=before_accept, after_accept=after_accept)

    def processor(self, uow: Callable[[], SqlUnitOfWork],
                  handlers: Mapping[str, Handler] | None = None) -> InboxProcessor:
        from adapters.inbox_processor import InboxProcessor

        return InboxProcessor(uow=uow, service=self.inbound_service(handlers), reader=self.reader)

    def sender(self, engine: Engine, *, batch: int = 8) -> OutboxSender:
        from adapters.outbox_sender import OutboxSender

        timeouts = [peer.timeout_seconds for peer in self.settings.peers.values()] or [30.0]
        return OutboxSender(engine=engine, peers=self.peers, max_attempts=self.settings.outbox_max_attempts,
                            backoff_seconds=self.settings.outbox_backoff_seconds, batch=batch,
                            lease_seconds=max(timeouts) + 30.0)
