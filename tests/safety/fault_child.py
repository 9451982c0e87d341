"""The process the kill tests shoot: runs one operation (often in a loop) and says "go" when it starts.

Usage: python -m tests.safety.fault_child OPERATION ARGS...  (cwd = repository root)
  fill DB MEMBERS YEARS    one big all-or-nothing transaction (the path a large import takes)
  import DB XLSX           the member import of an Excel list (backup first, then one transaction)
  export TARGET A B        atomic_write_bytes of file A, then B, then A ... over TARGET, forever
  backup DB                BackupService.snapshot in a loop
  usb DB FOLDER            BackupService.backup_to(FOLDER) in a loop (not encrypted)
  usbenc DB FOLDER PW      BackupService.backup_to(FOLDER, password=PW) in a loop (encrypted)
  setpw DB PW              SecurityService.set_password (encrypt CCCD/phone, wipe, reseal backups) once
  restore DB A B           BackupService.restore of A, then B, then A ... in a loop
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

from app.bootstrap import open_services
from app.config import AppPaths

NOW = datetime(2026, 11, 22, 9, 30)


def _services(db: str):
    return open_services(AppPaths.for_database(Path(db)), now=lambda: NOW, backup_on_start=False)


def _go() -> None:
    print("go", flush=True)


def main(argv: list[str]) -> None:
    op, *args = argv
    if op == "fill":
        s = _services(args[0])
        _go()
        s.demo.fill(members=int(args[1]), years=int(args[2]))
    elif op == "import":
        s = _services(args[0])
        _go()
        s.importer.run(Path(args[1]))
    elif op == "export":
        from exporters.atomic import atomic_write_bytes

        blobs = [Path(args[1]).read_bytes(), Path(args[2]).read_bytes()]
        _go()
        n = 0
        while True:
            atomic_write_bytes(Path(args[0]), blobs[n % 2], delay=0.0)
            n += 1
    elif op == "backup":
        s = _services(args[0])
        _go()
        while True:
            s.backups.snapshot("thu-cong")
    elif op == "usb":
        s = _services(args[0])
        _go()
        while True:
            s.backups.backup_to(Path(args[1]), encrypt=False)
    elif op == "usbenc":
        s = _services(args[0])
        _go()
        while True:
            s.backups.backup_to(Path(args[1]), password=args[2])
    elif op == "setpw":
        s = _services(args[0])
        plan = s.security.plan(args[1], args[1])
        _go()
        s.security.set_password(plan)
    elif op == "restore":
        s = _services(args[0])
        _go()
        n = 0
        while True:
            s.backups.restore(Path(args[1 + n % 2]))
            n += 1
    else:
        raise SystemExit(f"unknown operation {op}")
    print("done", flush=True)
    time.sleep(60)  # stay alive: a late kill must still hit a live process


if __name__ == "__main__":
    main(sys.argv[1:])
