"""Allow `python -m planas`."""

from planas.cli import main

main()
