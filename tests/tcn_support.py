"""Helpers for the ECRIS-TCN tests: a list-backed processing log (the real one is a table of its own)."""

from __future__ import annotations

from gateway.model.tcn import TcnLogEntry


class ListTcnLog:
    """``gateway.ports.TcnProcessingLog`` as a list."""

    def __init__(self) -> None:
        self.entries: list[TcnLogEntry] = []

    def append(self, entry: TcnLogEntry) -> None:
        self.entries.append(entry)
