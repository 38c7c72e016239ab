"""Fingerprint attachments (``MessageDataFingerprints`` and ``MessageDataFingerprintsPush``), both ways."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import NIST_MIME_TYPE, UNKNOWN_TEXT, BinaryAttachment

from .errors import DecodeError, EncodeError
from .namespaces import Element, M
from .reading import as_int, kids, need, one, required_text, text_of, unknown_to_none
from .texts import collapsed_ml_of, ml_of, put_ml
from .writer import Writer, put, put_int


def put_attachment(w: Writer, attachment: BinaryAttachment | None, *, push: bool) -> None:
    """``MessageDataFingerprints`` (metadata only) or ``MessageDataFingerprintsPush`` (with the content)."""
    if attachment is None:
        return
    if push and attachment.content is None:
        raise EncodeError("a Push message carries the fingerprint file's content")
    if not push and attachment.content is not None:
        raise EncodeError("only the Push messages carry fingerprint file content")
    w.open(M.MessageDataFingerprintsPush if push else M.MessageDataFingerprints)
    w.leaf(M.BinaryAttachmentID, attachment.id)
    w.leaf(M.BinaryAttachmentMimeType, attachment.mime_type)
    w.leaf(M.BinaryAttachmentFileName, attachment.file_name or UNKNOWN_TEXT)
    put_ml(w, M.BinaryAttachmentTitle, attachment.title)
    put_int(w, M.BinaryAttachmentFileSize, attachment.file_size_kb)
    put_ml(w, M.BinaryAttachmentComment, attachment.comment)
    put(w, M.BinaryAttachmentMD5Hash, attachment.md5)
    if push and attachment.content is not None:
        import base64

        w.leaf(M.BinaryAttachmentContent, base64.b64encode(attachment.content).decode("ascii"))
    w.close()


def attachment_of(grouped: dict[Any, list[Element]], *, push: bool) -> BinaryAttachment | None:
    element = one(grouped, M.MessageDataFingerprintsPush if push else M.MessageDataFingerprints)
    if element is None:
        return None
    attachment = kids(element)
    content = None
    if push:
        import base64
        import binascii

        try:
            content = base64.b64decode(
                "".join((need(attachment, M.BinaryAttachmentContent).text or "").split())
            )
        except (binascii.Error, ValueError):
            raise DecodeError("BinaryAttachmentContent is not base64") from None
    return BinaryAttachment(
        id=required_text(attachment, M.BinaryAttachmentID),
        mime_type=text_of(attachment, M.BinaryAttachmentMimeType, NIST_MIME_TYPE) or NIST_MIME_TYPE,
        file_name=unknown_to_none(text_of(attachment, M.BinaryAttachmentFileName)),
        title=collapsed_ml_of(one(attachment, M.BinaryAttachmentTitle)),
        file_size_kb=as_int(text_of(attachment, M.BinaryAttachmentFileSize), "BinaryAttachmentFileSize"),
        comment=ml_of(one(attachment, M.BinaryAttachmentComment)),
        md5=text_of(attachment, M.BinaryAttachmentMD5Hash),
        content=content,
    )
