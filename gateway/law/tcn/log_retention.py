"""How long the ECRIS-TCN processing log is kept (Art 12-1(5); Reg 2019/816 Art 31; RULES.md R-TCN-7)."""

from __future__ import annotations

from datetime import date

from gateway.law.periods import anniversary

LOG_RETENTION_YEARS = 3


def log_kept_from(on: date) -> date:
    """Reg Art 31 — logs are erased three years after they were made, unless a monitoring procedure already
    started needs them: on ``on``, the entries made before the day returned (``on`` three years back, 29
    February falling on 28 February) are due for erasure; that day's and later are kept."""
    return anniversary(on, -LOG_RETENTION_YEARS)
