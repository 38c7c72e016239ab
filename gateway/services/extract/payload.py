"""The verification payload of the QR code: compact, signed, readable without the register.

Format (version ``1``): ``BASE64URL(body) "." BASE64URL(signature)``, no padding, where ``body`` is the
canonical JSON array ``[1, document number, bulletin number, surname, forenames, birth date, issue date,
néant (1/0), BASE64URL(sha256 of the content)]`` and the signature is the authority's (Ed25519) over the
body's bytes. Only characters safe in a URL path: the QR code holds ``<base>/verify/<payload>``."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from gateway.errors import InvalidRequest

VERSION = 1

Sign = Callable[[bytes], bytes]
"""The authority's signature of some bytes."""

CheckSignature = Callable[[bytes, bytes], bool]
"""True when the signature (second) is the authority's over the bytes (first)."""


class MalformedPayload(InvalidRequest):
    """A string that is not a verification payload of this format."""


@dataclass(frozen=True, slots=True)
class PayloadFields:
    document_number: str
    bulletin_number: int
    surname: str
    forenames: str
    birth: str
    issued_on: date
    nil: bool
    digest: str
    """Base64url of the content's SHA-256."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    if not text or any(c not in _ALPHABET for c in text):
        raise MalformedPayload("le code contient des caractères étrangers au format")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise MalformedPayload("le code n'est pas du base64url valide") from None


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def body_of(fields: PayloadFields) -> bytes:
    """The canonical bytes that are signed."""
    array = [VERSION, fields.document_number, fields.bulletin_number, fields.surname, fields.forenames,
             fields.birth, fields.issued_on.isoformat(), 1 if fields.nil else 0, fields.digest]
    return json.dumps(array, ensure_ascii=False, separators=(",", ":")).encode()


def sign_payload(fields: PayloadFields, sign: Sign) -> str:
    body = body_of(fields)
    return f"{b64url(body)}.{b64url(sign(body))}"


def read_payload(payload: str) -> tuple[PayloadFields, bytes, bytes]:
    """The fields, the signed body and the signature; MalformedPayload when it does not read."""
    parts = payload.strip().split(".")
    if len(parts) != 2:
        raise MalformedPayload("le code n'a pas la forme « contenu.signature »")
    body, signature = _unb64url(parts[0]), _unb64url(parts[1])
    try:
        array = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise MalformedPayload("le contenu du code ne se lit pas") from None
    if not isinstance(array, list) or len(array) != 9 or array[0] != VERSION:
        raise MalformedPayload("le contenu du code n'a pas la forme attendue (version 1)")
    _, number, bulletin, surname, forenames, birth, issued, nil, digest = array
    if not (isinstance(number, str) and isinstance(bulletin, int) and isinstance(surname, str)
            and isinstance(forenames, str) and isinstance(birth, str) and isinstance(issued, str)
            and nil in (0, 1) and isinstance(digest, str)):
        raise MalformedPayload("le contenu du code n'a pas la forme attendue (version 1)")
    try:
        issued_on = date.fromisoformat(issued)
    except ValueError:
        raise MalformedPayload("la date de délivrance du code ne se lit pas") from None
    fields = PayloadFields(number, bulletin, surname, forenames, birth, issued_on, nil == 1, digest)
    return fields, body, signature
