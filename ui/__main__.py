"""`python -m ui`, and the PyInstaller entry script. Absolute imports only."""

import sys

from ui.main import main

sys.exit(main())
