"""The extract as a PDF (reportlab): an official document in French, one or two A4 pages.

Header with the authority, title and bulletin number, the identity, a table of the decisions or
« NÉANT », the date and place of issue with the legal basis, the Art 8-5 retention limits, and the QR
code with a line telling how to verify it. The Art 8-5 limits also travel as the PDF's metadata."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from adapters.extract.qr import QrCode
from gateway.law.wording import day
from gateway.services.extract.content import ExtractContent

AUTHORITY = "Parquet général — Service du casier judiciaire"
COUNTRY = "GRAND-DUCHÉ DE LUXEMBOURG"
ADDRESS = "Cité judiciaire, L-2080 Luxembourg"
LAW = "loi du 29 mars 2013 relative à l'organisation du casier judiciaire"
NAVY = colors.HexColor("#1f3a5f")
PALE = colors.HexColor("#eef2f7")
GREY = colors.HexColor("#555555")

_BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12.5)
STYLES = {
    "country": ParagraphStyle("country", parent=_BASE, fontSize=8, textColor=GREY, leading=10),
    "authority": ParagraphStyle("authority", parent=_BASE, fontName="Helvetica-Bold", fontSize=11, textColor=NAVY),
    "address": ParagraphStyle("address", parent=_BASE, fontSize=8, textColor=GREY, leading=10),
    "docno": ParagraphStyle("docno", parent=_BASE, fontSize=8.5, alignment=2, leading=11),
    "title": ParagraphStyle("title", parent=_BASE, fontName="Helvetica-Bold", fontSize=17, leading=21,
                            alignment=TA_CENTER, textColor=NAVY, spaceBefore=6),
    "subtitle": ParagraphStyle("subtitle", parent=_BASE, fontSize=9.5, alignment=TA_CENTER, textColor=GREY),
    "heading": ParagraphStyle("heading", parent=_BASE, fontName="Helvetica-Bold", fontSize=10.5, textColor=NAVY,
                              spaceBefore=9, spaceAfter=4),
    "label": ParagraphStyle("label", parent=_BASE, textColor=GREY),
    "cell": ParagraphStyle("cell", parent=_BASE, fontSize=8.5, leading=11),
    "cellbold": ParagraphStyle("cellbold", parent=_BASE, fontName="Helvetica-Bold", fontSize=8.5, leading=11),
    "nil": ParagraphStyle("nil", parent=_BASE, fontName="Helvetica-Bold", fontSize=20, leading=26,
                          alignment=TA_CENTER, textColor=NAVY),
    "small": ParagraphStyle("small", parent=_BASE, fontSize=7.5, leading=9.5),
}


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _header(content: ExtractContent) -> Table:
    left = [_p(COUNTRY, "country"), _p(AUTHORITY, "authority"), _p(ADDRESS, "address")]
    right = [_p(f"Document n° {content.document_number}", "docno"),
             _p(f"Délivré le {day(content.issued_on)}", "docno")]
    table = Table([[left, right]], colWidths=[115 * mm, 55 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, NAVY),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _identity(content: ExtractContent) -> Table:
    rows = [[_p(label, "label"), _p(value, "cellbold")] for label, value in content.text.identity]
    table = Table(rows, colWidths=[45 * mm, 125 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PALE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _decisions(content: ExtractContent) -> list[Any]:
    if content.nil:
        box = Table([[_p("NÉANT", "nil")],
                     [_p("Aucune décision inscrite au casier judiciaire luxembourgeois n'est à porter sur ce "
                         "bulletin (art. 8-4 de la loi du 29 mars 2013) : il porte la mention « néant ».",
                         "subtitle")]], colWidths=[170 * mm])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, NAVY), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [box]
    rows: list[list[Any]] = [[_p("N°", "cellbold"), _p("Décision", "cellbold"),
                              _p("Infractions, peines et mentions", "cellbold"), _p("Art.", "cellbold")]]
    for index, block in enumerate(content.text.decisions, start=1):
        rows.append([_p(str(index)), _p(block.heading), [_p(line) for line in block.lines] or _p("—"),
                     _p(block.article)])
    table = Table(rows, colWidths=[9 * mm, 62 * mm, 82 * mm, 17 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), PALE), ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa8b8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [table]


def _verification(content: ExtractContent, verify_url: str, verify_base_url: str) -> Table:
    text = [
        _p("Vérifier l'authenticité de ce document", "cellbold"),
        _p("Scannez ce code QR avec un téléphone : il ouvre la page de vérification du Service du casier "
           f"judiciaire ({verify_base_url.rstrip('/')}/verify/…), qui indique si l'extrait est authentique, "
           "conforme au registre des extraits délivrés et non révoqué. Le code, signé par l'autorité, contient "
           "le numéro du document, le numéro du bulletin, le nom, la date de naissance, la date de délivrance, "
           "la mention « néant » ou non et l'empreinte (SHA-256) du contenu."),
        _p(f"Document n° {content.document_number}", "cellbold"),
    ]
    table = Table([[QrCode(verify_url, 42 * mm), text]], colWidths=[46 * mm, 124 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOX", (0, 0), (-1, -1), 0.5, GREY)]))
    return table


def render_extract_pdf(content: ExtractContent, *, verify_url: str, verify_base_url: str) -> bytes:
    """The PDF's bytes."""
    out = io.BytesIO()
    retention = " ".join(f"Art. {article} : {text}" for article, text in content.retention)
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
        title=f"{content.title} — {content.document_number}", author=AUTHORITY,
        subject=f"Délais de conservation (art. 8-5) : {retention}", creator="ecris-gateway",
    )
    story: list[Any] = [
        _header(content),
        _p("EXTRAIT DU CASIER JUDICIAIRE", "title"),
        _p(f"{content.title} — art. {content.content_article} de la {LAW}", "subtitle"),
        _p("Personne concernée", "heading"), _identity(content),
        _p("Décisions portées au bulletin", "heading"), *_decisions(content),
    ]
    if content.text.foreign:
        story += [_p("Réponses des autres États membres (art. 14), telles que reçues", "heading"),
                  *[_p(line, "cellbold" if line.startswith("Réponse") else "cell")
                    for line in content.text.foreign[1:]]]
    story += [
        Spacer(1, 8),
        _p(f"Fait à {content.place}, le {day(content.issued_on)} ; {content.delivered_to}, en vertu de "
           f"l'article {content.legal_basis} de la {LAW}.", "cell"),
        _p("Délais de conservation imposés au destinataire (art. 8-5)", "heading"),
        *[_p(f"• Art. {article} — {text}", "small") for article, text in content.retention],
        Spacer(1, 8),
        KeepTogether(_verification(content, verify_url, verify_base_url)),
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(20 * mm, 10 * mm, f"{AUTHORITY} — document n° {content.document_number}")
        canvas.drawRightString(190 * mm, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
