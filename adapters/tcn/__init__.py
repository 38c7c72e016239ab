"""ECRIS-TCN adapters: the XML format, the client of the central system, its simulator, the biometric store."""
