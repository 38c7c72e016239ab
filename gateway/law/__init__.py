"""The law: one rule, one function or table, each citing its article (Loi du 29 mars 2013)."""
