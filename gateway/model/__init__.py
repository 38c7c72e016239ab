"""The register's model: frozen dataclasses and enums (no I/O)."""
