"""ECRIS-TCN use cases (Loi du 29 mars 2013, Arts 12-1 and 12-2; Regulation (EU) 2019/816)."""
