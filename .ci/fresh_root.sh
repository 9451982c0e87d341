#!/usr/bin/env bash
# Proves the README's Quick start on a fresh machine: a new Debian 12 root (debootstrap minbase plus
# python3, git, ca-certificates, as a new user would have), a clean clone of this commit in it, and the
# README's two commands run there exactly as written, as root and as an ordinary user without sudo:
#
#   root:   scripts/test.sh                     (installs what it needs itself)
#   user:   xvfb-run -a scripts/run.sh          -> no sudo: must print the one apt-get line and stop
#   admin:  <that line>                         (run as root, as the README tells the user)
#   user:   xvfb-run -a scripts/run.sh          -> the demo window is shown and keeps running
#   root:   xvfb-run -a scripts/run.sh          -> the same
#   user:   scripts/test.sh
#   both:   second runs with the network cut off (unshare -n): set-up touches no network
#   root:   the LibreOffice and PyInstaller-bundle tests (SOCHIBO_EXTRA_DEBS, SOCHIBO_TEST_BUNDLE=1)
#
# Only the host's package-index settings (apt sources and Acquire options, the CA bundle, pip's index and
# certificate options) are carried into the root. Needs root and debootstrap on the host.
# Usage: .ci/fresh_root.sh [REPO_DIR]    (REPO_DIR: the clone to test, default: this one)
set -Eeuo pipefail
REPO="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
SUITE=bookworm
MIRROR="${SOCHIBO_CI_MIRROR:-http://deb.debian.org/debian}"
CACHE=/var/cache/sochibo-ci
WORK="$(mktemp -d /var/tmp/sochibo-fresh.XXXXXX)"
R="$WORK/root"
T0=$SECONDS
# The README's two Quick start commands (.ci/run passes them; these defaults are the same).
TEST_CMD="${SOCHIBO_README_TEST:-scripts/test.sh}"
RUN_CMD="${SOCHIBO_README_RUN:-xvfb-run -a scripts/run.sh}"
declare -a TIMES=()

log() { printf '\n[fresh-root %4ds] %s\n' "$((SECONDS - T0))" "$*"; }
timed() {  # timed LABEL CMD...: run, record wall time
  local label="$1"; shift
  local t=$SECONDS
  log "$label"
  "$@"
  TIMES+=("$(printf '%5ds  %s' "$((SECONDS - t))" "$label")")
}

