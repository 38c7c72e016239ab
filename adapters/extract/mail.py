"""The e-mail telling the person that an extract is ready (smtplib): where to fetch it, and nothing of
its content — no decision, no bulletin number's result, not even « néant»."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from adapters.settings import Settings, SettingsError
from gateway.errors import GatewayError

SUBJECT = "Votre extrait du casier judiciaire est disponible"


class MailNotSent(GatewayError):
    """The SMTP server could not be reached or refused the message."""


def notice_text(*, document_number: str, download_url: str) -> str:
    return (
        "Madame, Monsieur,\n\n"
        "L'extrait du casier judiciaire que vous avez demandé est prêt. Vous pouvez le télécharger dans votre "
        f"espace privé MyGuichet.lu, onglet « Mes communications » : {download_url}\n\n"
        f"Référence du document : {document_number}\n\n"
        "Pour des raisons de confidentialité, ce message ne contient aucune information de votre casier "
        "judiciaire.\n\n"
        "Parquet général — Service du casier judiciaire\n"
    )


def send_ready_notice(settings: Settings, *, to: str, document_number: str) -> None:
    """Send the notice through ``smtp_host``:``smtp_port`` from ``smtp_from``."""
    if not settings.smtp_host:
        raise SettingsError("smtp_host is not set: the e-mail cannot be sent (ECRIS_GATEWAY_SMTP_HOST)")
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = SUBJECT
    message.set_content(notice_text(document_number=document_number, download_url=settings.extract_download_url))
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailNotSent(f"le courriel n'a pas pu être envoyé par {settings.smtp_host}:{settings.smtp_port} "
                          f"({type(error).__name__})") from None
