"""The composition root: the one place that builds concrete objects from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.engine import Engine

from adapters.currency.ecb_rates import EcbEuroRates
from adapters.db.engine import open_store
from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.settings import Settings
from adapters.soap.wiring import Messaging
from gateway.clock import Clock, FixedClock, SystemClock
from gateway.model.exchange import EcrisMessage
from gateway.ports import EuroRates


def clock_for(settings: Settings) -> Clock:
    """``ECRIS_GATEWAY_NOW`` fixes the clock of every command (tests, demos)."""
    return FixedClock(settings.now) if settings.now is not None else SystemClock()


@dataclass
class App:
    """What a command or a server needs, built lazily so ``--help`` touches no database.

    ``may_create_store`` is False for the commands that only read: they open an existing store or fail."""

    settings: Settings
    may_create_store: bool = True

    @cached_property
    def clock(self) -> Clock:
        return clock_for(self.settings)

    @cached_property
    def engine(self) -> Engine:
        return open_store(self.settings.db_url, may_create=self.may_create_store,
                          sqlite_synchronous=self.settings.sqlite_synchronous)

    @property
    def official(self) -> str:
        return self.settings.official

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, self.clock, writer=self.messaging.writer, reader=self.read_message,
                             biometrics_key=self.settings.tcn_biometrics_key)

    def read_message(self, envelope: bytes) -> EcrisMessage | None:
        """A journalled inbound envelope read back into the core's message (None when it no longer reads)."""
        return self.messaging.reader.read(envelope).message

    @cached_property
    def euro_rates(self) -> EuroRates:
        return EcbEuroRates()

    @cached_property
    def messaging(self) -> Messaging:
        return Messaging(self.settings, self.clock, rates=self.euro_rates)


def bootstrap(settings: Settings, *, may_create_store: bool = True) -> App:
    return App(settings, may_create_store=may_create_store)
