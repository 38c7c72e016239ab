"""The register → ECRIS mapping against the official ECRIS v1.0 package (read from ../shared, never copied):
every notification built from the demo register, and a RequestResponse carrying a national and a foreign
conviction, validate against the official XSDs with lxml AND xmlschema (which also enforces xsd:ID/IDREF)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from adapters.files.reference_tables import load_project_tables
from adapters.files.register_format import read_file
from adapters.xml.codec import encode, to_bytes
from gateway.model.conviction import DecisionKind, LaterDecision, LaterDecisionType
from gateway.model.exchange import (
    EcrisMessage,
    MessageId,
    MessageMetadata,
    MessageType,
    RequestResponse,
    Text,
)
from gateway.model.person import NaturalPerson
from gateway.services import ecris_mapping as mapping
from tests.conformance.official import official_lxml, official_xmlschema

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.shared  # skipped without ../shared, failed when CI is set (tests/conftest.py)

PERSONS, _ = read_file(ROOT / "demo" / "register-sample.json")
TABLES = load_project_tables()
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _assert_official(message: EcrisMessage) -> None:
    element = encode(message)
    assert official_lxml().validate(element) == []
    errors = list(official_xmlschema().iter_errors(to_bytes(element)))
    assert errors == [], [str(e.reason) for e in errors]


PARDON = LaterDecision(LaterDecisionType.PARDON, date(2026, 2, 1), "grâce grand-ducale")


def _notifications() -> list[tuple[str, EcrisMessage]]:
    """Each notifiable decision of the demo register as sent first, as an update after a pardon
    (Art 12(1)) and as a deletion (Art 12(2), AMB-14) under the same conviction ID."""
    out: list[tuple[str, EcrisMessage]] = []
    serial = 0
    for person in PERSONS:
        if not isinstance(person, NaturalPerson):
            continue
        for decision in person.decisions:
            if not decision.is_national or decision.kind is DecisionKind.SUSPENSION_OF_PRONOUNCEMENT:
                continue
            serial += 1
            conviction_id = f"LU-C-{serial:015d}"
            message = mapping.notification_for(
                person, decision, message_id=serial, receiver="PT", now=NOW,
                conviction_id=conviction_id, tables=TABLES,
            )
            out.append((f"{person.id}/{decision.id}", message))
            pardoned = replace(decision, later_decisions=(*decision.later_decisions, PARDON))
            holder = replace(person, decisions=tuple(pardoned if d.id == decision.id else d for d in person.decisions))
            update = mapping.notification_for(
                holder, pardoned, message_id=serial + 1000, receiver="PT", now=NOW,
                conviction_id=conviction_id, tables=TABLES, update=True,
            )
            said = "Mise à jour (art. 12 de la loi du 29 mars 2013) : grâce du 01/02/2026."
            out.append((f"{person.id}/{decision.id}/update", replace(update, remarks=(Text(said, "fr"),))))
            out.append((f"{person.id}/{decision.id}/deletion", mapping.notification_for(
                person, decision, message_id=serial + 2000, receiver="PT", now=NOW,
                conviction_id=conviction_id, tables=TABLES, deletion="inscriptions effacées du casier (AMB-14)",
            )))
    return out


NOTIFICATIONS = _notifications()


@pytest.mark.parametrize(("name", "message"), NOTIFICATIONS, ids=[name for name, _ in NOTIFICATIONS])
def test_mapped_notifications_validate_against_the_official_xsds(name: str, message: EcrisMessage) -> None:
    _assert_official(message)


def test_a_mapped_request_response_validates_against_the_official_xsds() -> None:
    schmit = next(p for p in PERSONS if p.id == "1979110254321")
    national, foreign = schmit.decisions
    _assert_official(
        RequestResponse(
            metadata=MessageMetadata(
                MessageId("LU", "FR", MessageType.REQUEST_RESPONSE, 3),
                NOW,
                response_to=MessageId("FR", "LU", MessageType.REQUEST, 9),
            ),
            person=mapping.person_identity_of(schmit, tables=TABLES),
            response_type="RRT-00-00",
            convictions=mapping.convictions_of(
                schmit, [(national, "LU-C-000000000000005"), (foreign, "DE-C-000000000000123")], tables=TABLES
            ),
        )
    )
