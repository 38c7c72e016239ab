"""CancellationMessage (``deliverCancellation``): cancels one of the sender's own earlier REQ, RRS, NOT or
NRS (same Member State order as the cancelled message)."""

from __future__ import annotations

from gateway.model.exchange import Cancellation

from .contact import contact_of, put_contact
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .reading import one
from .texts import ml_of, put_ml


def encode_cancellation(message: Cancellation) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    return w.finish()


def decode_cancellation(element: Element) -> Cancellation:
    data = message_data(element)
    return Cancellation(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
    )


ENCODERS = {Cancellation: encode_cancellation}
DECODERS = {Cancellation.element_name: decode_cancellation}
