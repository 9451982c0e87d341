#!/usr/bin/env bash
# Sets up everything Sổ Chi bộ needs on a Debian/Ubuntu machine: the Debian libraries headless Qt
# needs (when missing), a virtual environment in .venv and the Python packages. Safe to run again.
# Sourced by scripts/run.sh and scripts/test.sh; prints what it does, changes nothing outside the repo
# except Debian packages (with root or sudo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# 1. Python >= 3.11
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PY="$cand"; break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "Cần Python 3.11 trở lên (python3.11). Hãy cài rồi chạy lại. / Python >= 3.11 is required." >&2
  exit 1
fi

# 2. Debian libraries Qt needs even offscreen (TECH-NOTES §1.2), and a font with Vietnamese glyphs.
missing_debs() {
  local pkgs=()
  local lib
  declare -A need=(
    [libGL.so.1]=libgl1 [libEGL.so.1]=libegl1 [libX11.so.6]=libx11-6 [libdbus-1.so.3]=libdbus-1-3
    [libfontconfig.so.1]=libfontconfig1 [libfreetype.so.6]=libfreetype6 [libglib-2.0.so.0]=libglib2.0-0
    [libxkbcommon.so.0]=libxkbcommon0
  )
  for lib in "${!need[@]}"; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || pkgs+=("${need[$lib]}")
  done
  [ -n "$(fc-list 2>/dev/null | grep -i dejavu || true)" ] || pkgs+=(fonts-dejavu-core)
  if [ -n "${SOCHIBO_EXTRA_DEBS:-}" ]; then
    for p in $SOCHIBO_EXTRA_DEBS; do dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p"); done
  fi
  echo "${pkgs[@]:-}"
}
DEBS="$(missing_debs)"
if [ -n "${DEBS// /}" ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "==> Cài thư viện hệ thống còn thiếu: $DEBS"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $DEBS >/dev/null
fi

# 3. Virtual environment and packages (re-installed only when pyproject.toml changed).
if [ ! -x .venv/bin/python ]; then
  echo "==> Tạo môi trường Python trong .venv"
  "$PY" -m venv .venv
fi
# SOCHIBO_PIP_EXTRAS adds optional groups, e.g. "build" for PyInstaller (CI builds the bundle).
EXTRAS="test${SOCHIBO_PIP_EXTRAS:+,$SOCHIBO_PIP_EXTRAS}"
STAMP=.venv/.sochibo-installed
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] || [ "$(cat "$STAMP")" != "$EXTRAS" ]; then
  echo "==> Cài các gói Python (PySide6-Essentials, openpyxl, python-docx, …)"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$EXTRAS]"
  echo "$EXTRAS" > "$STAMP"
fi
