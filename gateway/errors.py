"""One exception hierarchy for the whole gateway, rooted in ``GatewayError``."""

from __future__ import annotations

from dataclasses import dataclass


class GatewayError(Exception):
    """Base of every error the gateway raises on purpose; its message is safe to show a clerk."""

    exit_status = 1


class NotFound(GatewayError):
    """The person, decision or message asked for does not exist."""

    exit_status = 2


class InvalidRequest(GatewayError):
    """A request the law or the contract does not allow (e.g. bulletin N°4 of a legal person)."""

    exit_status = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in an input, located as ``PERSON_ID[/DECISION_ID][/field]``."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class InvalidInput(GatewayError):
    """An input rejected whole, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UncertainIdentity(GatewayError):
    """An identity the register cannot tie to one person with certainty: a clerk must decide (Art 3)."""

    exit_status = 2
