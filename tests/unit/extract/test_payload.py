"""The QR payload: signed, compact, and any change to it, or another key, makes verification fail."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from gateway.services.extract.payload import PayloadFields, read_payload, sign_payload
from gateway.services.extract.register import IssuedExtract
from gateway.services.extract.verify import verify_payload

FIELDS = PayloadFields("CJ-2026-ABCD-EFGH", 3, "BENALI", "Youssef", "1990-07-18", date(2026, 11, 23), False,
                       "csXwDhZCooIZSKQFZqvQhPq33UJ7UFuhaiiKt6oeVI8")
KEY = Ed25519PrivateKey.generate()


def _check(key: Ed25519PrivateKey):  # type: ignore[no-untyped-def]
    def check(body: bytes, signature: bytes) -> bool:
        try:
            key.public_key().verify(signature, body)
        except InvalidSignature:
            return False
        return True

    return check


class Register:
    def __init__(self, *records: IssuedExtract) -> None:
        self.records = {r.document_number: r for r in records}

    def get(self, number: str) -> IssuedExtract | None:
        return self.records.get(number)


def _issued(payload: str, **changes: object) -> IssuedExtract:
    values: dict[str, object] = {
        "document_number": FIELDS.document_number, "person_id": "1990071811111", "bulletin_number": 3,
        "issued_on": FIELDS.issued_on, "issued_at": datetime(2026, 11, 23, 9, tzinfo=UTC), "issued_by": "clerk",
        "nil": False, "digest": FIELDS.digest, "payload": payload, **changes}
    return IssuedExtract(**values)  # type: ignore[arg-type]


def test_the_payload_reads_back_the_fields_it_was_signed_with_and_fits_a_qr_code() -> None:
    payload = sign_payload(FIELDS, KEY.sign)
    fields, _, _ = read_payload(payload)
    assert fields == FIELDS
    assert len(payload) < 300
    assert set(payload) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def test_an_issued_payload_is_authentic() -> None:
    payload = sign_payload(FIELDS, KEY.sign)
    result = verify_payload(payload, check_signature=_check(KEY), register=Register(_issued(payload)))
    assert result.authentic
    assert [c.name for c in result.checks] == ["signature", "register", "revocation"]


def test_changing_one_character_of_the_payload_breaks_the_signature() -> None:
    payload = sign_payload(FIELDS, KEY.sign)
    register = Register(_issued(payload))
    for position in (5, 40, len(payload) - 3):
        swapped = "B" if payload[position] != "B" else "C"
        tampered = payload[:position] + swapped + payload[position + 1:]
        result = verify_payload(tampered, check_signature=_check(KEY), register=register)
        assert not result.authentic
        failed = {c.name for c in result.checks if not c.ok}
        assert failed & {"payload", "signature"}, (position, result.checks)


def test_a_payload_signed_with_another_key_is_not_the_authority_s() -> None:
    other = Ed25519PrivateKey.generate()
    forged = sign_payload(FIELDS, other.sign)
    result = verify_payload(forged, check_signature=_check(KEY), register=Register(_issued(sign_payload(FIELDS, KEY.sign))))
    assert not result.authentic
    signature = next(c for c in result.checks if c.name == "signature")
    assert not signature.ok and "signature non valide" in signature.reason


def test_a_revoked_extract_is_not_authentic_and_says_when() -> None:
    payload = sign_payload(FIELDS, KEY.sign)
    revoked = _issued(payload, revoked_at=datetime(2026, 11, 24, 8, tzinfo=UTC), revoked_by="clerk",
                      revocation_reason="délivré par erreur")
    result = verify_payload(payload, check_signature=_check(KEY), register=Register(revoked))
    assert not result.authentic
    assert [c.reason for c in result.checks if not c.ok] == ["extrait révoqué le 24/11/2026"]
    assert "revocation_reason" not in result.to_json(public=True)
    assert result.to_json(public=False)["revocation_reason"] == "délivré par erreur"


def test_a_well_signed_payload_the_register_never_issued_is_not_authentic() -> None:
    payload = sign_payload(FIELDS, KEY.sign)
    result = verify_payload(payload, check_signature=_check(KEY), register=Register())
    assert not result.authentic
    assert "n'a été délivré" in next(c.reason for c in result.checks if c.name == "register")


def test_garbage_is_reported_unreadable_not_raised() -> None:
    result = verify_payload("not-a-payload", check_signature=_check(KEY), register=Register())
    assert not result.authentic and result.document is None
    assert result.checks[0].name == "payload"
