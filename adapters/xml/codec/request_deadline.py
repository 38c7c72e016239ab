"""RequestDeadlineMessage (``deliverRequestDeadline``): the requested MS announces the legal reply deadline
(Art 8 FD 2009/315/JHA), answering a REQ."""

from __future__ import annotations

from gateway.model.exchange import RequestDeadline

from .contact import contact_of, put_contact
from .dates import as_date
from .errors import DecodeError
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .reading import one, required_text
from .texts import ml_of, put_ml


def encode_request_deadline(message: RequestDeadline) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    w.leaf(M.MessageDataDeadline, message.deadline.isoformat())
    return w.finish()


def decode_request_deadline(element: Element) -> RequestDeadline:
    data = message_data(element)
    deadline = as_date(required_text(data, M.MessageDataDeadline), "MessageDataDeadline")
    if deadline is None:  # pragma: no cover - required_text raised
        raise DecodeError("MessageDataDeadline is missing")
    return RequestDeadline(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        deadline=deadline,
    )


ENCODERS = {RequestDeadline: encode_request_deadline}
DECODERS = {RequestDeadline.element_name: decode_request_deadline}
