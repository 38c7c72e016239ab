"""The ECRIS messaging tables and their repositories: the inbox journal, the outbox, the message-ID serial.

- ``ecris_inbox``: every inbound HTTP message, raw, with its headers and time of receipt, written (and
  committed) before the HTTP answer. ``accepted_key`` holds the message ID of the one accepted copy, so a
  second copy under the same ID is recognised (byte-identical: ``duplicate``; different: ``quarantined``).
- ``ecris_outbox``: every outbound message, as the SOAP envelope bytes to post, written in the transaction
  of the change that caused it. Its message ID is allocated once, at queueing, and never changes.
- ``ecris_message_serial`` (SQLite) or the sequence ``ecris_message_serial_seq`` (PostgreSQL): the 15-digit
  serial of the message IDs this gateway allocates, unique across processes.

One module each: ``tables``, ``driver`` (the hot statements at DBAPI level), ``serials``, ``inbox``,
``outbox``, ``errors``; this package re-exports what the rest of the gateway imports.
"""

from adapters.db.messaging.driver import DriverStatements, driver_statements
from adapters.db.messaging.errors import MessagingError
from adapters.db.messaging.inbox import (
    InboundEntry,
    SqlInbox,
    digest_of,
    journal_entries,
    journal_with_cursor,
)
from adapters.db.messaging.outbox import DueMessage, EnvelopeWriter, SqlOutbox
from adapters.db.messaging.serials import SERIAL_BLOCK_MAX, allocate_serials
from adapters.db.messaging.tables import PG_SEQUENCE, SERIAL_NAME, inbox, message_serial, outbox

__all__ = [
    "PG_SEQUENCE",
    "SERIAL_BLOCK_MAX",
    "SERIAL_NAME",
    "DriverStatements",
    "DueMessage",
    "EnvelopeWriter",
    "InboundEntry",
    "MessagingError",
    "SqlInbox",
    "SqlOutbox",
    "allocate_serials",
    "digest_of",
    "driver_statements",
    "inbox",
    "journal_entries",
    "journal_with_cursor",
    "message_serial",
    "outbox",
]
