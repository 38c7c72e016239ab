"""The QR code (segno) drawn as vector squares on the PDF page, and read back from a rendered page
(pypdfium2 renders, zxing-cpp decodes)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import segno
import zxingcpp
from reportlab.lib import colors
from reportlab.platypus import Flowable

from gateway.errors import GatewayError


class NoQrCode(GatewayError):
    """The file is not a PDF, or no page of it shows a readable QR code (exit status 1)."""


class QrCode(Flowable):
    """A ``size``×``size`` points QR code of ``text`` (error correction M, quiet zone 4), drawn as one path
    of dark runs: vector, crisp at any zoom, and quick to draw."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.matrix = [list(row) for row in segno.make_qr(text, error="m", boost_error=False).matrix]
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        canvas = self.canv
        cell = self.size / (len(self.matrix) + 8)
        path = canvas.beginPath()
        for y, row in enumerate(self.matrix):
            x = 0
            while x < len(row):  # one rectangle per run of dark modules
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < len(row) and row[x]:
                    x += 1
                path.rect((start + 4) * cell, self.size - (y + 5) * cell, (x - start) * cell, cell)
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)


def qr_version(text: str) -> int:
    return int(segno.make_qr(text, error="m", boost_error=False).version)


def read_qr_from_pdf(path: Path, *, scale: float = 3.0) -> str:
    """The text of the first QR code found on the pages of the PDF at ``path``, rendered as images."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as error:
        raise NoQrCode(f"{path} ne se lit pas comme un PDF ({error})") from None
    try:
        for page in document:
            image = page.render(scale=scale).to_pil()
            for result in zxingcpp.read_barcodes(image):
                if result.format == zxingcpp.BarcodeFormat.QRCode and result.text:
                    return str(result.text)
    finally:
        document.close()
    raise NoQrCode(f"aucun code QR lisible dans {path}")
