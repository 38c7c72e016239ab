"""The Minister of Justice's naturalisation transfer file (``schemas/naturalisation.md``)."""
