"""RequestAdditionalInfoMessage (``deliverRequestAdditionalInfo``): the MS searching for the person asks
for more identification data (closed list), answering a REQ or a NOT."""

from __future__ import annotations

from gateway.model.exchange import AdditionalInformation, RequestAdditionalInfo

from .contact import contact_of, put_contact
from .errors import DecodeError
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .reading import collapsed, one, text_of
from .texts import ml_of, put_ml
from .writer import put


def encode_request_additional_info(message: RequestAdditionalInfo) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    for item in message.requested:
        w.leaf(M.MessageDataAdditionalInformationRequested, item.value)
    put(w, M.MessageDataBinaryIDRequested, message.binary_id_requested)
    return w.finish()


def decode_request_additional_info(element: Element) -> RequestAdditionalInfo:
    data = message_data(element)
    requested = []
    for item in data.get(M.MessageDataAdditionalInformationRequested, ()):
        try:
            requested.append(AdditionalInformation(collapsed(item) or ""))
        except ValueError:
            raise DecodeError("MessageDataAdditionalInformationRequested has an unknown value") from None
    return RequestAdditionalInfo(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        requested=tuple(requested),
        binary_id_requested=text_of(data, M.MessageDataBinaryIDRequested),
    )


ENCODERS = {RequestAdditionalInfo: encode_request_additional_info}
DECODERS = {RequestAdditionalInfo.element_name: decode_request_additional_info}
