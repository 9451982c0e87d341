#!/usr/bin/env bash
# Sets up (first time) and opens Sổ Chi bộ. With no data yet, it opens a demo branch in its own file
# (demo.sqlite3), so your real data file is not created until you set up your own branch.
set -euo pipefail
export SOCHIBO_SETUP_FOR=window
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  printf 'Không có màn hình (DISPLAY). Hãy chạy trên máy có giao diện, hoặc dùng màn hình ảo:\n' >&2
  printf 'No screen (DISPLAY). Run it on a desktop, or on a virtual screen:\n\n' >&2
  command -v xvfb-run >/dev/null 2>&1 || printf '    apt-get install -y xvfb xauth        (một lần, với quyền root / once, as root)\n' >&2
  printf '    xvfb-run -a scripts/run.sh\n\n' >&2
  exit 1
fi
echo "==> Mở Sổ Chi bộ / opening Sổ Chi bộ"
exec .venv/bin/python -m ui --demo-if-empty "$@"
