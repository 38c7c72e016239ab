"""Use cases of ECRIS-TCN (Arts 12-1, 12-2): the record as the register makes it (``record``), kept in step
with the register through a durable queue (``sync``, ``sender``), the police biometric files (``prints``),
the processing log's retention (``log``)."""
