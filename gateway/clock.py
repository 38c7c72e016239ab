"""Time for the core: an injected clock (the law never calls ``now()``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

LUXEMBOURG_TZ = ZoneInfo("Europe/Luxembourg")


class Clock(Protocol):
    def now(self) -> datetime:
        """A timezone-aware instant."""
        ...


def legal_date(instant: datetime) -> date:
    """The legal date in Luxembourg at ``instant`` (AMB-27: Europe/Luxembourg local time)."""
    return instant.astimezone(LUXEMBOURG_TZ).date()


def today(clock: Clock) -> date:
    """The legal date in Luxembourg at the clock's instant (AMB-27)."""
    return legal_date(clock.now())


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class FixedClock:
    instant: datetime

    def __post_init__(self) -> None:
        if self.instant.tzinfo is None:
            raise ValueError("a fixed clock needs a timezone-aware instant")

    def now(self) -> datetime:
        return self.instant
