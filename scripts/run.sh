#!/usr/bin/env bash
# Sets up (first time) and opens Sổ Chi bộ. With no data yet, it opens a demo branch in its own file,
# so your real data folder stays empty until you set up your own branch.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = "Linux" ]; then
  echo "Không có màn hình (DISPLAY). Hãy chạy trên máy có giao diện, hoặc: xvfb-run -a scripts/run.sh" >&2
  exit 1
fi
exec .venv/bin/python -m ui --demo-if-empty "$@"
