import sys

from briefing.cli.commands import main

sys.exit(main())
