"""What an extract says, as plain data: the canonical content whose digest the QR code carries.

The digest covers the content (title, identity, decisions, mentions), not the PDF's bytes: the same
extract rendered again, or printed and scanned, keeps its digest."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class DecisionBlock:
    """One decision as printed: ``heading`` (kind, date, court), ``lines`` (offences, penalties),
    ``article`` the rule that put it on the bulletin."""

    heading: str
    lines: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class ExtractText:
    """The person and the decisions in French, as composed by the text adapter."""

    surname: str
    forenames: str
    birth: str
    """ISO date, possibly partial (``1985``, ``1985-03``), or empty when unknown."""
    identity: tuple[tuple[str, str], ...]
    """(label, value) rows of the identity block."""
    decisions: tuple[DecisionBlock, ...]
    foreign: tuple[str, ...] = ()
    """The answers of other Member States (Art 14(1)), as received (AMB-21)."""


@dataclass(frozen=True, slots=True)
class ExtractContent:
    """Everything printed on the extract but the QR code and the verification line."""

    document_number: str
    bulletin_number: int
    person_id: str
    issued_on: date
    issued_at: datetime
    place: str
    nil: bool
    title: str
    legal_basis: str
    delivered_to: str
    """To whom the law lets it be delivered, e.g. « délivré à la personne concernée »."""
    content_article: str
    text: ExtractText
    retention: tuple[tuple[str, str], ...]
    """(article, text) of each Art 8-5 limit."""

    def canonical(self) -> bytes:
        """Canonical JSON (sorted keys, no spaces, UTF-8) of the content."""
        shape = asdict(self)
        shape["issued_on"] = self.issued_on.isoformat()
        shape["issued_at"] = self.issued_at.isoformat()
        return json.dumps(shape, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    def digest(self) -> bytes:
        """SHA-256 of the canonical content."""
        return hashlib.sha256(self.canonical()).digest()
