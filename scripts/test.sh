#!/usr/bin/env bash
# Sets up (first time) and runs the whole test suite headless. Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest "$@"
