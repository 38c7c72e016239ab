"""The message element with its ``MessageMetaData`` (ID, timestamp, ResponseTo), and its ``MessageData``."""

from __future__ import annotations

from typing import Any

from gateway.model.exchange import MessageId, MessageMetadata
from gateway.model.reference_tables import FunctionalErrorCode

from .dates import as_datetime, put_timestamp
from .errors import DecodeError
from .namespaces import Element, M, S
from .reading import kids, need, required_text, text_of
from .writer import Writer


def start_message(element_name: str, metadata: MessageMetadata) -> Writer:
    """The message element with its ``MessageMetaData`` filled in and its ``MessageData`` open."""
    w = Writer(getattr(S, element_name))
    w.open(M.MessageMetaData)
    w.leaf(M.MessageMetaDataMessageID, str(metadata.message_id))
    put_timestamp(w, M.MessageMetaDataTimestamp, metadata.timestamp)
    if metadata.response_to is not None:
        w.leaf(M.MessageMetaDataResponseTo, str(metadata.response_to))
    w.close()
    w.open(M.MessageData)
    return w


def metadata_of(element: Element) -> MessageMetadata:
    grouped = kids(need(kids(element), M.MessageMetaData))
    try:
        message_id = MessageId.parse(required_text(grouped, M.MessageMetaDataMessageID))
        response_to_text = text_of(grouped, M.MessageMetaDataResponseTo)
        response_to = MessageId.parse(response_to_text) if response_to_text else None
    except ValueError as error:
        raise DecodeError(str(error), FunctionalErrorCode.MESSAGE_ID_MISMATCH) from None
    timestamp = as_datetime(required_text(grouped, M.MessageMetaDataTimestamp), "MessageMetaDataTimestamp")
    return MessageMetadata(message_id, timestamp, response_to)


def message_data(element: Element) -> dict[Any, list[Element]]:
    return kids(need(kids(element), M.MessageData))
