"""``python -m adapters.cli`` is ``ecris-gateway``."""

from adapters.cli import main

main()
