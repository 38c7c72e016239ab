"""XML adapters: the hardened parser, the ECRIS schemas and the ECRIS message codecs."""
