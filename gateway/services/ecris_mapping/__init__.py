"""The register's persons and decisions as ECRIS v1.0 structures (no XML: the codecs write them).

    person_identity_of(person) -> EcrisPerson
    conviction_of(person, decision, *, conviction_id, sending_state="LU") -> EcrisConviction
    convictions_of(person, [(decision, conviction_id), ...]) -> tuple[EcrisConviction, ...]
    notification_for(person, decision, *, message_id, receiver, now) -> Notification

The ``EcrisConviction``/``EcrisPerson`` values serve the NotificationMessage (one conviction) and the
RequestResponseMessage (several, numbered by ``convictions_of`` so that decision, offence and sanction IDs
stay unique in the message).

One module per building block: ``codes`` (reference-table codes), ``texts`` (free texts, names, amounts,
durations), ``person``, ``sanctions``, ``conviction``, ``notification``; ``errors`` holds the refusals.

**Codes.** Reference-table codes are looked up by the gateway's own keys (``imprisonment``, ``EUR``,
``rehabilitation`` …) in the ``tables`` passed in, so that an official CRT replaces the project's codes;
without tables, or for a key the tables lack, the codes of the project tables (``schemas/reference-tables``)
apply. Imprisonment (``S-00-001001``) and fine (``S-00-008001``) are Annex B codes seen in real traffic.
**Every other sanction category below is PROVISIONAL** (``S-99-…``: no public Annex B value exists; the
``99`` marks a code of this project, to be replaced by the official CRT), and so are the two suspension
types ``S-99-A`` (sursis simple) and ``S-99-B`` (sursis probatoire). Offence categories come from the
decision's Annex A code by the contract's rule ("0301 00" → ``O-00-030100``).

**Unknown data** uses the contract's conventions, which the codec writes: no birth date → year 1800, no
decision date → 1800-01-01, no reference → file number ``UNKNOWN``, no legal provisions → ``UNKNOWN``, no
nationality → ``CO-00-999-XXX``, no Annex A code → ``O-00-270000``, no forename or birth town → ``UNKNOWN``,
sex X or U → 0 (unknown; ISO 5218 as ECRIS restricts it has no "other"). A country outside the project's
country table travels as ``CO-00-999-XXX`` and, for a nationality, is named in the person's remarks.

**Legal persons.** ECRIS v1.0 carries natural persons only (``dm:PersonType``: forename, surname, sex,
birth; FD 2009/315 Art 2(a)): a legal person raises ``LegalPersonNotSupported``.

**Amounts** travel as ECRIS wants them: a whole unit and a fraction read as two-digit cents (1,500 EUR →
unit 1500, no fraction; 12.05 → 12 and 5), in euros unless a foreign decision gives the amount pronounced
and its currency. **Durations** are ``xsd:duration`` (8 months → ``P8M``, 30 months → ``P2Y6M``, 120 hours
of community service → ``PT120H``). A **sursis** is the sanction's ``SanctionSuspension``: its type, the
suspended part (the whole sentence for a full sursis), the probation period and obligations.
Free texts lose ``<`` and ``>`` (which ``commons:StringType`` forbids) and are cut to the contract's lengths.
"""

from gateway.services.ecris_mapping.codes import _COUNTRIES as _COUNTRIES  # the tests read it
from gateway.services.ecris_mapping.codes import (
    DECISION_CHANGE_CODES,
    IDENTIFICATION_DOCUMENT_CODES,
    SANCTION_CATEGORY_CODES,
    SUSPENSION_TYPE_CODES,
    country_code,
    currency_code,
    offence_category,
)
from gateway.services.ecris_mapping.conviction import conviction_of, convictions_of
from gateway.services.ecris_mapping.errors import EcrisMappingError, LegalPersonNotSupported, NotNotifiable
from gateway.services.ecris_mapping.notification import notification_for
from gateway.services.ecris_mapping.person import person_identity_of

__all__ = [
    "DECISION_CHANGE_CODES",
    "IDENTIFICATION_DOCUMENT_CODES",
    "SANCTION_CATEGORY_CODES",
    "SUSPENSION_TYPE_CODES",
    "EcrisMappingError",
    "LegalPersonNotSupported",
    "NotNotifiable",
    "conviction_of",
    "convictions_of",
    "country_code",
    "currency_code",
    "notification_for",
    "offence_category",
    "person_identity_of",
]
