"""Use cases of ECRIS-TCN (Loi du 29 mars 2013, Arts 12-1, 12-2; Regulation (EU) 2019/816): the record as the
register makes it (``record``), kept in step with the register through a durable queue (``sync``,
``sender``), the police files behind the record (``prints``), queries before a request (``queries``), the
police files sent for a query and their purge (``biometrics``), the processing log's retention (``log``)."""
