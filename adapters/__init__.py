"""Adapters: the outside world (XML, SOAP, database, files, CLI) turned into core calls and back."""
