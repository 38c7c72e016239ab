"""``GET /verify/<payload>`` beside the ECRIS endpoint: JSON (Accept: application/json) or a small page
for a phone. It shows only what the payload itself holds, and the three checks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote
from xml.sax.saxutils import escape

from adapters.text.french import birth_fr
from gateway.errors import GatewayError
from gateway.law.wording import day
from gateway.services.extract.verify import Verification

PREFIX = "/verify/"
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def verification_page(result: Verification) -> str:
    verdict = "Document authentique" if result.authentic else "Document NON authentique"
    colour = "#1b6e3a" if result.authentic else "#a4161a"
    rows = ""
    if result.document is not None:
        d = result.document
        name = " ".join(x for x in (d.surname, d.forenames) if x) or "—"
        rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in (
            ("Document n°", d.document_number), ("Bulletin", f"N°{d.bulletin_number}"), ("Nom", name),
            ("Né(e) le", birth_fr(d.birth) or "—"), ("Délivré le", day(d.issued_on)),
            ("Mention", "néant" if d.nil else "décision(s) inscrite(s)")))
    checks = "".join(f"<li>{'✔' if c.ok else '✘'} {escape(c.reason)}</li>" for c in result.checks)
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Vérification d'un extrait du casier judiciaire</title><style>"
        "body{font-family:system-ui,sans-serif;margin:1rem;max-width:32rem}"
        f"h1{{font-size:1.3rem;color:{colour}}}th{{text-align:left;color:#555;padding-right:1rem}}"
        "li{margin:.3rem 0}</style></head><body>"
        "<p>Parquet général — Service du casier judiciaire</p>"
        f"<h1>{verdict}</h1><table>{rows}</table><ul>{checks}</ul></body></html>"
    )


def with_verification(app: WsgiApp, verify: Callable[[str], Verification]) -> WsgiApp:
    """``app`` with ``GET /verify/<payload>`` answered in front of it."""

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        if not path.startswith(PREFIX):
            return app(environ, start_response)
        if environ.get("REQUEST_METHOD", "GET") not in {"GET", "HEAD"}:
            start_response("405 Method Not Allowed", [("Allow", "GET"), ("Content-Type", "text/plain")])
            return [b"GET /verify/<payload>\n"]
        try:
            result = verify(unquote(path[len(PREFIX):]))
        except GatewayError:  # no public key configured: say so without detail
            start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8")])
            return ["vérification indisponible\n".encode()]
        status = "200 OK"
        if "application/json" in environ.get("HTTP_ACCEPT", ""):
            body = json.dumps(result.to_json(public=True), ensure_ascii=False).encode()
            media = "application/json"
        else:
            body = verification_page(result).encode()
            media = "text/html; charset=utf-8"
        start_response(status, [("Content-Type", media), ("Content-Length", str(len(body))),
                                ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")])
        return [body]

    return wsgi
