"""The authority's Ed25519 key (cryptography): sign the QR payloads, check them, make a development key.

Keys come from the settings ``extract_signing_key`` / ``extract_public_key``: a PEM file's path or the PEM
text itself. A development key pair is made by ``extract dev-key``; never commit one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from adapters.settings import Settings, SettingsError


def _pem(value: str, setting: str) -> bytes:
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    path = Path(value).expanduser()
    try:
        return path.read_bytes()
    except OSError as error:
        raise SettingsError(f"{setting}: {path} cannot be read ({error.strerror})") from None


def private_key(settings: Settings) -> Ed25519PrivateKey:
    if not settings.extract_signing_key:
        raise SettingsError("extract_signing_key is not set: the extracts cannot be signed "
                            "(ECRIS_GATEWAY_EXTRACT_SIGNING_KEY; `ecris-gateway extract dev-key` makes a "
                            "development key)")
    try:
        key = serialization.load_pem_private_key(_pem(settings.extract_signing_key, "extract_signing_key"), None)
    except (ValueError, TypeError):
        raise SettingsError("extract_signing_key: not an unencrypted PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SettingsError("extract_signing_key: an Ed25519 key is expected")
    return key


def public_key(settings: Settings) -> Ed25519PublicKey:
    if not settings.extract_public_key:
        return private_key(settings).public_key()
    try:
        key = serialization.load_pem_public_key(_pem(settings.extract_public_key, "extract_public_key"))
    except (ValueError, TypeError):
        raise SettingsError("extract_public_key: not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SettingsError("extract_public_key: an Ed25519 key is expected")
    return key


def signer(settings: Settings) -> Callable[[bytes], bytes]:
    return private_key(settings).sign


def signature_checker(settings: Settings) -> Callable[[bytes, bytes], bool]:
    key = public_key(settings)

    def check(body: bytes, signature: bytes) -> bool:
        try:
            key.verify(signature, body)
        except InvalidSignature:
            return False
        return True

    return check


def write_development_key(private_path: Path, public_path: Path) -> None:
    """A fresh Ed25519 key pair as PEM files (the private one readable by its owner only)."""
    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    private_path.chmod(0o600)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))
