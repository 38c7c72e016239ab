"""When a bulletin bears "néant" (Loi du 29 mars 2013, Art 8-4) and what erasure leaves (Art 3)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from gateway.law.register import ErasureDue
from gateway.law.ruling import Ruling
from gateway.law.wording import day

NIL_MENTION = "néant"


def is_nil(rulings: Iterable[Ruling]) -> bool:
    """Art 8-4 — "Lorsqu'il n'existe pas au casier judiciaire d'inscription concernant des décisions
    à porter sur le bulletin […] demandé, le bulletin délivré porte la mention « néant »": true when
    no decision is to be shown. Each bulletin number is decided on its own."""
    return not any(r.included for r in rulings)


def erased(due: ErasureDue) -> Ruling:
    """Art 3, last paragraph — once the person died or reached 100 years, no inscription is shown
    on any bulletin, even before the daily erasure has run (R-ERASE-1)."""
    return Ruling(False, f"inscriptions à effacer : {due.reason}", due.article)


def erased_person(erased_on: date, reason: str) -> Ruling:
    """Art 3, last paragraph — an erased person's register holds nothing to show: "néant".
    ``reason`` is the one recorded at erasure."""
    return Ruling(False, f"inscriptions effacées le {day(erased_on)} ({reason})", "3 al.3")
