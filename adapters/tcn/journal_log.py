"""An interim ``TcnProcessingLog`` for the commands of this branch: each ECRIS-TCN operation as an entry of
the gateway's processing journal (``tcn.query``, ``tcn.purge``), hash-chained like every entry.

The journal holds no personal data, so this keeps who, when, why, which file reference and the outcome,
not the data used for a query (Reg Art 31(1)(e)). The ECRIS-TCN processing log table (its own hash chain,
three-year retention, every Art 31 field) replaces it when the branches are merged.
"""

from __future__ import annotations

from gateway.model.tcn import TcnLogEntry
from gateway.ports import Journal, JournalEntry


class JournalTcnLog:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def append(self, entry: TcnLogEntry) -> None:
        details = {"operation": entry.operation.value, "outcome": entry.outcome or ""}
        if entry.query_data is not None and "file" in entry.query_data:
            details["file"] = str(entry.query_data["file"])
        self._journal.append(JournalEntry(entry.at, entry.official, f"tcn.{entry.operation.value}",
                                          entry.reference or "-", entry.purpose, details))
