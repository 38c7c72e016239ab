"""The answer of a rule: what it decided, why, and under which article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ruling:
    """``included`` is the rule's verdict; ``article`` a reference such as ``8-1(1) 5)``."""

    included: bool
    reason: str
    article: str
