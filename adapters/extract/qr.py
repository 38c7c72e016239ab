"""The QR code (segno) drawn as vector squares on the PDF page, and read back from a rendered page
(pypdfium2 renders, zxing-cpp decodes)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import segno
import zxingcpp
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors

from gateway.errors import GatewayError


class NoQrCode(GatewayError):
    """The file is not a PDF, or no page of it shows a readable QR code (exit status 1)."""


def qr_drawing(text: str, size: float) -> Drawing:
    """A ``size``×``size`` points drawing of the QR code of ``text`` (error correction M, quiet zone 4)."""
    code = segno.make_qr(text, error="m", boost_error=False)
    matrix = [list(row) for row in code.matrix]
    modules = len(matrix) + 8
    cell = size / modules
    drawing = Drawing(size, size)
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):  # one rectangle per run of dark modules: fewer shapes, no seams
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            module = Rect((start + 4) * cell, size - (y + 5) * cell, (x - start) * cell, cell)
            module.fillColor, module.strokeColor, module.strokeWidth = colors.black, None, 0
            drawing.add(module)
    return drawing


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