release_root() {  # stop what runs inside root $1 and unmount what was mounted there
  local root="$1" p m
  for p in /proc/[0-9]*; do
    if [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ]; then kill -9 "${p#/proc/}" 2>/dev/null; fi
  done
  sleep 1
  for m in dev/shm dev/pts dev sys proc; do
    if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m"; fi
  done
}
cleanup() {
  set +e
  release_root "$WORK/root"
  release_root "$WORK/root-sudo"
  # --one-file-system: never follow a mount that failed to come off (the host's /dev is bound in).
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR

# --- the fresh root -----------------------------------------------------------------------------
make_root() {
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  mkdir -p "$CACHE"
  local tarball="$CACHE/$SUITE-minbase-python3-git.tar"
  if [ ! -s "$tarball" ]; then
    # Cached between runs on the same machine: what debootstrap makes, never touched afterwards.
    rm -rf "$CACHE/build"
    debootstrap --variant=minbase --include=python3,git,ca-certificates "$SUITE" "$CACHE/build" "$MIRROR" >/dev/null
    tar -C "$CACHE/build" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$CACHE/build"
  fi
  mkdir -p "$R"
  tar -C "$R" -xf "$tarball"
}

carry_package_settings() {
  cp /etc/resolv.conf "$R/etc/resolv.conf"
  # apt: the host's sources and its Acquire:: options (files holding nothing else).
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null || [ -f /etc/apt/sources.list ]; then
    rm -f "$R/etc/apt/sources.list"
    [ ! -f /etc/apt/sources.list ] || cp /etc/apt/sources.list "$R/etc/apt/"
    for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
      if [ -f "$f" ]; then cp "$f" "$R/etc/apt/sources.list.d/"; fi
    done
  fi
  for f in /etc/apt/apt.conf.d/*; do
    [ -f "$f" ] || continue
    if ! grep -v -E '^\s*(//.*)?$' "$f" | grep -q -v -E '^\s*Acquire(::|\s)'; then cp "$f" "$R/etc/apt/apt.conf.d/"; fi
  done
  # The CA bundle (a proxy's certificate may be in it).
  [ ! -f /etc/ssl/certs/ca-certificates.crt ] || cp /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
  # pip: index and certificate options whose values make sense inside the root (no host-only paths).
  : > "$R/etc/pip.conf"
  printf '[global]\n' >> "$R/etc/pip.conf"
  for f in /etc/pip.conf /etc/xdg/pip/pip.conf "$HOME/.config/pip/pip.conf" "$HOME/.pip/pip.conf"; do
    [ -f "$f" ] || continue
    { grep -E '^\s*(index-url|extra-index-url|trusted-host|cert|timeout|retries)\s*=' "$f" || true; } | while IFS= read -r line; do
      value="${line#*=}"; value="${value# }"
      keep=""
      for v in $value; do
        case "$v" in file://*) ;; /*) [ -e "$R$v" ] && keep="$keep $v" ;; *) keep="$keep $v" ;; esac
      done
      [ -z "$keep" ] || printf '%s =%s\n' "${line%%=*}" "$keep" | sed 's/ *= */ = /' >> "$R/etc/pip.conf"
    done
  done
}

mount_root() {
  mount -t proc proc "$R/proc"
  mount -t sysfs sys "$R/sys"
  mount --bind /dev "$R/dev"
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$R/dev/pts" 2>/dev/null || mount --bind /dev/pts "$R/dev/pts"
  mount -t tmpfs -o size=2g tmpfs "$R/dev/shm"
}

# in_root USER [--no-net] CMD: a login-like clean environment, the command in the clone's folder.
in_root() {
  local who="$1"; shift
  local net=()
  if [ "$1" = "--no-net" ]; then net=(unshare -n); shift; fi
  local home=/root spec=0:0
  [ "$who" = root ] || { home="/home/$who"; spec="$who:$who"; }
  "${net[@]}" chroot --userspec="$spec" "$R" /usr/bin/env -i HOME="$home" USER="$who" LOGNAME="$who" \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin LANG=C.UTF-8 TERM=dumb \
    ${SOCHIBO_EXTRA_DEBS:+SOCHIBO_EXTRA_DEBS="$SOCHIBO_EXTRA_DEBS"} ${SOCHIBO_TEST_BUNDLE:+SOCHIBO_TEST_BUNDLE=1} \
    /bin/bash -c "cd $home/sochibo && $*"
}

clone_for() {
  local who="$1" home=/root
  [ "$who" = root ] || home="/home/$who"
  git clone -q --no-hardlinks "$REPO" "$R$home/sochibo"
  [ "$who" = root ] || chroot "$R" chown -R "$who:$who" "$home/sochibo"
}

# window_check USER [--no-net]: `xvfb-run -a scripts/run.sh`, exactly; the demo window must be mapped on
# the virtual screen within the time limit, and the program still running 10 s later.
window_check() {
  local who="$1" net="${2:-}" out="$WORK/run-$1.log"
  ( set +E; trap - ERR; in_root "$who" $net "$RUN_CMD" >"$out" 2>&1 || true ) &
  local pid=$! shown=""
  for _ in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    # The Xvfb that xvfb-run started: its display and auth file, to ask which windows are mapped.
    local x
    for x in /proc/[0-9]*; do
      [ "$(readlink "$x/root" 2>/dev/null)" = "$R" ] || continue
      local cmd; cmd="$(tr '\0' ' ' < "$x/cmdline" 2>/dev/null || true)"
      case "$cmd" in Xvfb\ *) ;; *) continue ;; esac
      local disp auth
      disp="$(sed -n 's/^Xvfb \(:[0-9]*\).*/\1/p' <<< "$cmd")"
      auth="$(sed -n 's/.*-auth \([^ ]*\).*/\1/p' <<< "$cmd")"
      if chroot "$R" env DISPLAY="$disp" XAUTHORITY="$auth" xwininfo -root -tree 2>/dev/null | grep -q 'Chi b'; then
        shown="$disp"
      fi
    done
    [ -z "$shown" ] || break
    sleep 1
  done
  if [ -z "$shown" ]; then
    cat "$out"; echo "FAIL: no 'Sổ Chi bộ' window appeared for $who"; kill "$pid" 2>/dev/null; return 1
  fi
  sleep 10
  kill -0 "$pid" 2>/dev/null || { cat "$out"; echo "FAIL: the window closed by itself ($who)"; return 1; }
  echo "window shown on $shown for $who and still running"
  # Close it as a window manager would (SIGTERM to the program); xvfb-run then stops its Xvfb itself.
  for x in /proc/[0-9]*; do
    [ "$(readlink "$x/root" 2>/dev/null)" = "$R" ] || continue
    case "$(tr '\0' ' ' < "$x/cmdline" 2>/dev/null)" in *"-m ui"*) kill "${x#/proc/}" 2>/dev/null ;; esac
  done
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  wait "$pid" 2>/dev/null || true
  sed -n '1,40p' "$out"
}

