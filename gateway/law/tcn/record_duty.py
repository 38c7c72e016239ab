"""What the central system is owed about a person's record (Art 12-1(5); Reg 2019/816 Arts 5(4), 8, 9(2);
RULES.md R-TCN-1, R-TCN-5, R-TCN-6)."""

from __future__ import annotations

from gateway.model.tcn import TcnOperation


def tcn_operation_owed(*, required: bool, held: bool, changed: bool) -> TcnOperation | None:
    """Art 12-1(5); Reg Arts 5(4), 8 and 9(2) — a create when a record is required and the central system
    holds none (Reg Art 5(4): "without undue delay"); the same change when it holds one and the national data
    behind it changed (Art 9(2)); a delete when none is required any more and one is held (Art 8: the
    convictions are no longer in the criminal record, erasure at death or at 100 years, R-TCN-8); nothing
    otherwise."""
    if not required:
        return TcnOperation.DELETE if held else None
    if not held:
        return TcnOperation.CREATE
    return TcnOperation.UPDATE if changed else None
