"""Entry point of the frozen app: the same as `python -m briefing`."""

import sys

from briefing.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
