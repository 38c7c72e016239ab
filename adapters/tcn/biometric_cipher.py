"""Encryption at rest of the police's biometric files: AES-256-GCM (``cryptography``).

The key is the setting ``tcn_biometrics_key`` (``ECRIS_GATEWAY_TCN_BIOMETRICS_KEY``): base64 of 32 random
bytes (``openssl rand -base64 32``; ``new_key()`` for tests and demos; in production it comes from the
operator's secret store). Each file gets a fresh 96-bit nonce; the person and
the kind of file are authenticated with it, so a blob moved to another row does not decrypt. Stored form:
``b"v1" + nonce + ciphertext-with-tag``.
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gateway.errors import GatewayError

FORMAT = b"v1"
NONCE_BYTES = 12
KEY_BYTES = 32


class BiometricKeyMissing(GatewayError):
    """No key is configured: the gateway refuses to store or read a biometric file in clear."""


class BiometricKeyInvalid(GatewayError):
    """The configured key is not base64 of 32 bytes."""


class BiometricDecryptionFailed(GatewayError):
    """The stored file does not decrypt with the configured key (another key, or an altered file)."""


def new_key() -> str:
    """A fresh key, as the setting expects it (base64)."""
    return base64.b64encode(AESGCM.generate_key(bit_length=256)).decode("ascii")


def _associated(person_id: str, kind: str) -> bytes:
    return f"ecris-gateway tcn biometric file|{person_id}|{kind}".encode()


class BiometricCipher:
    def __init__(self, key: str | None) -> None:
        if not key:
            raise BiometricKeyMissing(
                "no key to encrypt biometric files: set tcn_biometrics_key (ECRIS_GATEWAY_TCN_BIOMETRICS_KEY); "
                "`openssl rand -base64 32` makes one")
        try:
            raw = base64.b64decode(key.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise BiometricKeyInvalid("tcn_biometrics_key is not base64") from None
        if len(raw) != KEY_BYTES:
            raise BiometricKeyInvalid(f"tcn_biometrics_key must decode to {KEY_BYTES} bytes (AES-256)")
        self._aead = AESGCM(raw)

    def encrypt(self, content: bytes, *, person_id: str, kind: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return FORMAT + nonce + self._aead.encrypt(nonce, content, _associated(person_id, kind))

    def decrypt(self, blob: bytes, *, person_id: str, kind: str) -> bytes:
        if not blob.startswith(FORMAT) or len(blob) < len(FORMAT) + NONCE_BYTES + 16:
            raise BiometricDecryptionFailed("the stored biometric file is not in a known encrypted form")
        nonce = blob[len(FORMAT):len(FORMAT) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[len(FORMAT) + NONCE_BYTES:], _associated(person_id, kind))
        except InvalidTag:
            raise BiometricDecryptionFailed(
                "the biometric file does not decrypt with the configured key (another key, or an altered file)"
            ) from None
