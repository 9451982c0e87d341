#!/usr/bin/env bash
# Sets up (first time) and runs the whole test suite headless. Extra arguments go to pytest.
# Tests that need LibreOffice (does Word's file open) or a PyInstaller bundle build are skipped with a
# one-line reason when those are not installed (SOCHIBO_TEST_BUNDLE=1 builds the bundle); see README.
set -euo pipefail
export SOCHIBO_SETUP_FOR=tests
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "==> Kiểm tra mã nguồn (ruff) / lint"
.venv/bin/python -m ruff check --no-cache .
echo "==> Chạy bộ kiểm thử (pytest) / running the tests"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
