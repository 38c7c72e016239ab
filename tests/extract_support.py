"""Helpers of the extract's tests: a development key pair, reading a PDF's text layer and QR code."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def pem_key() -> str:
    """A fresh Ed25519 private key as PEM text (the setting accepts the PEM itself)."""
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def public_pem_of(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), None)
    assert isinstance(key, Ed25519PrivateKey)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pdf_page_count(path: Path) -> int:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def qr_texts_of_rendered_pages(path: Path) -> list[str]:
    """Every QR code found on the pages rendered as images (150 dpi), decoded by zxing-cpp."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        found = []
        for page in document:
            image = page.render(scale=150 / 72).to_pil()
            assert image.width > 1000 and image.getextrema() != ((255, 255), (255, 255), (255, 255))
            found += [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        return found
    finally:
        document.close()
