"""``python -m trialspacy``: the command line (``trialspacy --help``)."""

from .cli import main

main()
