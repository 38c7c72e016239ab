"""ECRIS-TCN (Loi du 29 mars 2013, Arts 12-1 and 12-2; Regulation (EU) 2019/816): who needs a record
(``who``), the ETIAS/VIS flag and its tables (``etias``, ``etias_tables``), mandatory biometrics
(``biometrics``)."""
