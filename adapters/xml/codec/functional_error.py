"""FunctionalErrorMessage (``deliverFunctionalError``): one or more FE-nnnnn errors found while processing
an earlier message (each code at most once: it is an xsd:ID)."""

from __future__ import annotations

from gateway.model.exchange import FunctionalError, FunctionalErrorEntry

from .contact import contact_of, put_contact
from .metadata import message_data, metadata_of, start_message
from .namespaces import Element, M
from .reading import kids, one, required_text
from .texts import ml_of, put_ml


def encode_functional_error(message: FunctionalError) -> Element:
    w = start_message(message.element_name, message.metadata)
    put_contact(w, message.contact_person)
    put_ml(w, M.MessageDataRemarks, message.remarks)
    for error in message.errors:
        w.open(M.MessageDataFunctionalError)
        w.leaf(M.FunctionalErrorCode, error.code)
        put_ml(w, M.FunctionalErrorAdditionalInformation, error.additional_information)
        w.close()
    return w.finish()


def decode_functional_error(element: Element) -> FunctionalError:
    data = message_data(element)
    errors = []
    for node in data.get(M.MessageDataFunctionalError, ()):
        g = kids(node)
        errors.append(
            FunctionalErrorEntry(
                required_text(g, M.FunctionalErrorCode), ml_of(one(g, M.FunctionalErrorAdditionalInformation))
            )
        )
    return FunctionalError(
        metadata=metadata_of(element),
        contact_person=contact_of(data),
        remarks=ml_of(one(data, M.MessageDataRemarks)),
        errors=tuple(errors),
    )


ENCODERS = {FunctionalError: encode_functional_error}
DECODERS = {FunctionalError.element_name: decode_functional_error}
