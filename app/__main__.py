"""`python -m app`: the headless command line. Never imports Qt."""

import sys

from app.cli.main import main

sys.exit(main())