no_real_database() {  # opening the demo leaves the user's own data file uncreated
  local who="$1" home=/root
  [ "$who" = root ] || home="/home/$who"
  local found
  found="$(find "$R$home" -name 'sochibo.sqlite3*' -not -path '*/sochibo/tests/*' 2>/dev/null || true)"
  [ -z "$found" ] || { echo "FAIL: the demo created the real data file: $found"; return 1; }
  find "$R$home" -name 'demo.sqlite3' | grep -q . || { echo "FAIL: no demo file was written for $who"; return 1; }
}

user_without_sudo_is_told_the_line() {
  local out="$WORK/nosudo.log"
  if in_root tester "$RUN_CMD" >"$out" 2>&1; then
    cat "$out"; echo "FAIL: run.sh went on without the window's packages"; return 1
  fi
  cat "$out"
  grep -q 'không có quyền cài' "$out" && grep -q 'cannot install' "$out" || { echo "FAIL: no clear message"; return 1; }
  grep -q -E 'bash: |command not found|Traceback' "$out" && { echo "FAIL: a raw error reached the user"; return 1; }
  ADMIN_LINE="$(grep -E '^    apt-get update && apt-get install' "$out" | head -1 | sed 's/^    //')"
  [ -n "$ADMIN_LINE" ] || { echo "FAIL: no apt-get line printed"; return 1; }
}

timed "fresh Debian $SUITE root (debootstrap minbase + python3 git ca-certificates; cached)" make_root
carry_package_settings
mount_root
chroot "$R" useradd -m -s /bin/bash tester
clone_for root
clone_for tester
[ ! -e "$R/usr/bin/sudo" ] || { echo "FAIL: the fresh root has sudo"; exit 1; }

timed "root: $TEST_CMD" in_root root "$TEST_CMD"
timed "administrator: apt-get install xvfb xauth (README: a machine without a screen)" \
  in_root root "apt-get install -y -qq --no-install-recommends xvfb xauth x11-utils >/dev/null"
timed "user without sudo: $RUN_CMD (must print the administrator's line)" user_without_sudo_is_told_the_line
timed "administrator: $ADMIN_LINE" in_root root "$ADMIN_LINE >/dev/null"
timed "user: $RUN_CMD" window_check tester
no_real_database tester
timed "root: $RUN_CMD" window_check root
no_real_database root
timed "user: $TEST_CMD" in_root tester "$TEST_CMD"
timed "user, no network: $TEST_CMD --collect-only (set-up again)" in_root tester --no-net "$TEST_CMD --collect-only -q >/dev/null"
timed "root, no network: $RUN_CMD (set-up again)" window_check root --no-net
# A user WITH sudo, on a second fresh root: set-up installs the packages through sudo, once.
sudo_user_path() {
  R="$WORK/root-sudo"
  make_root
  carry_package_settings
  mount_root
  chroot "$R" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends sudo >/dev/null"
  chroot "$R" useradd -m -s /bin/bash helper
  echo "helper ALL=(ALL) NOPASSWD: ALL" > "$R/etc/sudoers.d/helper"
  chmod 0440 "$R/etc/sudoers.d/helper"
  clone_for helper
  local out="$WORK/sudo.log"
  in_root helper "$TEST_CMD --collect-only -q" >"$out" 2>&1 || { cat "$out"; echo "FAIL: set-up with sudo"; return 1; }
  grep -q 'sudo' "$out" || { cat "$out"; echo "FAIL: set-up did not go through sudo"; return 1; }
  tail -3 "$out"
  in_root helper --no-net "$TEST_CMD --collect-only -q >/dev/null" || { echo "FAIL: second run with sudo needed the network"; return 1; }
  release_root "$R"
  R="$WORK/root"
}
timed "user with sudo, second fresh root: $TEST_CMD --collect-only (set-up through sudo; again without network)" sudo_user_path

export SOCHIBO_EXTRA_DEBS="libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils binutils libpython3.11"
export SOCHIBO_TEST_BUNDLE=1
timed "root: LibreOffice and bundle tests (SOCHIBO_EXTRA_DEBS, SOCHIBO_TEST_BUNDLE=1 $TEST_CMD)" \
  in_root root "$TEST_CMD -q 2>&1 | tee /root/last-pytest.log; exit \${PIPESTATUS[0]}"

log "all steps passed; wall time per step:"
printf '%s\n' "${TIMES[@]}"
printf '%5ds  total\n' "$((SECONDS - T0))"
# The test runner's closing line last, for whoever reads the end of the log.
grep -E '^=* ?[0-9]+ (passed|failed)' "$R/root/last-pytest.log" | tail -1 || true
