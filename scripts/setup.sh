#!/usr/bin/env bash
# Sets up everything Sổ Chi bộ needs on a Debian or Ubuntu machine, once; safe to run again.
# Sourced by scripts/run.sh (SOCHIBO_SETUP_FOR=window) and scripts/test.sh (SOCHIBO_SETUP_FOR=tests).
#
#  1. Python >= 3.11 with venv (python3-venv).
#  2. The Debian packages Qt needs: the offscreen set for the tests, plus the X11/xcb set for the window,
#     and a font with Vietnamese glyphs. What is missing is asked of the package manager (dpkg-query), once:
#     when nothing is missing this touches no network and asks for no password. Installing uses apt-get as
#     root, or sudo; without either it prints the one line an administrator must run, and stops.
#  3. A virtual environment in .venv with the Python packages of pyproject.toml. A half-made .venv (no
#     working pip, a Python that is gone) is removed and made again. Packages are installed again only
#     when pyproject.toml or the wanted extras change.
#
# Optional, for CI: SOCHIBO_EXTRA_DEBS="pkg …" adds Debian packages; SOCHIBO_PIP_EXTRAS="a,b" adds extras.
set -euo pipefail
SETUP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$SETUP_ROOT"

_say() { printf '==> %s\n' "$*"; }
_fail() {
  printf '\nLỖI: %s\n' "$1" >&2
  [ -z "${2:-}" ] || printf 'ERROR: %s\n' "$2" >&2
  exit 1
}
_step="chuẩn bị / preparing"
trap 'printf "\nLỖI: bước \"%s\" không thành công (xem dòng báo lỗi ở trên).\nERROR: step \"%s\" failed (see the message above).\n" "$_step" "$_step" >&2' ERR

# --- 1. Python ------------------------------------------------------------------------------------
_step="tìm Python 3.11+ / finding Python 3.11+"
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PY="$cand"; break
    fi
  done
fi
if [ -z "$PY" ]; then
  _fail "Cần Python 3.11 trở lên. Hãy cài (Debian/Ubuntu: apt-get install python3 python3-venv) rồi chạy lại." \
        "Python >= 3.11 is required: apt-get install python3 python3-venv, then run this again."
fi
PYVER="$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"

# --- 2. Debian packages ---------------------------------------------------------------------------
# Qt offscreen (tests and the window): GL/EGL, fontconfig/freetype, glib, xkbcommon, X11, D-Bus; a font
# with Vietnamese glyphs. "a|b" means: either package will do (Ubuntu 24.04 renamed some with t64).
DEBS_TESTS=(libgl1 libegl1 libfontconfig1 libfreetype6 "libglib2.0-0|libglib2.0-0t64" libxkbcommon0 libx11-6
            libdbus-1-3 fonts-dejavu-core)
# Qt's xcb platform plug-in (the window on X11): what libqxcb.so and libQt6XcbQpa.so.6 link to.
DEBS_WINDOW=(libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-util1 libxcb-image0 libxcb-keysyms1
             libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
             libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

_wanted=("${DEBS_TESTS[@]}")
[ "${SOCHIBO_SETUP_FOR:-tests}" != "window" ] || _wanted+=("${DEBS_WINDOW[@]}")
# venv needs ensurepip, which Debian ships apart in pythonX.Y-venv.
"$PY" -c 'import ensurepip, venv' >/dev/null 2>&1 || _wanted+=("python${PYVER}-venv")
if [ -n "${SOCHIBO_EXTRA_DEBS:-}" ]; then
  read -r -a _extra <<< "$SOCHIBO_EXTRA_DEBS"
  _wanted+=("${_extra[@]}")
fi

MISSING=()
if command -v dpkg-query >/dev/null 2>&1; then
  _step="đọc danh sách gói đã cài / reading the installed packages"
  _installed=" $(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 2>/dev/null | awk '$1 == "ii" {print $2}' | tr '\n' ' ') "
  for want in "${_wanted[@]}"; do
    found=""
    IFS='|' read -r -a alts <<< "$want"
    for alt in "${alts[@]}"; do
      case "$_installed" in *" $alt "*) found=1 ;; esac
    done
    [ -n "$found" ] || MISSING+=("${alts[0]}")
  done
fi

if [ "${#MISSING[@]}" -gt 0 ]; then
  _line="apt-get update && apt-get install -y --no-install-recommends ${MISSING[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    _fail "Máy này không có apt-get. Hãy cài các gói tương ứng với: ${MISSING[*]}" \
          "No apt-get on this machine. Install the equivalents of: ${MISSING[*]}"
  fi
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    SUDO=(sudo)
    _say "Cần quyền quản trị (sudo) để cài gói hệ thống / sudo is needed to install system packages"
  else
    printf '\nCòn thiếu gói hệ thống mà Sổ Chi bộ cần, và tài khoản này không có quyền cài (không phải root, không có sudo).\n' >&2
    printf 'Nhờ quản trị viên chạy một lệnh sau với quyền root, rồi chạy lại lệnh vừa rồi:\n' >&2
    printf 'Missing system packages, and this account cannot install them (not root, no sudo).\n' >&2
    printf 'Ask an administrator to run this one line as root, then run your command again:\n\n' >&2
    printf '    %s\n\n' "$_line" >&2
    exit 1
  fi
  _step="cài gói hệ thống / installing system packages: ${MISSING[*]}"
  _say "Cài gói hệ thống còn thiếu / installing missing system packages: ${MISSING[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
fi

# --- 3. Virtual environment and Python packages ---------------------------------------------------
_step="kiểm tra môi trường .venv / checking .venv"
if [ -e .venv ] && ! .venv/bin/python -c 'import pip' >/dev/null 2>&1; then
  _say "Môi trường .venv dở dang: tạo lại / .venv is incomplete: making it again"
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  _step="tạo môi trường Python .venv / creating .venv"
  _say "Tạo môi trường Python trong .venv (Python $PYVER) / creating .venv"
  if ! "$PY" -m venv .venv; then
    rm -rf .venv
    false
  fi
fi

_step="cài các gói Python / installing the Python packages"
# Wanted extras: the tests need "test" and "build" (PyInstaller: tests/packaging reads build.spec).
case "${SOCHIBO_SETUP_FOR:-tests}" in
  window) _extras="" ;;
  *) _extras="test,build" ;;
esac
[ -z "${SOCHIBO_PIP_EXTRAS:-}" ] || _extras="${_extras:+$_extras,}$SOCHIBO_PIP_EXTRAS"
STAMP=.venv/.sochibo-installed
_hash="$(sha256sum pyproject.toml | cut -c1-16)"
_have_hash=""; _have_extras=""
if [ -f "$STAMP" ]; then
  _have_hash="$(sed -n 's/^pyproject=//p' "$STAMP")"
  _have_extras="$(sed -n 's/^extras=//p' "$STAMP")"
fi
_need=0
[ "$_have_hash" = "$_hash" ] || _need=1
IFS=',' read -r -a _want_list <<< "$_extras"
for e in "${_want_list[@]}"; do
  case ",$_have_extras," in *",$e,"*) ;; *) _need=1 ;; esac
done
if [ "$_need" -eq 1 ]; then
  # Keep what was installed before (run.sh after test.sh must not drop the test tools).
  _all="$( { printf '%s\n' "${_want_list[@]}"; [ "$_have_hash" != "$_hash" ] || tr ',' '\n' <<< "$_have_extras"; } \
          | sed '/^$/d' | sort -u | paste -sd, -)"
  _say "Cài các gói Python (PySide6-Essentials, openpyxl, python-docx …${_all:+; thêm: $_all}) / installing Python packages"
  rm -f "$STAMP"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${_all:+[$_all]}"
  printf 'pyproject=%s\nextras=%s\n' "$_hash" "$_all" > "$STAMP"
fi
trap - ERR
_step=""
